package dev.labforge.access.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Administrators cut users off: disable and enable them, delete them, revoke their tokens; all audited. */
class UserAdministrationTest extends IntegrationTest {

    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"}],"links":[]}""";

    @BeforeEach
    void images() {
        Catalog.ensure(api());
    }

    @Test
    void aDisabledUsersTokensStopAtOnceTheirLabsStayAndEnablingBringsThemBack() {
        ApiClient bob = api().newUser();
        ApiClient bobsSecond = bob.as(bob.post("/api/v1/tokens", "{\"name\":\"second\"}").json().get("secret").asString());
        String lab = bob.post("/api/v1/labs", LAB.formatted(unique("kept"))).json().get("id").asString();
        assertThat(bob.post("/api/v1/labs/" + lab + "/start", null).status()).isEqualTo(202);

        Response disabled = api().post("/api/v1/users/" + bob.username() + "/disable", null);

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        assertThat(disabled.json().get("disabledAt").isNull()).isFalse();
        for (ApiClient token : List.of(bob, bobsSecond)) {
            Response refused = token.get("/api/v1/me");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/account-disabled");
            assertThat(refused.json().get("detail").asString()).contains(bob.username(), "disabled by an administrator");
        }
        assertThat(bob.post("/api/v1/labs/" + lab + "/stop", null).status()).isEqualTo(403);
        JsonNode kept = api().get("/api/v1/labs/" + lab).json();
        assertThat(kept.get("owner").get("name").asString()).isEqualTo(bob.username());
        assertThat(api().post("/api/v1/labs/" + lab + "/stop", null).status()).isEqualTo(202);
        JsonNode stored = api().get("/api/v1/users/" + bob.username()).json();
        assertThat(stored.get("disabled").asBoolean()).isTrue();
        assertThat(stored.get("disabledAt")).isEqualTo(disabled.json().get("disabledAt"));

        Response enabled = api().post("/api/v1/users/" + bob.username() + "/enable", null);

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("disabled").asBoolean()).isFalse();
        assertThat(bob.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(bobsSecond.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(actions(idOf(bob))).containsSubsequence("user.disable", "user.enable");
    }

    @Test
    void aUserWhoOwnsLabsIsNotDeletedAndTheAnswerNamesTheLabs() {
        ApiClient carol = api().newUser();
        String carolId = idOf(carol);
        String name = unique("owned");
        String lab = carol.post("/api/v1/labs", LAB.formatted(name)).json().get("id").asString();

        Response refused = api().delete("/api/v1/users/" + carol.username());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains(name, lab);
        assertThat(refused.json().get("holdings").get(0).get("id").asString()).isEqualTo(lab);
        assertThat(refused.json().get("holdings").get(0).get("kind").asString()).isEqualTo("lab");
        assertThat(carol.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(actions(carolId)).doesNotContain("user.delete");

        assertThat(api().delete("/api/v1/labs/" + lab).status()).isEqualTo(204);
        assertThat(api().delete("/api/v1/users/" + carol.username()).status()).isEqualTo(204);

        assertThat(carol.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(api().get("/api/v1/users/" + carol.username()).status()).isEqualTo(404);
        assertThat(actions(carolId)).contains("user.delete");
    }

    @Test
    void anAdministratorRevokesAnotherUsersToken() {
        ApiClient dave = api().newUser();
        JsonNode tokens = api().get("/api/v1/users/" + dave.username() + "/tokens").json();
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).has("secret")).isFalse();

        assertThat(api().delete("/api/v1/tokens/" + tokens.get(0).get("id").asString()).status()).isEqualTo(204);

        assertThat(dave.get("/api/v1/me").status()).isEqualTo(401);
        JsonNode entry = api().get("/api/v1/audit?action=token.revoke&targetKind=user&targetId=" + idOf(dave))
                .json().get("items").get(0);
        assertThat(entry.get("actor").asString()).isEqualTo("admin");
        assertThat(entry.get("targetName").asString()).isEqualTo(dave.username());
    }

    @Test
    void onlyAdministratorsCutUsersOffAndNeverThemselves() {
        ApiClient erin = api().newUser();
        ApiClient frank = api().newUser();
        for (Response response : List.of(erin.post("/api/v1/users/" + frank.username() + "/disable", null),
                erin.post("/api/v1/users/" + frank.username() + "/enable", null),
                erin.delete("/api/v1/users/" + frank.username()),
                erin.get("/api/v1/users/" + frank.username()),
                erin.get("/api/v1/users/" + frank.username() + "/tokens"))) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
        }
        assertThat(frank.get("/api/v1/me").status()).isEqualTo(200);

        Response self = api().post("/api/v1/users/admin/disable", null);
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().get("detail").asString()).contains("yourself");
        assertThat(api().delete("/api/v1/users/admin").status()).isEqualTo(409);
        assertThat(api().get("/api/v1/me").status()).isEqualTo(200);
        assertThat(api().post("/api/v1/users/nobody-" + UUID.randomUUID() + "/disable", null).status())
                .isEqualTo(404);
    }

    @Test
    void aNewUsersLocationAnswers() {
        String name = unique("located");
        Response created = api().post("/api/v1/users", "{\"username\":\"" + name + "\"}");

        Response located = api().get(created.header("Location"));

        assertThat(located.status()).isEqualTo(200);
        assertThat(located.json().get("id")).isEqualTo(created.json().get("user").get("id"));
        assertThat(located.json().get("username").asString()).isEqualTo(name);
        assertThat(located.json().get("disabled").asBoolean()).isFalse();
    }

    private String idOf(ApiClient user) {
        return api().get("/api/v1/users/" + user.username()).json().get("id").asString();
    }

    /** What the audit log says was done to the user, oldest first. */
    private List<String> actions(String userId) {
        return api().get("/api/v1/audit?targetKind=user&targetId=" + userId).json().get("items").valueStream()
                .map(e -> e.get("action").asString()).toList().reversed();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
