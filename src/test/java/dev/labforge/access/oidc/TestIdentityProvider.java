package dev.labforge.access.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An OpenID Connect provider for tests: serves a discovery document and a JWK set over real HTTP, and
 * signs tokens with real RSA and EC keys. Keys can be added while it runs, as a provider rotating them does.
 * For the web page's sign-in it also has a login page (any user name, no password) behind its authorization
 * endpoint and a token endpoint that checks the code (once only), the redirect URI and the PKCE verifier.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String AUDIENCE = "labforge";
    static final String REALM_PATH = "/realms/labs";
    static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";
    static final String AUTH_PATH = REALM_PATH + "/protocol/openid-connect/auth";
    static final String LOGIN_PATH = REALM_PATH + "/login";
    static final String TOKEN_PATH = REALM_PATH + "/protocol/openid-connect/token";

    /** An authorization the login page granted and the token endpoint has not redeemed yet. */
    private record Grant(String username, String nonce, String challenge, String redirectUri) {
    }

    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    private final HttpServer server;
    private final List<JWK> published = new ArrayList<>();
    private final RSAKey rsa;
    private final ECKey ec;
    private final AtomicInteger discoveryRequests = new AtomicInteger();
    private final AtomicInteger jwksRequests = new AtomicInteger();
    private volatile String discoveredIssuer;

    private TestIdentityProvider() throws IOException, JOSEException {
        rsa = newRsaKey();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").keyUse(KeyUse.SIGNATURE).generate();
        published.add(rsa.toPublicJWK());
        published.add(ec.toPublicJWK());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(REALM_PATH + IssuerKeys.DISCOVERY_PATH, exchange -> {
            discoveryRequests.incrementAndGet();
            respond(exchange, "{\"issuer\":\"" + (discoveredIssuer != null ? discoveredIssuer : issuer())
                    + "\",\"jwks_uri\":\"" + jwksUri() + "\",\"authorization_endpoint\":\"" + base() + AUTH_PATH
                    + "\",\"token_endpoint\":\"" + base() + TOKEN_PATH + "\"}");
        });
        server.createContext(AUTH_PATH, this::loginPage);
        server.createContext(LOGIN_PATH, this::login);
        server.createContext(TOKEN_PATH, this::token);
        server.createContext(JWKS_PATH, exchange -> {
            jwksRequests.incrementAndGet();
            respond(exchange, publishedKeys().toString());
        });
        server.start();
    }

    public static TestIdentityProvider start() {
        try {
            return new TestIdentityProvider();
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("cannot start the test identity provider", e);
        }
    }

    public String issuer() {
        return base() + REALM_PATH;
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The groups claim of the user's next ID tokens. */
    public void groups(String username, List<String> of) {
        groups.put(username, List.copyOf(of));
    }

    /** Every form the token endpoint received, as sent. */
    public List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** The authorization endpoint: checks the request as a provider does, and shows a login page. */
    private void loginPage(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String problem = !"code".equals(query.get("response_type")) ? "response_type must be code"
                : !AUDIENCE.equals(query.get("client_id")) ? "unknown client_id"
                : !"S256".equals(query.get("code_challenge_method")) ? "PKCE with S256 is required"
                : query.get("code_challenge") == null || query.get("state") == null || query.get("nonce") == null
                ? "code_challenge, state and nonce are required"
                : !String.valueOf(query.get("scope")).contains("openid") ? "the scope must include openid" : null;
        if (problem != null) {
            respond(exchange, 400, "text/plain", problem);
            return;
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("state", "nonce", "code_challenge", "redirect_uri")) {
            hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                    .append(query.get(name).replace("&", "&amp;").replace("\"", "&quot;")).append("\">");
        }
        respond(exchange, 200, "text/html; charset=utf-8", """
                <!DOCTYPE html><html lang="en"><head><title>Test provider: log in</title></head><body><main>
                <h1>Test provider</h1><form method="post" action="%s">%s
                <label for="username">User name</label><input id="username" name="username">
                <button id="kc-login" type="submit">Log in</button></form></main></body></html>"""
                .formatted(LOGIN_PATH, hidden));
    }

    /** The login form: grants a code and sends the browser back to the client with it and the state. */
    private void login(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(form.get("username"), form.get("nonce"), form.get("code_challenge"),
                form.get("redirect_uri")));
        exchange.getResponseHeaders().add("Location", form.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(form.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** The token endpoint: a code once, from the client it was granted to, with the verifier of its challenge. */
    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.add(body);
        Map<String, String> form = form(body);
        Grant grant = form.get("code") == null ? null : grants.remove(form.get("code"));
        String verifier = form.getOrDefault("code_verifier", "");
        if (grant == null || !"authorization_code".equals(form.get("grant_type"))
                || !grant.redirectUri().equals(form.get("redirect_uri"))
                || !grant.challenge().equals(s256(verifier))) {
            respond(exchange, 400, "application/json",
                    "{\"error\":\"invalid_grant\",\"error_description\":\"code unknown, used, or not for this verifier\"}");
            return;
        }
        JWTClaimsSet claims = claims("sub-" + grant.username(), grant.username()).claim("nonce", grant.nonce())
                .claim("groups", groups.getOrDefault(grant.username(), List.of())).build();
        respond(exchange, 200, "application/json", "{\"access_token\":\"opaque\",\"token_type\":\"Bearer\","
                + "\"id_token\":\"" + sign(claims) + "\"}");
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                fields.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    String jwksUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH;
    }

    RSAKey rsaKey() {
        return rsa;
    }

    ECKey ecKey() {
        return ec;
    }

    int discoveryRequests() {
        return discoveryRequests.get();
    }

    int jwksRequests() {
        return jwksRequests.get();
    }

    /** Makes the discovery document name another issuer than the one it is served for. */
    void discoveryNamesIssuer(String issuer) {
        discoveredIssuer = issuer;
    }

    /** A new signing key, published from now on beside the old ones. */
    synchronized RSAKey rotate() {
        RSAKey key = newRsaKey();
        published.add(key.toPublicJWK());
        return key;
    }

    /** Claims of a current token for this service: issuer, audience, subject, an hour to live. */
    public JWTClaimsSet.Builder claims(String subject, String username) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(List.of(AUDIENCE, "account"))
                .subject(subject)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("preferred_username", username);
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, rsa, JWSAlgorithm.RS256);
    }

    static String sign(JWTClaimsSet claims, JWK key, JWSAlgorithm algorithm) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new DefaultJWSSignerFactory().createJWSSigner(key, algorithm));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized JWKSet publishedKeys() {
        return new JWKSet(List.copyOf(published));
    }

    static RSAKey newRsaKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("rsa-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        respond(exchange, 200, "application/json", json);
    }

    private static void respond(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
