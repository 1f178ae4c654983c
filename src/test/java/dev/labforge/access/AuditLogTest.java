package dev.labforge.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AuditLogTest extends IntegrationTest {

    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"}],"links":[]}""";

    @Autowired
    JdbcClient jdbc;

    private ApiClient alice;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        alice = api().newUser();
    }

    @Test
    void recordsWhoDidWhatToALabWithWhichToken() {
        String me = alice.get("/api/v1/tokens").json().get(0).get("id").asString();
        ApiClient bob = api().newUser();
        String id = alice.post("/api/v1/labs", LAB.formatted("audited")).json().get("id").asString();
        alice.put("/api/v1/labs/" + id + "/access",
                "{\"grants\":[{\"user\":\"" + bob.username() + "\",\"level\":\"operate\"}]}");
        bob.post("/api/v1/labs/" + id + "/start", null);
        bob.post("/api/v1/labs/" + id + "/nodes/r1/restart", null);
        alice.delete("/api/v1/labs/" + id);

        JsonNode items = api().get("/api/v1/audit?targetKind=lab&targetId=" + id).json().get("items");
        List<String> actions = new ArrayList<>();
        items.forEach(item -> actions.add(item.get("actor").asString() + " " + item.get("action").asString()));
        assertThat(actions).containsExactly(
                alice.username() + " lab.delete",
                bob.username() + " lab.node.restart",
                bob.username() + " lab.start",
                alice.username() + " lab.access.update",
                alice.username() + " lab.create");
        JsonNode created = items.get(4);
        assertThat(created.get("credential").asString()).isEqualTo("token:" + me);
        assertThat(created.get("targetName").asString()).isEqualTo("audited");
        assertThat(created.get("detail").get("nodes").asInt()).isEqualTo(1);
        assertThat(items.get(1).get("detail").get("node").asString()).isEqualTo("r1");
    }

    @Test
    void aRefusedActionLeavesNoEntry() {
        String name = "refused-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().put("/api/v1/quotas/users/" + alice.username(), "{\"labs\":0}").status()).isEqualTo(200);
        assertThat(alice.post("/api/v1/labs", LAB.formatted(name)).status()).isEqualTo(403);
        assertThat(alice.post("/api/v1/labs", "{\"name\":\"" + name + "\",\"nodes\":[{}]}").status())
                .isEqualTo(422);
        JsonNode items = api().get("/api/v1/audit?actor=" + alice.username()).json().get("items");
        assertThat(items).isEmpty();
        JsonNode quota = api().get("/api/v1/audit?action=quota.&targetKind=user").json().get("items");
        assertThat(quota.findValuesAsString("targetName")).contains(alice.username());
    }

    @Test
    void onlyAdministratorsReadItAndItPagesBackwards() {
        assertThat(alice.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/audit").status()).isEqualTo(401);
        for (int i = 0; i < 3; i++) {
            alice.post("/api/v1/labs", LAB.formatted("paged-" + i));
        }
        Response first = api().get("/api/v1/audit?actor=" + alice.username() + "&limit=2");
        assertThat(first.json().get("items")).hasSize(2);
        String next = first.json().get("next").asString();
        assertThat(next).contains("actor=" + alice.username()).contains("before=");
        Response second = api().get(next);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().has("next")).isFalse();
        assertThat(second.json().get("items").get(0).get("targetName").asString()).isEqualTo("paged-0");

        Response bad = api().get("/api/v1/audit?since=yesterday&limit=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsString("parameter")).containsExactlyInAnyOrder("since", "limit");
    }

    @Test
    void theTableRefusesUpdatesAndDeletesWhoeverAsks() {
        alice.post("/api/v1/labs", LAB.formatted("kept"));
        assertThatThrownBy(() -> jdbc.sql("update audit_log set actor_name = 'someone-else'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update()).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_log").update()).rootCause().hasMessageContaining("append-only");
        assertThat(api().get("/api/v1/audit?actor=" + alice.username()).json().get("items")).hasSize(1);
    }
}
