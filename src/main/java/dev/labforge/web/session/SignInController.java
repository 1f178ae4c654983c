package dev.labforge.web.session;

import dev.labforge.access.AccountDisabled;
import dev.labforge.access.oidc.OidcSignIn;
import dev.labforge.access.Sessions;
import dev.labforge.api.CsrfRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign in by pasting an API token; sign out. The session lives in PostgreSQL, the browser holds only its cookie. */
@Controller
class SignInController {

    static final String PATH = "/signin";

    private final Sessions sessions;
    private final OidcSignIn singleSignOn;

    SignInController(Sessions sessions, OidcSignIn singleSignOn) {
        this.sessions = sessions;
        this.singleSignOn = singleSignOn;
    }

    /** The sign-in page offers single sign-on only where it is configured. */
    @ModelAttribute("singleSignOn")
    boolean singleSignOn() {
        return singleSignOn.enabled();
    }

    @GetMapping(PATH)
    String form() {
        return "signin";
    }

    @PostMapping(PATH)
    String signIn(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        requireSameOrigin(request); // a forged sign-in would put the victim into the attacker's account
        Optional<Sessions.Opened> opened;
        try {
            opened = sessions.open(token);
        } catch (AccountDisabled disabled) {
            return refused(response, model, "This account is disabled: ask an administrator.");
        }
        if (opened.isEmpty()) {
            return refused(response, model, "That token is unknown, revoked or expired.");
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, opened.get().secret(), Sessions.LIFETIME));
        return "redirect:/";
    }

    @PostMapping("/signout")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        // PageAuthentication found the session and checked the form's CSRF token
        PageSession.of(request).ifPresent(sessions::close);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO));
        return "redirect:" + PATH;
    }

    private static String refused(HttpServletResponse response, Model model, String why) {
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        model.addAttribute("error", why);
        return "signin";
    }

    /** HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site posts), Secure where the request is TLS. */
    static String cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(Sessions.COOKIE, value).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .path("/").maxAge(maxAge).build().toString();
    }

    private static void requireSameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new CsrfRefused();
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !origin.equals("null") && !origin.equals(ownOrigin(request))) {
            throw new CsrfRefused();
        }
    }

    private static String ownOrigin(HttpServletRequest request) {
        int port = request.getServerPort();
        boolean defaultPort = (request.isSecure() && port == 443) || (!request.isSecure() && port == 80);
        return request.getScheme() + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }
}
