package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/labs with a Cisco Modeling Labs topology file. */
class CmlApiTest extends IntegrationTest {

    private static final String LAB = """
            lab:
              title: hosts on a switch
              version: 0.2.2
            nodes:
              - id: n0
                label: PC1
                node_definition: desktop
                configuration: hostname pc1
                x: 10
                y: 20
                interfaces:
                  - {id: i0, label: eth0, slot: 0, type: physical}
              - id: n1
                label: pc2
                node_definition: alpine
                interfaces:
                  - {id: i0, label: eth0, slot: 0, type: physical}
              - id: n2
                label: sw
                node_definition: unmanaged_switch
                interfaces:
                  - {id: i0, label: port0, slot: 0, type: physical}
                  - {id: i1, label: port1, slot: 1, type: physical}
            links:
              - {id: l0, n1: n0, i1: i0, n2: n2, i2: i0}
              - {id: l1, n1: n2, i1: i1, n2: n1, i2: i0}
            """;

    private ApiClient user;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
    }

    @Test
    void importsACmlFileSentAsItsContentType() {
        Response created = user.send("POST", "/api/v1/labs", LAB, "application/vnd.cisco.cml+yaml");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode lab = created.json();
        assertThat(lab.get("name").asString()).isEqualTo("hosts-on-a-switch");
        assertThat(lab.get("nodes")).hasSize(2);
        assertThat(lab.get("nodes").get(0).get("name").asString()).isEqualTo("pc1");
        assertThat(lab.get("nodes").get(0).get("image").asString()).isEqualTo("frr");
        assertThat(lab.get("nodes").get(0).get("startupConfig").asString()).isEqualTo("hostname pc1");
        assertThat(lab.get("segments")).hasSize(1);
        // FRR's first data port is eth1: the hosts' eth0 is mapped in slot order, and the answer says so
        assertThat(lab.get("segments").get(0).get("endpoints").valueStream().map(JsonNode::asString))
                .containsExactly("pc1:eth1", "pc2:eth1");
        assertThat(lab.get("warnings").valueStream().map(w -> w.get("pointer").asString()))
                .contains("/lab/title", "/nodes/0/label", "/nodes/0/interfaces");
    }

    @Test
    void theFormatParameterReadsCmlFromAPlainYamlBody() {
        Response created = user.send("POST", "/api/v1/labs?format=cml&name=cml-by-parameter", LAB,
                "application/yaml");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo("cml-by-parameter");

        Response unknown = user.send("POST", "/api/v1/labs?format=gns4", LAB, "application/yaml");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
    }

    @Test
    void refusalsPointIntoTheCmlFile() {
        Response missingImage = user.send("POST", "/api/v1/labs",
                LAB.replace("node_definition: alpine", "node_definition: nxosv9000"), "application/vnd.cisco.cml+yaml");
        assertThat(missingImage.status()).as(missingImage.body()).isEqualTo(422);
        assertThat(missingImage.pointers())
                .containsExactly("/nodes/1/node_definition");

        Response badLink = user.send("POST", "/api/v1/labs", LAB.replace("n2: n1, i2: i0}", "n2: n7, i2: i0}"),
                "application/vnd.cisco.cml+yaml");
        assertThat(badLink.status()).as(badLink.body()).isEqualTo(400);
        assertThat(badLink.pointers())
                .containsExactly("/links/1/n2");
        assertThat(user.get("/api/v1/labs").json().get("totalItems").asInt()).isZero();
    }

    @Test
    void aLabExportedAsCmlImportsAsTheSameLab() {
        Response created = user.send("POST", "/api/v1/labs", LAB, CML);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.header("Location");

        Response exported = user.get(location, "Accept", CML);
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith(CML);
        assertThat(exported.body()).contains("node_definition: unmanaged_switch");

        Response again = user.send("POST", "/api/v1/labs?name=round-trip", exported.body(), CML);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        JsonNode first = user.get(location).json();
        JsonNode second = again.json();
        assertThat(second.get("nodes")).isEqualTo(first.get("nodes"));
        assertThat(second.get("links")).isEqualTo(first.get("links"));
        assertThat(second.get("segments")).isEqualTo(first.get("segments"));
    }

    @Test
    void putReplacesALabWithACmlFile() {
        Response created = user.send("POST", "/api/v1/labs?name=replaced", LAB, CML);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.header("Location");
        String smaller = LAB.replace("""
                  - {id: l1, n1: n2, i1: i1, n2: n1, i2: i0}
                """, "").replace("label: pc2", "label: pc3");

        Response stale = user.send("PUT", location, smaller, CML, "If-Match", "\"stale\"");
        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        Response replaced = user.send("PUT", location, smaller, CML, "If-Match", created.header("ETag"));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        JsonNode lab = user.get(location).json();
        assertThat(lab.get("name").asString()).isEqualTo("replaced");
        assertThat(lab.get("nodes").valueStream().map(n -> n.get("name").asString())).containsExactly("pc1", "pc3");
        assertThat(lab.get("segments").get(0).get("endpoints")).hasSize(1);

        Response broken = user.send("PUT", location + "?format=cml", smaller.replace("n2: n2, i2: i0}", "n2: n9, i2: i0}"),
                "application/yaml", "If-Match", replaced.header("ETag"));
        assertThat(broken.status()).as(broken.body()).isEqualTo(400);
        assertThat(broken.pointers())
                .containsExactly("/links/0/n2");
    }

    /** Damaged CML files against the running API: never a 5xx, every refusal a problem with pointers. */
    @Test
    void damagedCmlFilesNeverBreakTheServer() {
        ImportMutations.assertNoServerErrors(user, LAB, CML, 150);
    }

    private static final String CML = "application/vnd.cisco.cml+yaml";
}
