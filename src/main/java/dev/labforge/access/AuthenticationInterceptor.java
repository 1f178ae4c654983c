package dev.labforge.access;

import dev.labforge.access.oidc.OidcAuthenticator;
import dev.labforge.access.token.TokenAuthenticator;
import dev.labforge.api.CsrfRefused;
import dev.labforge.api.Unauthenticated;
import java.util.Set;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Every API request carries {@code Authorization: Bearer <token>}; this finds whose it is. The token is
 * an API token, or, where single sign-on is on, a token (a JWS) from the identity provider.
 */
class AuthenticationInterceptor implements HandlerInterceptor {

    static final String CALLER = AuthenticationInterceptor.class.getName() + ".caller";
    private static final String BEARER = "bearer ";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final TokenAuthenticator authenticator;
    private final OidcAuthenticator singleSignOn;
    private final Sessions sessions;

    AuthenticationInterceptor(TokenAuthenticator authenticator, OidcAuthenticator singleSignOn, Sessions sessions) {
        this.authenticator = authenticator;
        this.singleSignOn = singleSignOn;
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(CALLER) != null) {
            // the dispatch that completes a stream, long after the request was authenticated: a credential revoked
            // meanwhile must end the stream cleanly (it does, see Credentials), not fail its last write
            return true;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String cookie = header == null ? Sessions.secret(request).orElse(null) : null;
        if (cookie != null) {
            Sessions.Session session = sessions.find(cookie)
                    .orElseThrow(() -> new Unauthenticated("the session has ended: sign in again"));
            if (!SAFE.contains(request.getMethod()) && !session.csrfMatches(request.getHeader(CSRF_HEADER))) {
                throw new CsrfRefused();
            }
            request.setAttribute(CALLER, session.caller());
            return true;
        }
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthenticated("send an API token or a single sign-on token: Authorization: Bearer <token>");
        }
        String bearer = header.substring(BEARER.length()).trim();
        Caller caller = singleSignOn.accepts(bearer) ? singleSignOn.authenticate(bearer)
                : authenticator.authenticate(bearer)
                        .orElseThrow(() -> new Unauthenticated("the token is unknown, revoked or expired"));
        request.setAttribute(CALLER, caller);
        return true;
    }
}
