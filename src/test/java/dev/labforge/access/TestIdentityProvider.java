package dev.labforge.access;

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

/**
 * An OpenID Connect provider for tests: serves a discovery document and a JWK set over real HTTP, and
 * signs tokens with real RSA and EC keys. Keys can be added while it runs, as a provider rotating them does.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String AUDIENCE = "labforge";
    static final String REALM_PATH = "/realms/labs";
    static final String JWKS_PATH = REALM_PATH + "/protocol/openid-connect/certs";

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
                    + "\",\"jwks_uri\":\"" + jwksUri() + "\"}");
        });
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
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
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
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
