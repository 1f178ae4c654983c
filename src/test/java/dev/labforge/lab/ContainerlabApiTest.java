package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.containerlab.ClabSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ContainerlabApiTest extends IntegrationTest {

    private ApiClient user;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
    }

    private Response importYaml(String yaml, String query) {
        return user.send("POST", "/api/v1/labs" + query, yaml, "application/yaml");
    }

    private static String example() throws IOException {
        return Files.readString(Path.of("docs/examples/frr-ring.clab.yml"));
    }

    @Test
    void importsTheReadmeExampleWithWarningsForContainerOnlyFields() throws IOException {
        Response created = importYaml(example(), "");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode lab = created.json();
        assertThat(lab.get("name").asString()).isEqualTo("frr-ring");
        assertThat(lab.get("nodes")).hasSize(4);
        assertThat(lab.get("nodes").get(0).get("image").asString()).isEqualTo("frr");
        assertThat(lab.get("nodes").get(0).get("startupConfig").asString()).startsWith("hostname r1\n");
        assertThat(lab.get("nodes").get(2).get("position").get("x").asDouble()).isEqualTo(400.0);
        assertThat(lab.get("links")).hasSize(4);
        assertThat(lab.get("links").get(3).get("mtu").asInt()).isEqualTo(9000);
        assertThat(lab.get("warnings").valueStream().map(w -> w.get("pointer").asString()))
                .contains("/topology/nodes/r2/binds");
    }

    @Test
    void exportsAFileContainerlabAcceptsAndThatImportsBackToTheSameLab() throws IOException {
        String id = importYaml(example(), "").json().get("id").asString();

        Response exported = user.get("/api/v1/labs/" + id, "Accept", "application/yaml");
        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("application/yaml");
        assertThat(exported.header("ETag")).isEqualTo("\"0\"");
        assertThat(ClabSchema.violations(exported.body())).isEmpty();

        Response again = importYaml(exported.body(), "?name=frr-ring-copy");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        JsonNode first = user.get("/api/v1/labs/" + id).json();
        JsonNode second = again.json();
        assertThat(second.get("nodes")).isEqualTo(first.get("nodes"));
        assertThat(second.get("links")).isEqualTo(first.get("links"));
        // the export keeps the file's container image, which the catalog lacks: said again, once for the kind
        assertThat(second.get("warnings").valueStream().map(w -> w.get("message").asString()))
                .allSatisfy(message -> assertThat(message).startsWith("kind linux: 4 nodes"));
        String copyId = second.get("id").asString();
        assertThat(user.get("/api/v1/labs/" + copyId, "Accept", "application/yaml").body())
                .isEqualTo(exported.body().replace("name: frr-ring\n", "name: frr-ring-copy\n"));
    }

    @Test
    void problemsPointIntoTheYamlFile() {
        Response response = importYaml("""
                name: broken
                topology:
                  nodes:
                    R1:
                      kind: linux
                    r2:
                      image: no-such-image
                  links:
                    - endpoints: ["r2:eth1", "ghost:eth1"]
                """, "");

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.pointers())
                .contains("/topology/nodes/r2/image", "/topology/links/0/endpoints/1")
                .doesNotContain("/topology/nodes/R1"); // a name containerlab takes is mapped, not refused
        assertThat(user.get("/api/v1/labs").json().get("totalItems").asInt()).isZero();
    }

    @Test
    void aNodeNameKubernetesCannotTakeIsMappedShownAndExportedAsWritten() {
        Response created = importYaml("""
                name: pcs
                topology:
                  nodes:
                    PC1: {kind: linux, image: "wbitt/network-multitool:3.22.2"}
                    r1: {kind: linux, image: frr}
                  links:
                    - endpoints: ["PC1:eth1", "r1:eth1"]
                """, "");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode pc = created.json().get("nodes").get(0);
        assertThat(pc.get("name").asString()).isEqualTo("pc1");
        assertThat(pc.get("displayName").asString()).isEqualTo("PC1");
        assertThat(pc.get("origin").get("image").asString()).isEqualTo("wbitt/network-multitool:3.22.2");
        assertThat(created.json().get("links").get(0).get("endpoints").get(0).asString()).isEqualTo("pc1:eth1");
        assertThat(created.json().get("warnings").valueStream().map(w -> w.get("pointer").asString()))
                .contains("/topology/nodes/PC1");
        String exported = user.get("/api/v1/labs/" + created.json().get("id").asString(), "Accept",
                "application/yaml").body();
        assertThat(exported).contains("  PC1:\n      kind: linux\n      image: wbitt/network-multitool:3.22.2",
                "- PC1:eth1");
        assertThat(ClabSchema.violations(exported)).isEmpty();
    }

    @Test
    void unreadableYamlIsABadRequestWithAPointer() {
        Response notYaml = importYaml("name: [unclosed\n", "");
        assertThat(notYaml.status()).isEqualTo(400);
        assertThat(notYaml.json().get("type").asString()).endsWith("/invalid-request");

        Response wrongType = importYaml("name: x\ntopology:\n  nodes:\n    r1:\n      cpu: [1]\n", "");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/topology/nodes/r1/cpu");

        assertThat(importYaml("", "").status()).isEqualTo(400);
        assertThat(importYaml("name: ok\ntopology:\n  nodes:\n    r1: {kind: linux}\n", "?name=bad%20name").status())
                .isEqualTo(422);
    }

    @Test
    void replacesALabFromAContainerlabFileKeepingItsName() throws IOException {
        String id = importYaml(example(), "").json().get("id").asString();

        Response replaced = user.send("PUT", "/api/v1/labs/" + id, """
                name: ignored
                topology:
                  nodes:
                    a: {kind: linux}
                    b: {kind: linux}
                  links:
                    - endpoints: ["a:eth1", "b:eth1"]
                """, "application/yaml", "If-Match", "\"0\"");

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("name").asString()).isEqualTo("frr-ring");
        assertThat(replaced.json().get("nodes")).hasSize(2);
        assertThat(replaced.header("ETag")).isEqualTo("\"1\"");
    }
}
