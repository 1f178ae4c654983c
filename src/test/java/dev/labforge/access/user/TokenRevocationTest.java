package dev.labforge.access.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import dev.labforge.access.Caller;
import dev.labforge.access.token.TokenAuthenticator;
import dev.labforge.api.Unauthenticated;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A revoked token mints no other token, even for a request authenticated before the revocation. */
class TokenRevocationTest extends IntegrationTest {

    @Autowired
    TokenAuthenticator authenticator;
    @Autowired
    TokenController tokenController;

    @Test
    void aRequestAuthenticatedBeforeItsTokenWasRevokedCannotMintAnotherToken() {
        ApiClient owner = api().newUser();
        Response created = owner.post("/api/v1/tokens", "{\"name\":\"doomed\"}");
        UUID tokenId = UUID.fromString(created.json().get("id").asString());
        Caller authenticated = authenticator
                .authenticate(created.json().get("secret").asString()).orElseThrow();
        assertThat(owner.delete("/api/v1/tokens/" + tokenId).status()).isEqualTo(204);

        assertThatThrownBy(() -> tokenController.create(authenticated, new TokenController.NewToken("late", null)))
                .isInstanceOf(Unauthenticated.class);
        assertThat(owner.get("/api/v1/tokens").json()).noneSatisfy(
                token -> assertThat(token.get("name").asString()).isEqualTo("late"));
    }
}
