package dev.labforge.access.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Single sign-on is off unless an issuer is configured: a JWT is then just a token nobody knows. */
class SingleSignOnOffTest extends IntegrationTest {

    @Test
    void aJwtIsAnUnknownToken() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        String jwt = TestIdentityProvider.sign(new JWTClaimsSet.Builder().issuer("https://idp.example/realms/labs")
                .audience("labforge").subject("someone").claim("preferred_username", "someone")
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build(), key, JWSAlgorithm.RS256);

        Response response = anonymous().as(jwt).get("/api/v1/labs");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).isEqualTo("the token is unknown, revoked or expired");
    }
}
