package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.containerlab.ClabSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Shared segments through the JSON API and the containerlab API, stored in PostgreSQL and read back. */
class SegmentApiTest extends IntegrationTest {

    private static final String LAN = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"},{"name":"r2","image":"frr"},{"name":"r3","image":"veos"}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]}],
             "segments":[{"name":"lan","endpoints":["r1:eth2","r2:eth2","r3:Ethernet1"],"mtu":9000}]}""";

    private ApiClient user;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
    }

    @Test
    void aLabWithASegmentIsStoredAndReadBackAndListedWithItsCount() {
        Response created = user.post("/api/v1/labs", LAN.formatted("office"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        JsonNode lab = user.get("/api/v1/labs/" + id).json();
        assertThat(lab.get("segments")).hasSize(1);
        assertThat(lab.get("segments").get(0).get("name").asString()).isEqualTo("lan");
        assertThat(lab.get("segments").get(0).get("endpoints").valueStream().map(JsonNode::asString))
                .containsExactly("r1:eth2", "r2:eth2", "r3:Ethernet1");
        assertThat(lab.get("segments").get(0).get("mtu").asInt()).isEqualTo(9000);
        JsonNode item = user.get("/api/v1/labs").json().get("items").get(0);
        assertThat(item.get("segmentCount").asInt()).isEqualTo(1);
        assertThat(item.get("linkCount").asInt()).isEqualTo(1);

        // a lab without segments reads as before: no segments field at all
        Response plain = user.put("/api/v1/labs/" + id, """
                {"name":"office","nodes":[{"name":"r1","image":"frr"},{"name":"r2","image":"frr"}],
                 "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""", "If-Match", "\"0\"");
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(plain.json().has("segments")).isFalse();
        assertThat(user.get("/api/v1/labs").json().get("items").get(0).get("segmentCount").asInt()).isZero();
    }

    @Test
    void brokenSegmentsAreRefusedWithARuleAndAPointerEach() {
        Response refused = user.post("/api/v1/labs", """
                {"name":"bad-lan","nodes":[{"name":"r1","image":"frr"},{"name":"r2","image":"frr"}],
                 "links":[{"endpoints":["r1:eth1","r2:eth1"]}],
                 "segments":[{"name":"r1","endpoints":["r1:eth1","ghost:eth1","r2"]},
                             {"name":"Bad Name","endpoints":[]},{"name":"big","endpoints":[],"mtu":20}]}""");

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").valueStream()
                .map(e -> e.get("rule").asString() + " " + e.get("pointer").asString()))
                .contains("segment-name /segments/0/name", "interface-single-use /segments/0/endpoints/0",
                        "endpoint-node-exists /segments/0/endpoints/1", "endpoint-format /segments/0/endpoints/2",
                        "segment-name /segments/1/name", "link-mtu /segments/2/mtu");
        Response noEndpoints = user.post("/api/v1/labs", """
                {"name":"no-endpoints","segments":[{"name":"lan"}]}""");
        assertThat(noEndpoints.status()).isBetween(400, 422);
        assertThat(noEndpoints.json().get("errors").get(0).get("pointer").asString())
                .isEqualTo("/segments/0/endpoints");
        assertThat(user.get("/api/v1/labs").json().get("totalItems").asInt()).isZero();
    }

    @Test
    void aContainerlabBridgeImportsAsASegmentAndExportsBackAsABridge() {
        Response created = user.send("POST", "/api/v1/labs", """
                name: clab-lan
                topology:
                  nodes:
                    r1: {kind: linux, image: frr}
                    r2: {kind: linux, image: frr}
                    sw: {kind: bridge}
                  links:
                    - endpoints: ["r1:eth1", "sw:p1"]
                    - endpoints: ["sw:p2", "r2:eth1"]
                    - endpoints: ["sw:p3", "mgmt-net:sw-up"]
                """, "application/yaml");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("segments").get(0).get("endpoints").valueStream().map(JsonNode::asString))
                .containsExactly("r1:eth1", "r2:eth1");
        assertThat(created.json().get("warnings").valueStream().map(w -> w.get("pointer").asString()))
                .contains("/topology/links/2");
        String exported = user.get("/api/v1/labs/" + created.json().get("id").asString(), "Accept", "application/yaml")
                .body();
        assertThat(exported).contains("sw:\n      kind: bridge");
        assertThat(ClabSchema.violations(exported)).isEmpty();
    }
}
