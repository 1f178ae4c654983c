package dev.labforge.access;

import dev.labforge.api.Unauthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/** Every API request carries {@code Authorization: Bearer <token>}; this finds whose it is. */
class AuthenticationInterceptor implements HandlerInterceptor {

    static final String CALLER = AuthenticationInterceptor.class.getName() + ".caller";
    private static final String BEARER = "bearer ";

    private final TokenAuthenticator authenticator;

    AuthenticationInterceptor(TokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new Unauthenticated("send an API token: Authorization: Bearer <token>");
        }
        Caller caller = authenticator.authenticate(header.substring(BEARER.length()).trim())
                .orElseThrow(() -> new Unauthenticated("the token is unknown, revoked or expired"));
        request.setAttribute(CALLER, caller);
        return true;
    }
}
