package dev.labforge.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on against a real (test) identity provider over HTTP, with really signed tokens.
 */
// single sign-on on (the issuer of the identity provider this class starts and stops) makes a context of its own on
// the shared database: closed after the class, so that it gives the reconciler lease back (held, it would keep the
// shared context's booking tests waiting for it) and does not run on against a provider that is gone
@DirtiesContext
class SingleSignOnTest extends IntegrationTest {

    static final TestIdentityProvider idp = TestIdentityProvider.start();

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        registry.add("labforge.oidc.issuer", idp::issuer);
        registry.add("labforge.oidc.audience", () -> TestIdentityProvider.AUDIENCE);
    }

    @AfterAll
    static void stopProvider() {
        idp.close();
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.labforge.MovableClock clock;

    @org.junit.jupiter.api.AfterEach
    void systemTimeAgain() {
        clock.useSystemTime();
    }

    @Test
    void aSignInIsRecordedAsSeenOnTheServicesClockAtMostOncePerMinute() {
        String subject = UUID.randomUUID().toString();
        String name = unique("seen");
        java.time.Instant first = java.time.Instant.now().plusSeconds(30)
                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        clock.set(first);
        signIn(subject, name, null);
        assertThat(lastSeen(subject)).isEqualTo(first);
        clock.set(first.plusSeconds(30)); // within the minute: no write
        signIn(subject, name, null);
        assertThat(lastSeen(subject)).isEqualTo(first);
        java.time.Instant later = first.plusSeconds(90);
        clock.set(later);
        signIn(subject, name, null);
        assertThat(lastSeen(subject)).isEqualTo(later);
    }

    private java.time.Instant lastSeen(String subject) {
        return jdbc.sql("select last_seen from user_identities where issuer = ? and subject = ?")
                .params(idp.issuer(), subject).query(java.time.OffsetDateTime.class).single().toInstant();
    }

    @Test
    void aValidTokenSignsInAndCreatesItsUserOnce() {
        String subject = UUID.randomUUID().toString();
        String name = unique("Ana.Lopez");
        JWTClaimsSet first = idp.claims(subject, name).claim("name", "Ana López").build();
        ApiClient ana = anonymous().as(idp.sign(first));

        assertThat(ana.get("/api/v1/labs").status()).isEqualTo(200);
        JsonNode me = ana.get("/api/v1/me").json();
        assertThat(me.get("username").asString()).isEqualTo(name.toLowerCase());
        assertThat(me.get("displayName").asString()).isEqualTo("Ana López");
        assertThat(me.get("admin").asBoolean()).isFalse();

        // a later token of the same subject, with another name even, is the same user
        ApiClient again = anonymous().as(idp.sign(idp.claims(subject, "renamed").build()));
        assertThat(again.get("/api/v1/me").json().get("id")).isEqualTo(me.get("id"));
        assertThat(usersNamed(name.toLowerCase())).isEqualTo(1);
        assertThat(identitiesOf(subject)).isEqualTo(1);
        // audited as done by the new user, with the token that brought it
        assertThat(audited("user", me.get("id").asString()))
                .containsExactly("user.create oidc:" + idp.issuer() + "#" + first.getJWTID());
    }

    @Test
    void aDisabledUsersSingleSignOnTokensStopAtOnceEvenOnesSeenBefore() {
        String subject = UUID.randomUUID().toString();
        String name = unique("cut.off");
        ApiClient seen = anonymous().as(idp.sign(idp.claims(subject, name).build()));
        assertThat(seen.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(api().post("/api/v1/users/" + name + "/disable", null).status()).isEqualTo(200);

        ApiClient fresh = anonymous().as(idp.sign(idp.claims(subject, name).build()));
        for (ApiClient token : List.of(seen, fresh)) {
            Response refused = token.get("/api/v1/me");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/account-disabled");
            assertThat(refused.json().get("detail").asString()).contains(name);
        }
        assertThat(api().post("/api/v1/users/" + name + "/enable", null).status()).isEqualTo(200);
        assertThat(seen.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void concurrentFirstRequestsOfANewSubjectCreateOneUser() throws Exception {
        String subject = UUID.randomUUID().toString();
        String name = unique("crowd");
        String shared = idp.sign(idp.claims(subject, name).build());
        List<Callable<Integer>> requests = IntStream.range(0, 16).<Callable<Integer>>mapToObj(i -> {
            // half send one token, half a token each: both the cache and the database are raced
            String token = i % 2 == 0 ? shared : idp.sign(idp.claims(subject, name).build());
            return () -> anonymous().as(token).get("/api/v1/labs").status();
        }).toList();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (var result : pool.invokeAll(requests)) {
                assertThat(result.get()).isEqualTo(200);
            }
        }
        assertThat(usersNamed(name)).isEqualTo(1);
        assertThat(identitiesOf(subject)).isEqualTo(1);
    }

    static Stream<Arguments> refusedTokens() {
        Instant now = Instant.now();
        RSAKey stranger = newRsaKey(idp.rsaKey().getKeyID());
        return Stream.of(
                refused("signed by another key under a known key id", () -> TestIdentityProvider.sign(
                        claims().build(), stranger, JWSAlgorithm.RS256), "signature does not verify"),
                refused("expired", () -> idp.sign(claims()
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))).build()), "has expired"),
                refused("without expiry", () -> idp.sign(claims().expirationTime(null).build()), "no expiry"),
                refused("not valid yet", () -> idp.sign(claims()
                        .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10)))).build()), "not valid yet"),
                refused("of another issuer", () -> idp.sign(claims().issuer("https://evil.example/").build()),
                        "not issued by the configured identity provider"),
                refused("for another audience", () -> idp.sign(claims().audience("other-app").build()),
                        "not issued for this service"),
                refused("without subject", () -> idp.sign(claims().subject(null).build()), "no subject"),
                refused("unsigned (alg none)", () -> new PlainJWT(claims().build()).serialize(), "not signed"),
                refused("signed with a shared secret (HS256)", SingleSignOnTest::hmacSigned, "signed with HS256"),
                refused("with a garbled payload", () -> idp.sign(claims().build()).replaceFirst("\\.", ".x"),
                        "claims cannot be read"));
    }

    @ParameterizedTest(name = "a token {0} is refused")
    @MethodSource("refusedTokens")
    void refusedTokensAnswer401WithTheReason(String what, Supplier<String> token, String reason) {
        Response response = anonymous().as(token.get()).get("/api/v1/labs");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://labforge.dev/problems/unauthenticated");
        assertThat(problem.get("detail").asString()).contains(reason);
    }

    @Test
    void aKeyPublishedAfterStartIsAccepted() {
        String subject = UUID.randomUUID().toString();
        assertThat(anonymous().as(idp.sign(idp.claims(subject, unique("before")).build()))
                .get("/api/v1/me").status()).isEqualTo(200);

        RSAKey rotated = idp.rotate();
        String token = TestIdentityProvider.sign(idp.claims(subject, "x").build(), rotated, JWSAlgorithm.RS384);

        assertThat(anonymous().as(token).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void anEllipticCurveSignatureIsAccepted() {
        String token = TestIdentityProvider.sign(idp.claims(UUID.randomUUID().toString(), unique("ec")).build(),
                idp.ecKey(), JWSAlgorithm.ES256);

        assertThat(anonymous().as(token).get("/api/v1/labs").status()).isEqualTo(200);
    }

    @Test
    void teamMembershipsFollowTheGroupsClaimAndLeaveManualOnesAlone() {
        String subject = UUID.randomUUID().toString();
        String name = unique("grouped");
        String red = unique("/labs/red");
        String blue = unique("/labs/blue");
        String green = unique("/labs/green");
        UUID redTeam = team(red);
        UUID blueTeam = team(blue);
        UUID greenTeam = team(green);

        JsonNode me = signIn(subject, name, List.of(red, blue, "unmapped-group"));
        UUID user = UUID.fromString(me.get("id").asString());
        assertThat(memberships(user)).containsExactlyInAnyOrder(
                redTeam + " member idp", blueTeam + " member idp");

        // made in LabForge: never downgraded nor removed by the claim
        jdbc.sql("insert into team_members (team_id, user_id, role, source) values (?, ?, 'maintainer', 'manual')")
                .params(greenTeam, user).update();
        signIn(subject, name, List.of(blue, green));
        assertThat(memberships(user)).containsExactlyInAnyOrder(
                blueTeam + " member idp", greenTeam + " maintainer manual");
        assertThat(audited("team", redTeam.toString())).extracting(entry -> entry.split(" ")[0])
                .containsExactly("team.member.remove", "team.member.put");
        assertThat(audited("team", greenTeam.toString())).isEmpty();

        // no groups claim at all: in no group
        signIn(subject, name, null);
        assertThat(memberships(user)).containsExactly(greenTeam + " maintainer manual");
    }

    @Test
    void aNameTakenByAnotherAccountIsNeverTakenOver() {
        String name = unique("taken");
        assertThat(api().post("/api/v1/users", "{\"username\":\"" + name + "\"}").status()).isEqualTo(201);
        String subject = UUID.randomUUID().toString();

        Response response = anonymous().as(idp.sign(idp.claims(subject, name).build())).get("/api/v1/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString())
                .contains("'" + name + "' already belongs to another LabForge account")
                .contains("an administrator must resolve the clash");
        assertThat(usersNamed(name)).isEqualTo(1);
        assertThat(identitiesOf(subject)).isZero();
    }

    @Test
    void claimsNeverMakeAnAdmin() {
        ApiClient claimsAdmin = anonymous().as(idp.sign(idp.claims(UUID.randomUUID().toString(), unique("boss"))
                .claim("admin", true).claim("groups", List.of("admin", "admins")).build()));

        assertThat(claimsAdmin.get("/api/v1/me").json().get("admin").asBoolean()).isFalse();
        assertThat(claimsAdmin.get("/api/v1/users").status()).isEqualTo(403);
    }

    @Test
    void apiTokensKeepWorkingBesideSingleSignOn() {
        assertThat(api().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(api().newUser().get("/api/v1/labs").status()).isEqualTo(200);
        assertThat(anonymous().as("lf_not-a-token-not-a-token").get("/api/v1/me").status()).isEqualTo(401);
    }

    private JsonNode signIn(String subject, String name, List<String> groups) {
        JWTClaimsSet.Builder claims = idp.claims(subject, name);
        if (groups != null) {
            claims.claim("groups", groups);
        }
        Response response = anonymous().as(idp.sign(claims.build())).get("/api/v1/me");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /** Newest first: "action credential". */
    private List<String> audited(String kind, String id) {
        return jdbc.sql("select action || ' ' || credential from audit_log where target_kind = ? and target_id = ?"
                        + " order by id desc")
                .params(kind, id).query(String.class).list();
    }

    private UUID team(String idpGroup) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into teams (id, name, idp_group) values (?, ?, ?)")
                .params(id, "team-" + id, idpGroup).update();
        return id;
    }

    private List<String> memberships(UUID user) {
        return jdbc.sql("select team_id, role, source from team_members where user_id = ?").param(user)
                .query((rs, row) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
    }

    private int usersNamed(String name) {
        return jdbc.sql("select count(*) from users where username = ?").param(name).query(Integer.class).single();
    }

    private int identitiesOf(String subject) {
        return jdbc.sql("select count(*) from user_identities where issuer = ? and subject = ?")
                .params(idp.issuer(), subject).query(Integer.class).single();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JWTClaimsSet.Builder claims() {
        return idp.claims(UUID.randomUUID().toString(), unique("refused"));
    }

    private static Arguments refused(String what, Supplier<String> token, String reason) {
        return Arguments.of(what, token, reason);
    }

    private static RSAKey newRsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmacSigned() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
