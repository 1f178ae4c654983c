package dev.labforge.web.session;

import dev.labforge.access.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: who is signed in, and the CSRF token the page's forms and scripts send back. */
@ControllerAdvice(basePackages = "dev.labforge.web")
class PageModel {

    @ModelAttribute("signedIn")
    Sessions.Session signedIn(HttpServletRequest request) {
        return PageSession.of(request).orElse(null);
    }
}
