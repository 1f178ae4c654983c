package dev.labforge.web.session;

import dev.labforge.access.AccountDisabled;
import dev.labforge.access.oidc.OidcSignIn;
import dev.labforge.access.Sessions;
import dev.labforge.api.ServiceUnavailable;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Signing in with the identity provider: {@value #START} sends the browser to the provider's login page, which sends
 * it back to {@value #CALLBACK}; then the browser has the same session as after a sign-in with an API token. Whatever
 * goes wrong on the way back (a wrong or replayed state, a refused code) is said on the sign-in page, never a 500.
 */
@Controller
class SingleSignOnController {

    static final String START = "/signin/sso";
    static final String CALLBACK = "/signin/sso/callback";
    /** Binds a flow to the browser that started it; sent only back to the callback. */
    static final String FLOW_COOKIE = "labforge_signin";

    private final OidcSignIn singleSignOn;

    SingleSignOnController(OidcSignIn singleSignOn) {
        this.singleSignOn = singleSignOn;
    }

    @GetMapping(START)
    String start(HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            OidcSignIn.Started started = singleSignOn.begin(callback(request));
            // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies
            response.addHeader(HttpHeaders.SET_COOKIE, flowCookie(request, started.browserSecret(),
                    Duration.ofMinutes(10)));
            return "redirect:" + started.authorize();
        } catch (OidcSignIn.Refused refused) {
            return refused(response, model, HttpStatus.BAD_REQUEST, refused.getMessage());
        } catch (ServiceUnavailable unavailable) {
            return refused(response, model, HttpStatus.SERVICE_UNAVAILABLE, "The identity provider cannot be reached"
                    + " right now: try again shortly, or sign in with an API token.");
        }
    }

    @GetMapping(CALLBACK)
    String callback(@RequestParam(required = false) String state, @RequestParam(required = false) String code,
                    @RequestParam(required = false) String error,
                    @RequestParam(name = "error_description", required = false) String errorDescription,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        response.addHeader(HttpHeaders.SET_COOKIE, flowCookie(request, "", Duration.ZERO));
        if (error != null) {
            return refused(response, model, HttpStatus.UNAUTHORIZED, "The identity provider did not sign you in: "
                    + error + (errorDescription == null ? "" : " (" + errorDescription + ")") + ".");
        }
        try {
            Sessions.Opened opened = singleSignOn.finish(state, flowSecret(request), code);
            response.addHeader(HttpHeaders.SET_COOKIE,
                    SignInController.cookie(request, opened.secret(), Sessions.LIFETIME));
            return "redirect:/";
        } catch (OidcSignIn.Refused refused) {
            return refused(response, model, HttpStatus.BAD_REQUEST, refused.getMessage());
        } catch (AccountDisabled disabled) {
            return refused(response, model, HttpStatus.FORBIDDEN, "This account is disabled: ask an administrator.");
        } catch (ServiceUnavailable unavailable) {
            return refused(response, model, HttpStatus.SERVICE_UNAVAILABLE, "The identity provider cannot be reached"
                    + " right now: start the sign-in again shortly.");
        }
    }

    private String refused(HttpServletResponse response, Model model, HttpStatus status, String why) {
        response.setStatus(status.value());
        model.addAttribute("error", why);
        model.addAttribute("singleSignOn", singleSignOn.enabled());
        return "signin";
    }

    private static String callback(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(CALLBACK).build().toUriString();
    }

    private static String flowSecret(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (FLOW_COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static String flowCookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(FLOW_COOKIE, value).httpOnly(true).secure(request.isSecure()).sameSite("Lax")
                .path(CALLBACK).maxAge(maxAge).build().toString();
    }
}
