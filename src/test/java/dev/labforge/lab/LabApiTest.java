package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LabApiTest extends IntegrationTest {

    private ApiClient alice;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        alice = api().newUser();
    }

    static String triangle(String name) {
        return """
                {"name":"%s","description":"three FRR routers running OSPF",
                 "nodes":[{"name":"r1","image":"frr","startupConfig":"hostname r1\\n"},
                          {"name":"r2","image":"frr","cpu":2,"memoryMib":2048},
                          {"name":"r3","image":"frr","labels":{"role":"edge"},"position":{"x":10,"y":20}}],
                 "links":[{"endpoints":["r1:eth1","r2:eth1"]},
                          {"endpoints":["r2:eth2","r3:eth1"],"mtu":9000},
                          {"endpoints":["r3:eth2","r1:eth2"]}]}""".formatted(name);
    }

    @Test
    void createsAndReadsBackALab() {
        Response created = alice.post("/api/v1/labs", triangle("ospf"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode lab = created.json();
        String id = lab.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/labs/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(lab.get("warnings")).isEmpty();

        Response read = alice.get("/api/v1/labs/" + id);
        assertThat(read.status()).isEqualTo(200);
        JsonNode body = read.json();
        assertThat(body.get("name").asString()).isEqualTo("ospf");
        assertThat(body.get("nodes")).hasSize(3);
        assertThat(body.get("nodes").get(0).get("startupConfig").asString()).isEqualTo("hostname r1\n");
        assertThat(body.get("nodes").get(1).get("memoryMib").asInt()).isEqualTo(2048);
        assertThat(body.get("nodes").get(2).get("position").get("y").asDouble()).isEqualTo(20.0);
        assertThat(body.get("links").get(1).get("mtu").asInt()).isEqualTo(9000);
        assertThat(body.get("links").get(2).get("endpoints").get(0).asString()).isEqualTo("r3:eth2");
        assertThat(body.get("owner").get("name").asString()).startsWith("user-");
        assertThat(body.get("owner").get("kind").asString()).isEqualTo("user");
        assertThat(body.get("permission").asString()).isEqualTo("admin");
        assertThat(body.has("warnings")).isFalse();
        // the read path (plain SQL) and the list agree on stored instants, time zone included
        JsonNode listed = alice.get("/api/v1/labs?name=ospf").json().get("items").get(0);
        assertThat(body.get("createdAt")).isEqualTo(listed.get("createdAt"));
        assertThat(java.time.Duration.between(java.time.Instant.parse(body.get("createdAt").asString()),
                java.time.Instant.now()).abs()).isLessThan(java.time.Duration.ofMinutes(1));
    }

    @Test
    void revalidatesTheLabOnlyWhileWhatItShowsIsUnchanged() {
        String id = alice.post("/api/v1/labs", triangle("cached")).json().get("id").asString();
        ApiClient bob = api().newUser();
        alice.put("/api/v1/labs/" + id + "/access", "{\"grants\":[{\"user\":\"" + bob.username() + "\",\"level\":\"view\"}]}");

        String seen = bob.get("/api/v1/labs/" + id).header("ETag");
        assertThat(seen).startsWith("\"0-");
        assertThat(bob.get("/api/v1/labs/" + id, "If-None-Match", seen).status()).isEqualTo(304);
        assertThat(bob.get("/api/v1/labs/" + id, "If-None-Match", "\"7\"").status()).isEqualTo(200);

        // the definition is unchanged, but what the answer shows is not: bob's permission
        alice.put("/api/v1/labs/" + id + "/access", "{\"grants\":[{\"user\":\"" + bob.username() + "\",\"level\":\"edit\"}]}");
        Response again = bob.get("/api/v1/labs/" + id, "If-None-Match", seen);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("permission").asString()).isEqualTo("edit");

        // a write's If-Match compares the version before the mark
        assertThat(bob.put("/api/v1/labs/" + id, triangle("cached"), "If-Match", again.header("ETag")).status())
                .isEqualTo(200);
        assertThat(bob.put("/api/v1/labs/" + id, triangle("cached"), "If-Match", again.header("ETag")).status())
                .isEqualTo(412);
    }

    @Test
    void replacesWithIfMatchAndRefusesAStaleVersion() {
        String id = alice.post("/api/v1/labs", triangle("edit-me")).json().get("id").asString();

        Response first = alice.put("/api/v1/labs/" + id, triangle("edited"), "If-Match", "\"0\"");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.json().get("name").asString()).isEqualTo("edited");

        Response stale = alice.put("/api/v1/labs/" + id, triangle("lost-update"), "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/precondition-failed");
        assertThat(alice.get("/api/v1/labs/" + id).json().get("name").asString()).isEqualTo("edited");

        assertThat(alice.delete("/api/v1/labs/" + id, "If-Match", "\"0\"").status()).isEqualTo(412);
        assertThat(alice.delete("/api/v1/labs/" + id, "If-Match", "\"1\"").status()).isEqualTo(204);
        assertThat(alice.get("/api/v1/labs/" + id).status()).isEqualTo(404);
    }

    @Test
    void refusesASecondLabWithTheSameNameForTheSameOwner() {
        assertThat(alice.post("/api/v1/labs", triangle("twice")).status()).isEqualTo(201);

        Response again = alice.post("/api/v1/labs", triangle("twice"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/conflict");
        assertThat(api().newUser().post("/api/v1/labs", triangle("twice")).status()).isEqualTo(201);
    }

    @Test
    void listsOwnLabsPagedAndFilteredByName() {
        for (String name : new String[] {"core-a", "core-b", "edge-a"}) {
            assertThat(alice.post("/api/v1/labs", triangle(name)).status()).isEqualTo(201);
        }

        JsonNode all = alice.get("/api/v1/labs?size=2").json();
        assertThat(all.get("totalItems").asLong()).isEqualTo(3);
        assertThat(all.get("items")).hasSize(2);
        assertThat(all.get("items").get(0).get("name").asString()).isEqualTo("edge-a");
        assertThat(all.get("items").get(0).get("nodeCount").asInt()).isEqualTo(3);

        JsonNode cores = alice.get("/api/v1/labs?name=CORE").json();
        assertThat(cores.get("totalItems").asLong()).isEqualTo(2);

        Response badPage = alice.get("/api/v1/labs?size=1000&page=-1");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("errors")).hasSize(2);
    }

    @Test
    void hidesOtherUsersLabsBehindNotFound() {
        String id = alice.post("/api/v1/labs", triangle("private")).json().get("id").asString();
        ApiClient mallory = api().newUser();

        assertThat(mallory.get("/api/v1/labs/" + id).status()).isEqualTo(404);
        assertThat(mallory.put("/api/v1/labs/" + id, triangle("mine")).status()).isEqualTo(404);
        assertThat(mallory.delete("/api/v1/labs/" + id).status()).isEqualTo(404);
        assertThat(mallory.get("/api/v1/labs").json().get("totalItems").asLong()).isZero();
        assertThat(alice.get("/api/v1/labs/" + id).json().get("name").asString()).isEqualTo("private");
        assertThat(api().get("/api/v1/labs/" + id).status()).isEqualTo(200);
    }

    @Test
    void unknownAndUnparseableIdsAreNotFound() {
        assertThat(alice.get("/api/v1/labs/" + UUID.randomUUID()).status()).isEqualTo(404);
        Response garbage = alice.get("/api/v1/labs/not-a-uuid");
        assertThat(garbage.status()).isEqualTo(404);
        assertThat(garbage.contentType()).startsWith("application/problem+json");
    }
}
