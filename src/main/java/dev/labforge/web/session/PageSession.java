package dev.labforge.web.session;

import dev.labforge.access.Caller;
import dev.labforge.access.Sessions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The session behind a page request, found once by {@link PageAuthentication} and kept on the request. */
public final class PageSession {

    static final String ATTRIBUTE = PageSession.class.getName();

    private PageSession() {
    }

    public static Optional<Sessions.Session> of(HttpServletRequest request) {
        return Optional.ofNullable((Sessions.Session) request.getAttribute(ATTRIBUTE));
    }

    /** The signed-in caller of a page request that passed {@link PageAuthentication}. */
    public static Caller caller(HttpServletRequest request) {
        return of(request).orElseThrow().caller();
    }
}
