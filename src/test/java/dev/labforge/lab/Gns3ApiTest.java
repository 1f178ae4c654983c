package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST and PUT /api/v1/labs with a GNS3 project file. */
class Gns3ApiTest extends IntegrationTest {

    private static final String GNS3 = "application/vnd.gns3+json";

    /** A Docker FRR router and a VPCS on a GNS3 switch, and a NAT cloud. */
    private static final String PROJECT = """
            {
              "name": "hosts_on_a_switch", "revision": 9, "type": "topology",
              "topology": {
                "nodes": [
                  {"node_id": "a", "name": "FRR-1", "node_type": "docker", "x": 10, "y": 20,
                   "properties": {"image": "frrouting/frr:v8.4.1", "adapters": 2}},
                  {"node_id": "b", "name": "pc2", "node_type": "vpcs", "x": 100, "y": 20},
                  {"node_id": "s", "name": "sw", "node_type": "ethernet_switch", "x": 50, "y": 100},
                  {"node_id": "n", "name": "NAT1", "node_type": "nat", "x": 50, "y": -100}
                ],
                "links": [
                  {"nodes": [{"node_id": "a", "adapter_number": 1, "port_number": 0, "label": {"text": "eth1"}},
                             {"node_id": "s", "adapter_number": 0, "port_number": 0}]},
                  {"nodes": [{"node_id": "s", "adapter_number": 0, "port_number": 1},
                             {"node_id": "b", "adapter_number": 0, "port_number": 0, "label": {"text": "e0"}}]},
                  {"nodes": [{"node_id": "a", "adapter_number": 0, "port_number": 0},
                             {"node_id": "n", "adapter_number": 0, "port_number": 0}]}
                ]
              }
            }
            """;

    private ApiClient user;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
    }

    @Test
    void importsAGns3ProjectSentAsItsContentType() {
        Response created = user.send("POST", "/api/v1/labs", PROJECT, GNS3);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode lab = created.json();
        assertThat(lab.get("name").asString()).isEqualTo("hosts_on_a_switch");
        assertThat(lab.get("nodes").valueStream().map(n -> n.get("name").asString())).containsExactly("frr-1", "pc2");
        assertThat(lab.get("nodes").valueStream().map(n -> n.get("image").asString())).containsOnly("frr");
        assertThat(lab.get("nodes").get(0).get("displayName").asString()).isEqualTo("FRR-1");
        // FRR's data ports start at eth1: adapter 1 (eth1) and the VPCS's only adapter take them in adapter order
        assertThat(lab.get("segments").get(0).get("endpoints").valueStream().map(JsonNode::asString))
                .containsExactly("frr-1:eth2", "pc2:eth1");
        assertThat(lab.get("warnings").valueStream().map(w -> w.get("pointer").asString()))
                .contains("/topology/nodes/0/name", "/topology/nodes/3/node_type");
    }

    @Test
    void refusalsPointIntoTheProject() {
        Response badLink = user.send("POST", "/api/v1/labs?format=gns3", PROJECT.replace("\"node_id\": \"b\", \"adapter",
                "\"node_id\": \"q\", \"adapter"), "application/yaml");
        assertThat(badLink.status()).as(badLink.body()).isEqualTo(400);
        assertThat(badLink.pointers())
                .containsExactly("/topology/links/1/nodes/1/node_id");

        String vmx = PROJECT.replace("\"node_type\": \"docker\"", "\"node_type\": \"qemu\"")
                .replace("\"image\": \"frrouting/frr:v8.4.1\"", "\"hda_disk_image\": \"junos-vmx.qcow2\"");
        Response unknownImage = user.send("POST", "/api/v1/labs", vmx, GNS3);
        assertThat(unknownImage.status()).as(unknownImage.body()).isEqualTo(422);
        assertThat(unknownImage.pointers())
                .contains("/topology/nodes/0/properties/hda_disk_image");
        assertThat(user.get("/api/v1/labs").json().get("totalItems").asInt()).isZero();
    }

    @Test
    void aLabExportedAsGns3ImportsAsTheSameLab() {
        Response created = user.send("POST", "/api/v1/labs", PROJECT, GNS3);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.header("Location");

        Response exported = user.get(location, "Accept", GNS3);
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith(GNS3);
        assertThat(exported.header("Content-Disposition")).contains("hosts_on_a_switch.gns3");
        JsonNode project = exported.json();
        assertThat(project.get("project_id").asString()).isEqualTo(created.json().get("id").asString());
        assertThat(project.at("/topology/nodes").valueStream().map(n -> n.get("name").asString() + "/"
                + n.get("node_type").asString())).containsExactly("FRR-1/docker", "pc2/vpcs", "sw/ethernet_switch");
        assertThat(project.at("/topology/nodes/0/properties/image").asString()).isEqualTo("frrouting/frr:v8.4.1");

        Response again = user.send("POST", "/api/v1/labs?name=round-trip", exported.body(), GNS3);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        JsonNode first = user.get(location).json();
        JsonNode second = again.json();
        assertThat(second.get("nodes")).isEqualTo(first.get("nodes"));
        assertThat(second.get("links")).isEqualTo(first.get("links"));
        assertThat(second.get("segments")).isEqualTo(first.get("segments"));
        assertThat(user.get(location, "Accept", "application/vnd.gns3+json").header("ETag"))
                .isEqualTo(created.header("ETag"));
    }

    @Test
    void putReplacesALabWithAGns3Project() {
        Response created = user.send("POST", "/api/v1/labs?name=from-gns3", PROJECT, GNS3);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.header("Location");

        Response replaced = user.send("PUT", location, PROJECT.replace("\"pc2\"", "\"pc3\""), GNS3, "If-Match",
                created.header("ETag"));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(user.get(location).json().get("nodes").get(1).get("name").asString()).isEqualTo("pc3");
        assertThat(user.get(location).json().get("name").asString()).isEqualTo("from-gns3");
    }

    /** Damaged projects against the running API: never a 5xx, every refusal a problem with pointers. */
    @Test
    void damagedProjectsNeverBreakTheServer() {
        ImportMutations.assertNoServerErrors(user, PROJECT, GNS3, 150);
    }
}
