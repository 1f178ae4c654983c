package dev.labforge.access.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TokenApiTest extends IntegrationTest {

    @Test
    void aNewTokenIsShownOnceAndWorksUntilRevoked() {
        ApiClient user = api().newUser();

        Response created = user.post("/api/v1/tokens", "{\"name\":\"ci\"}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        String id = created.json().get("id").asString();
        assertThat(secret).startsWith("lf_").hasSizeGreaterThan(40);

        ApiClient second = user.as(secret);
        JsonNode me = second.get("/api/v1/me").json();
        assertThat(me.get("username").asString()).startsWith("user-");
        assertThat(me.get("admin").asBoolean()).isFalse();

        JsonNode listed = user.get("/api/v1/tokens").json();
        assertThat(listed).hasSize(2);
        assertThat(listed.toString()).doesNotContain(secret).contains(secret.substring(0, 8));

        assertThat(user.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        assertThat(second.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(user.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void usersCannotRevokeOthersTokens() {
        ApiClient alice = api().newUser();
        ApiClient bob = api().newUser();
        String aliceToken = alice.get("/api/v1/tokens").json().get(0).get("id").asString();

        assertThat(bob.delete("/api/v1/tokens/" + aliceToken).status()).isEqualTo(404);
        assertThat(alice.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsManageUsers() {
        ApiClient user = api().newUser();

        assertThat(user.post("/api/v1/users", "{\"username\":\"sneaky\"}").status()).isEqualTo(403);
        assertThat(user.get("/api/v1/users").status()).isEqualTo(403);
        assertThat(api().get("/api/v1/users").status()).isEqualTo(200);
        assertThat(api().post("/api/v1/users", "{\"username\":\"Not Valid\"}").status()).isEqualTo(422);
    }

    @Test
    void theFirstAdminComesFromTheConfiguredToken() {
        JsonNode me = api().get("/api/v1/me").json();
        assertThat(me.get("username").asString()).isEqualTo("admin");
        assertThat(me.get("admin").asBoolean()).isTrue();
    }
}
