package dev.labforge.access.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTParser;
import dev.labforge.access.AccountDisabled;
import dev.labforge.access.Caller;
import dev.labforge.access.Sessions;
import dev.labforge.access.token.TokenSecret;
import dev.labforge.api.ProblemException;
import dev.labforge.api.ServiceUnavailable;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signing in to the web page with the identity provider: the authorization code flow with PKCE (S256), a state bound
 * to the browser that started it, and a nonce the ID token must carry back. The ID token is checked as a bearer token
 * is, and its user and team memberships found the same way ({@link OidcAuthenticator}); the browser then gets the same
 * server-side session as a sign-in with an API token.
 */
@Component
public class OidcSignIn {

    /** How long the person has at the provider's login page. */
    static final Duration PENDING_LIFETIME = Duration.ofMinutes(10);
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    /** A flow started: where to send the browser, and the secret its cookie keeps until it comes back. */
    public record Started(URI authorize, String browserSecret) {
    }

    /** Why a sign-in is refused, in words for the person in front of the page. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private record Endpoints(URI authorization, URI token) {
    }

    private record Pending(byte[] browserHash, String nonce, String verifier, String redirectUri, Instant expiresAt) {
    }

    private final OidcProperties properties;
    private final OidcAuthenticator authenticator;
    private final Sessions sessions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private volatile Endpoints endpoints;

    OidcSignIn(OidcProperties properties, OidcAuthenticator authenticator, Sessions sessions, JdbcClient jdbc,
               ObjectProvider<Clock> clock) {
        this.properties = properties;
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Whether single sign-on is configured, so that the sign-in page offers it. */
    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * Starts a flow for a browser: stores its state, nonce and PKCE verifier, and says where to send it.
     *
     * @param redirectUri this service's callback, as the provider must send the browser back to it
     */
    public Started begin(String redirectUri) {
        requireEnabled();
        Endpoints found = endpoints();
        String state = Sessions.random();
        String browser = Sessions.random();
        String nonce = Sessions.random();
        String verifier = Sessions.random(); // 43 characters of the unreserved set (RFC 7636, 4.1)
        Instant now = clock.instant();
        jdbc.sql("delete from web_sign_ins where expires_at < ?").param(utc(now)).update();
        jdbc.sql("""
                        insert into web_sign_ins (state_hash, browser_hash, nonce, code_verifier, redirect_uri, expires_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(new TokenSecret(state).hash(), new TokenSecret(browser).hash(), nonce, verifier, redirectUri,
                        utc(now.plus(PENDING_LIFETIME)))
                .update();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", properties.audience());
        query.put("redirect_uri", redirectUri);
        query.put("scope", properties.scopes());
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        String authorization = found.authorization().toString();
        return new Started(URI.create(authorization + (authorization.contains("?") ? "&" : "?") + form(query)),
                browser);
    }

    /**
     * Finishes a flow when the provider sends the browser back: the state must be one this service issued, not used
     * before, to this browser, and current; the code is exchanged with the PKCE verifier; the ID token must be good
     * and carry the nonce.
     *
     * @throws Refused        with what went wrong, for the page
     * @throws AccountDisabled when the user is disabled
     */
    public Sessions.Opened finish(String state, String browserSecret, String code) {
        requireEnabled();
        if (state == null || state.isBlank()) {
            throw new Refused("The identity provider sent no state back: start the sign-in again.");
        }
        // one use, whatever comes of it: a replayed callback finds nothing
        Pending pending = jdbc.sql("""
                        delete from web_sign_ins where state_hash = ?
                        returning browser_hash, nonce, code_verifier, redirect_uri, expires_at""")
                .param(new TokenSecret(state).hash())
                .query((rs, row) -> new Pending(rs.getBytes(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant()))
                .optional()
                .orElseThrow(() -> new Refused("This sign-in is unknown or was already used (a link opened twice, or"
                        + " the back button): start the sign-in again."));
        if (browserSecret == null || !MessageDigest.isEqual(pending.browserHash(),
                new TokenSecret(browserSecret).hash())) {
            throw new Refused("This sign-in was started in another browser, so it is not finished in this one:"
                    + " start the sign-in again here.");
        }
        if (!clock.instant().isBefore(pending.expiresAt())) {
            throw new Refused("This sign-in took longer than " + PENDING_LIFETIME.toMinutes()
                    + " minutes: start it again.");
        }
        if (code == null || code.isBlank()) {
            throw new Refused("The identity provider sent no authorization code back: start the sign-in again.");
        }
        String idToken = exchange(code, pending);
        OidcToken token;
        try {
            token = authenticator.verify(idToken);
        } catch (ServiceUnavailable unavailable) {
            throw unavailable;
        } catch (ProblemException refused) {
            throw new Refused("The identity provider's ID token is not accepted: " + refused.getMessage() + ".");
        }
        if (!pending.nonce().equals(nonce(idToken))) {
            throw new Refused("The identity provider's ID token was not issued for this sign-in (its nonce differs):"
                    + " start the sign-in again.");
        }
        Caller user;
        try {
            user = authenticator.signIn(token);
        } catch (AccountDisabled disabled) {
            throw disabled;
        } catch (ProblemException refused) {
            throw new Refused("Signing in as this user is refused: " + refused.getMessage() + ".");
        }
        return sessions.openSingleSignOn(user);
    }

    private void requireEnabled() {
        if (!enabled()) {
            throw new Refused("Single sign-on is not configured here: sign in with an API token.");
        }
    }

    /** The provider's token endpoint: the code and the PKCE verifier for an ID token (RFC 6749 4.1.3, RFC 7636 4.5). */
    private String exchange(String code, Pending pending) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", pending.redirectUri());
        body.put("client_id", properties.audience());
        body.put("code_verifier", pending.verifier());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoints().token()).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)));
        if (properties.clientSecret() != null && !properties.clientSecret().isBlank()) {
            // client_secret_basic: both parts form-encoded first (RFC 6749, 2.3.1)
            String basic = encode(properties.audience()) + ":" + encode(properties.clientSecret());
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("single sign-on: the token endpoint {} cannot be reached: {}", endpoints().token(), e.toString());
            throw new ServiceUnavailable("the identity provider cannot be reached right now: try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("interrupted while asking the identity provider");
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new Refused("The identity provider's token endpoint answered " + response.statusCode()
                    + " with something that is not JSON.");
        }
        if (response.statusCode() != 200) {
            throw new Refused("The identity provider refused the sign-in: " + json.getOrDefault("error", "no reason")
                    + Optional.ofNullable(json.get("error_description")).map(d -> " (" + d + ")").orElse("")
                    + ". Start the sign-in again.");
        }
        if (!(json.get("id_token") instanceof String idToken)) {
            throw new Refused("The identity provider sent no ID token: is the scope 'openid' asked for?");
        }
        return idToken;
    }

    private static String nonce(String idToken) {
        try {
            return JWTParser.parse(idToken).getJWTClaimsSet().getStringClaim("nonce");
        } catch (ParseException e) {
            return null;
        }
    }

    /** The provider's endpoints from its discovery document, read on the first sign-in and kept. */
    private Endpoints endpoints() {
        Endpoints known = endpoints;
        if (known != null) {
            return known;
        }
        URI discovery = URI.create(properties.issuer().replaceAll("/+$", "") + IssuerKeys.DISCOVERY_PATH);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(discovery).timeout(HTTP_TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            Map<String, Object> document = JSONObjectUtils.parse(response.body());
            URI authorization = JSONObjectUtils.getURI(document, "authorization_endpoint");
            URI token = JSONObjectUtils.getURI(document, "token_endpoint");
            if (response.statusCode() != 200 || authorization == null || token == null) {
                throw new ParseException("no authorization_endpoint or token_endpoint", 0);
            }
            known = new Endpoints(authorization, token);
            endpoints = known;
            return known;
        } catch (IOException | ParseException e) {
            log.warn("single sign-on: cannot read {}: {}", discovery, e.toString());
            throw new ServiceUnavailable("the identity provider cannot be reached right now: try again shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("interrupted while asking the identity provider");
        }
    }

    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
