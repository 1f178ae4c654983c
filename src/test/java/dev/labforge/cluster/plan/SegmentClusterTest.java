package dev.labforge.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.Await;
import dev.labforge.cluster.ClusterConnection;
import dev.labforge.cluster.ClusterProperties;
import dev.labforge.cluster.LabCluster;
import dev.labforge.cluster.LabObjects;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.multus.NadRules;
import dev.labforge.cluster.reconcile.FloorDeploy;
import dev.labforge.lab.LabDefinitions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A shared segment runs: one NAD that every member interface attaches to. The service's own driver (bridge) is run
 * through REST, the reconciler and the simulated cluster; the vlan driver through a planner of the test's own on the
 * real database (its own VLAN domain) and a throwaway mock API server with the simulator, where every VM must run.
 */
class SegmentClusterTest extends IntegrationTest {

    private static final String LAN_LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"},{"name":"r2","image":"frr"},{"name":"r3","image":"frr"},
              {"name":"h1","image":"frr"}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]}],
             "segments":[{"name":"lan","endpoints":["r1:eth2","r2:eth2","r3:eth1","h1:eth1"],"mtu":9000}]}""";

    @Autowired
    ClusterConnection cluster;
    @Autowired
    LabDefinitions definitions;
    @Autowired
    dev.labforge.image.ImageCatalog images;
    @Autowired
    LinkAllocations allocations;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    private ApiClient user;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
    }

    @Test
    void aSegmentRunsOnTheBridgeDriverAsOneNadThatEveryMemberAttachesTo() {
        String id = user.post("/api/v1/labs", LAN_LAB.formatted("lan-" + UUID.randomUUID().toString().substring(0, 8)))
                .json().get("id").asString();
        assertThat(user.post("/api/v1/labs/" + id + "/start", "").status()).isEqualTo(202);
        Await.until("the LAN lab RUNNING", LabCluster.CONVERGENCE,
                () -> "RUNNING".equals(user.get("/api/v1/labs/" + id).json().get("status").get("state").asString()),
                () -> user.get("/api/v1/labs/" + id).body());
        String namespace = LabPlanner.namespaceOf(UUID.fromString(id));

        List<GenericKubernetesResource> nads = cluster.client().genericKubernetesResources(Multus.NAD)
                .inNamespace(namespace).list().getItems();
        assertThat(nads).hasSize(2).allSatisfy(nad -> assertThat(NadRules.violations(nad)).isEmpty());
        GenericKubernetesResource lan = nads.stream().filter(n -> n.getMetadata().getName().startsWith("lan-"))
                .findFirst().orElseThrow();
        JsonNode config = ApiClient.JSON.readTree(Serialization.jsonMapper().<JsonNode>valueToTree(lan)
                .path("spec").path("config").asString());
        assertThat(config.path("mtu").asInt()).isEqualTo(9000);
        Map<String, List<String>> attached = attachments(cluster.client().genericKubernetesResources(KubeVirt.VM)
                .inNamespace(namespace).list().getItems());
        assertThat(attached.get(lan.getMetadata().getName())).containsExactlyInAnyOrder("r1", "r2", "r3", "h1");
        String bridge = config.path("bridge").asString();
        assertThat(jdbc.sql("select bridge from link_bridges where lab_id = ? and nad_name = ?")
                .params(UUID.fromString(id), lan.getMetadata().getName()).query(String.class).single())
                .as("the segment's bridge is allocated like a link's").isEqualTo(bridge);
    }

    @Test
    void aSegmentRunsOnTheVlanDriverWithOneVlanForAllItsMembers() {
        String id = user.post("/api/v1/labs", LAN_LAB.formatted("lanv-" + UUID.randomUUID().toString().substring(0, 8)))
                .json().get("id").asString();
        UUID lab = UUID.fromString(id);
        // a runtime row the VLAN rows hang on, that nothing reconciles (destroyed, changed long ago), as in
        // LinkAllocationsTest: the service itself runs the bridge driver and must not touch these ids
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("update labs set updated_at = timestamptz '2000-01-01' where id = ?").param(lab).update();
            jdbc.sql("""
                    insert into lab_runtime (lab_id, namespace, desired, state, updated_at, version, desired_at)
                    values (?, ?, 'DESTROYED', 'DEFINED', now(), 0, timestamptz '2000-01-01')""")
                    .params(lab, LabPlanner.namespaceOf(lab)).update();
        });
        String domain = "segments-" + UUID.randomUUID();
        ClusterProperties vlan = new ClusterProperties("", true, "vlan", "br-trunk", domain, 300, 399, 1500,
                Duration.ofMinutes(5), 1, Duration.ofMillis(50), Duration.ofSeconds(5), List.of());
        LabPlanner planner = new LabPlanner(images, allocations, vlan);
        try {
            LabPlan plan = transaction.execute(tx -> LabObjects.planRunning(planner, definitions.find(lab).orElseThrow()));
            LinkPlan segment = plan.links().stream().filter(l -> l.endpoints().size() == 4).findFirst().orElseThrow();
            assertThat(segment.vlan()).isBetween(300, 399);
            assertThat(jdbc.sql("select count(*) from link_vlans where domain = ? and lab_id = ?")
                    .params(domain, lab).query(Integer.class).single()).as("one id per link and per segment").isEqualTo(2);

            List<HasMetadata> objects = LabObjects.render(plan, Multus.driver("vlan"));
            List<GenericKubernetesResource> nads = objects.stream().filter(o -> o.getKind().equals("NetworkAttachmentDefinition"))
                    .map(GenericKubernetesResource.class::cast).toList();
            assertThat(nads).hasSize(2).allSatisfy(nad -> assertThat(NadRules.violations(nad)).isEmpty());
            Map<String, List<String>> attached = attachments(objects.stream()
                    .filter(o -> o.getKind().equals("VirtualMachine")).map(GenericKubernetesResource.class::cast).toList());
            assertThat(attached.get(segment.nadName())).containsExactlyInAnyOrder("r1", "r2", "r3", "h1");

            // every VM created on a mock API server and run by the simulator, or this throws
            FloorDeploy.run(List.of(objects), 1, LabCluster.CONVERGENCE);
        } finally {
            transaction.executeWithoutResult(tx -> allocations.releaseVlans(lab));
        }
    }

    /** NAD name → the VMs with a Multus network on it. */
    private static Map<String, List<String>> attachments(List<GenericKubernetesResource> vms) {
        Map<String, List<String>> out = new HashMap<>();
        for (GenericKubernetesResource vm : vms) {
            JsonNode networks = Serialization.jsonMapper().<JsonNode>valueToTree(vm)
                    .path("spec").path("template").path("spec").path("networks");
            for (JsonNode network : networks) {
                if (network.has("multus")) {
                    out.computeIfAbsent(network.path("multus").path("networkName").asString(), k -> new ArrayList<>())
                            .add(vm.getMetadata().getName());
                }
            }
        }
        return out;
    }
}
