package dev.labforge.web.session;

import dev.labforge.access.Sessions;
import dev.labforge.api.CsrfRefused;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Pages are for people signed in: a request without a live session goes to the sign-in page. The session is read from
 * PostgreSQL at every request, so a sign-out, revoked token or disabled user ends it on every replica at once. A page's
 * own form posts carry the session's CSRF token in {@value #CSRF_FIELD}.
 */
class PageAuthentication implements HandlerInterceptor {

    static final String CSRF_FIELD = "_csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Sessions sessions;

    PageAuthentication(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Optional<Sessions.Session> session = Sessions.secret(request).flatMap(sessions::find);
        if (session.isEmpty()) {
            if (!SAFE.contains(request.getMethod())) {
                throw new CsrfRefused(); // no session, so no token it could carry: refuse, never act
            }
            response.sendRedirect(request.getContextPath() + SignInController.PATH);
            return false;
        }
        if (!SAFE.contains(request.getMethod()) && !session.get().csrfMatches(request.getParameter(CSRF_FIELD))) {
            throw new CsrfRefused();
        }
        request.setAttribute(PageSession.ATTRIBUTE, session.get());
        return true;
    }
}
