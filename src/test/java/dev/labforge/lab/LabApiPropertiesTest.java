package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Property tests with seeded generators: thousands of generated and mutated lab documents against the running API: valid ones are stored
 * and read back unchanged; every rejection is a 4xx problem whose errors carry pointers; nothing
 * from a rejected request is stored; nothing ever answers 5xx.
 */
class LabApiPropertiesTest extends IntegrationTest {

    private static final int VALID = 300;
    private static final int MUTATED = 1500;

    private ApiClient user;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
    }

    @Test
    void validLabsAreStoredAndReadBackUnchanged() {
        List<ObjectNode> labs = GeneratedTopologies.validLabs(1, VALID).toList();
        int stored = 0;
        for (ObjectNode lab : labs) {
            lab.put("name", lab.get("name").asString() + "-" + stored);
            Response created = user.post("/api/v1/labs", lab.toString());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            stored++;
            JsonNode read = user.get(created.header("Location")).json();
            assertThat(read.get("nodes")).isEqualTo(lab.get("nodes"));
            assertThat(read.get("links")).isEqualTo(lab.get("links"));
        }
        assertThat(user.get("/api/v1/labs").json().get("totalItems").asInt()).isEqualTo(stored);
    }

    @Test
    void mutatedLabsNeverBreakTheServerAndRejectionsStoreNothing() {
        List<String> documents = GeneratedTopologies.mutatedLabs(1_000, MUTATED).toList();
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < documents.size(); i++) {
            String document = documents.get(i).replaceFirst("\"name\":\"gen-", "\"name\":\"m" + i + "-");
            Response response = user.post("/api/v1/labs", document);
            assertThat(response.status()).as("%s -> %s", document, response.body()).isLessThan(500);
            if (response.status() == 201) {
                accepted++;
                continue;
            }
            rejected++;
            assertThat(response.status()).isIn(400, 409, 422);
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.get("type").asString()).startsWith("https://labforge.dev/problems/");
            if (response.status() != 409) {
                assertThat(GeneratedTopologies.pointers(problem)).as(response.body())
                        .isNotEmpty().allSatisfy(p -> assertThat(p).isNotNull().matches("(/[^/]*)*"));
            }
        }
        assertThat(rejected).isGreaterThan(MUTATED / 2);
        assertThat(user.get("/api/v1/labs").json().get("totalItems").asInt()).isEqualTo(accepted);
    }
}
