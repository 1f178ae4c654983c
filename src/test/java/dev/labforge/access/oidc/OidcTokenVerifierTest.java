package dev.labforge.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.labforge.api.ServiceUnavailable;
import dev.labforge.api.Unauthenticated;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The verifier alone, without Spring: what it takes from a token, and how it fails when the provider does. */
class OidcTokenVerifierTest {

    private final TestIdentityProvider idp = TestIdentityProvider.start();

    @AfterEach
    void stop() {
        idp.close();
    }

    private OidcTokenVerifier verifier(URI jwksUri) {
        return verifier(idp.issuer(), jwksUri);
    }

    private static OidcTokenVerifier verifier(String issuer, URI jwksUri) {
        return verifier(issuer, jwksUri, Clock.systemUTC());
    }

    private static OidcTokenVerifier verifier(String issuer, URI jwksUri, Clock clock) {
        return new OidcTokenVerifier(new OidcProperties(issuer, jwksUri, TestIdentityProvider.AUDIENCE,
                "preferred_username", "groups", Duration.ofSeconds(60), null, "openid"), clock);
    }

    @Test
    void whetherATokenIsCurrentIsTheServicesClocksDecision() {
        Instant now = Instant.now();
        String token = idp.sign(idp.claims("s-1", "ann").notBeforeTime(Date.from(now)).build());
        Clock later = Clock.fixed(now.plus(Duration.ofHours(2)), ZoneOffset.UTC);
        Clock earlier = Clock.fixed(now.minus(Duration.ofHours(2)), ZoneOffset.UTC);

        assertThat(verifier(idp.issuer(), null, Clock.systemUTC()).verify(token).subject()).isEqualTo("s-1");
        assertThatThrownBy(() -> verifier(idp.issuer(), null, later).verify(token))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> verifier(idp.issuer(), null, earlier).verify(token))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("not valid yet");
    }

    @Test
    void findsTheKeysThroughDiscoveryOnTheFirstTokenOnly() {
        OidcTokenVerifier verifier = verifier(null);
        assertThat(idp.discoveryRequests()).isZero();

        OidcToken token = verifier.verify(idp.sign(idp.claims("s-1", "Ann").claim("groups", List.of("a", "b"))
                .claim("name", "Ann Example").build()));
        verifier.verify(idp.sign(idp.claims("s-1", "Ann").build()));

        assertThat(token.subject()).isEqualTo("s-1");
        assertThat(token.username()).isEqualTo("ann");
        assertThat(token.displayName()).isEqualTo("Ann Example");
        assertThat(token.groups()).containsExactlyInAnyOrder("a", "b");
        assertThat(token.credential()).isEqualTo("oidc:" + idp.issuer() + "#" + token.tokenId());
        assertThat(idp.discoveryRequests()).isEqualTo(1);
        assertThat(idp.jwksRequests()).isEqualTo(1);
    }

    @Test
    void aConfiguredKeySetNeedsNoDiscovery() {
        OidcTokenVerifier verifier = verifier(URI.create(idp.jwksUri()));

        verifier.verify(idp.sign(idp.claims("s-1", "ann").build()));

        assertThat(idp.discoveryRequests()).isZero();
    }

    @Test
    void theNameComesFromTheClaimElseTheEmailElseTheSubject() {
        OidcTokenVerifier verifier = verifier(null);
        JWTClaimsSet noName = idp.claims("Subject-7", null).claim("preferred_username", null).build();
        JWTClaimsSet withEmail = new JWTClaimsSet.Builder(noName).claim("email", "Bo.Lind@example.org").build();
        JWTClaimsSet oneGroup = new JWTClaimsSet.Builder(noName).claim("groups", "only").build();

        assertThat(verifier.verify(idp.sign(withEmail)).username()).isEqualTo("bo.lind");
        assertThat(verifier.verify(idp.sign(noName)).username()).isEqualTo("subject-7");
        assertThat(verifier.verify(idp.sign(oneGroup)).groups()).containsExactly("only");
        assertThat(verifier.verify(idp.sign(noName)).groups()).isEmpty();
    }

    @Test
    void withoutATokenIdTheCredentialNamesTheSubject() {
        OidcToken token = verifier(null).verify(idp.sign(idp.claims("s-9", "ann").jwtID(null).build()));

        assertThat(token.credential()).isEqualTo("oidc:" + idp.issuer() + "#s-9");
    }

    @Test
    void tokensOfOtherTypesAreRefused() throws JOSEException {
        SignedJWT logout = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(idp.rsaKey().getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), idp.claims("s-1", "ann").build());
        logout.sign(new RSASSASigner(idp.rsaKey()));

        assertThatThrownBy(() -> verifier(null).verify(logout.serialize()))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("type 'logout+jwt' are not accepted");
    }

    @Test
    void anUnreachableProviderIsUnavailableNeverAnError() throws IOException {
        String issuer = "http://127.0.0.1:" + freePort() + TestIdentityProvider.REALM_PATH;
        OidcTokenVerifier verifier = verifier(issuer, null);
        String token = idp.sign(idp.claims("s-1", "ann").issuer(issuer).build());

        // the first attempts reach for the provider, later ones are held back by the rate limit: all say the same
        for (int attempt = 0; attempt < 4; attempt++) {
            assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(ServiceUnavailable.class)
                    .hasMessageContaining("signing keys cannot be fetched");
        }
    }

    @Test
    void aDiscoveryDocumentOfAnotherIssuerIsNotTrusted() {
        idp.discoveryNamesIssuer("https://somewhere.else/");
        OidcTokenVerifier verifier = verifier(null);

        assertThatThrownBy(() -> verifier.verify(idp.sign(idp.claims("s-1", "ann").build())))
                .isInstanceOf(ServiceUnavailable.class);
        assertThat(idp.jwksRequests()).isZero();
        assertThat(idp.discoveryRequests()).as("a wrong document is not retried at once").isEqualTo(1);
    }

    @Test
    void aMadeUpKeyIdAfterARefreshIsAnUnknownKey() {
        OidcTokenVerifier verifier = verifier(null);
        verifier.verify(idp.sign(idp.claims("s-1", "ann").build()));
        String first = TestIdentityProvider.sign(idp.claims("s-1", "ann").build(), idp.rotate(), JWSAlgorithm.RS256);
        assertThat(verifier.verify(first).subject()).isEqualTo("s-1");
        int fetches = idp.jwksRequests();

        // within the rate limit's window no further fetch is made for a key nobody publishes
        String stranger = TestIdentityProvider.sign(idp.claims("s-1", "ann").build(),
                TestIdentityProvider.newRsaKey(), JWSAlgorithm.RS256);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> verifier.verify(stranger)).isInstanceOf(Unauthenticated.class)
                    .hasMessageContaining("a key the identity provider does not publish");
        }
        assertThat(idp.jwksRequests()).isEqualTo(fetches);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
