package dev.labforge.cluster.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated cluster's Nodes and its scheduler: VMIs go on nodes their nodeSelector matches and whose
 * allocatable CPU and memory still hold their requests; when none has room the VMI stays Scheduling with
 * PodScheduled False (Unschedulable) and its VM shows ErrorUnschedulable, as on KubeVirt, until room is freed.
 */
class SimulatedNodesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Routers of {@link Vms} ask for 2 cores and 2Gi: node-a holds two, node-b one. */
    private static final List<SimulatedNode> NODES = List.of(
            new SimulatedNode("node-a", Map.of("labforge.dev/pool", "a"), "4", "16Gi"),
            new SimulatedNode("node-b", Map.of("labforge.dev/pool", "b"), "4000m", "3Gi"));
    private static final AtomicInteger TESTS = new AtomicInteger();

    private static SimulatedCluster cluster;
    private static KubernetesClient client;
    private String ns;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.start(SimulatorSettings.immediate().withNodes(NODES));
        client = cluster.client();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @BeforeEach
    void namespacePerTest() {
        ns = "nodes-" + TESTS.incrementAndGet();
    }

    @Test
    void theClusterHasTheConfiguredNodesWithTheirAllocatable() {
        List<Node> nodes = client.nodes().list().getItems();
        assertThat(nodes).extracting(n -> n.getMetadata().getName()).containsExactlyInAnyOrder("node-a", "node-b");
        Node a = client.nodes().withName("node-a").get();
        assertThat(a.getMetadata().getLabels()).containsEntry("labforge.dev/pool", "a")
                .containsEntry("kubernetes.io/hostname", "node-a");
        assertThat(a.getStatus().getAllocatable().get("cpu").toString()).isEqualTo("4");
        assertThat(a.getStatus().getAllocatable().get("memory").toString()).isEqualTo("16Gi");
    }

    @Test
    void vmisGoWhereTheirSelectorMatchesUntilNoneHasRoomThenErrorUnschedulableUntilRoomIsFreed() {
        create("r1", Map.of("labforge.dev/pool", "a"));
        create("r2", Map.of("labforge.dev/pool", "a"));
        Eventually.await("r1 and r2 running", WAIT, () -> printable("r1") + "/" + printable("r2"),
                v -> v.equals("Running/Running"));
        assertThat(nodeOf("r1")).isEqualTo("node-a");
        assertThat(nodeOf("r2")).isEqualTo("node-a");

        create("r3", Map.of("labforge.dev/pool", "a"));
        Eventually.await("r3 unschedulable", WAIT, () -> printable("r3"), "ErrorUnschedulable"::equals);
        GenericKubernetesResource vmi = Vms.vmis(client, ns).withName("r3").get();
        assertThat((String) vmi.get("status", "phase")).isEqualTo("Scheduling");
        assertThat(condition(vmi, "PodScheduled")).containsEntry("status", "False")
                .containsEntry("reason", "Unschedulable")
                .containsEntry("message", "0/2 nodes are available: 1 Insufficient cpu,"
                        + " 1 node(s) didn't match Pod's node affinity/selector.");
        GenericKubernetesResource vm = Vms.vms(client, ns).withName("r3").get();
        assertThat(condition(vm, "PodScheduled")).as("copied to the VM, as KubeVirt does")
                .containsEntry("reason", "Unschedulable");

        Vms.runStrategy(client, ns, "r1", "Halted"); // its VMI goes, and with it its room
        Eventually.await("r3 running once r1 made room", WAIT, () -> printable("r3"), "Running"::equals);
        assertThat(nodeOf("r3")).isEqualTo("node-a");
    }

    @Test
    void memoryCountsTooAndASelectorNoNodeMatchesIsUnschedulable() {
        create("b1", Map.of("labforge.dev/pool", "b"));
        Eventually.await("b1 running", WAIT, () -> printable("b1"), "Running"::equals);
        assertThat(nodeOf("b1")).isEqualTo("node-b");
        create("b2", Map.of("labforge.dev/pool", "b"));
        Eventually.await("b2 unschedulable", WAIT, () -> printable("b2"), "ErrorUnschedulable"::equals);
        assertThat(condition(Vms.vmis(client, ns).withName("b2").get(), "PodScheduled")).containsEntry("message",
                "0/2 nodes are available: 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector.");

        create("z1", Map.of("labforge.dev/pool", "nowhere"));
        Eventually.await("z1 unschedulable", WAIT, () -> printable("z1"), "ErrorUnschedulable"::equals);
        assertThat(condition(Vms.vmis(client, ns).withName("z1").get(), "PodScheduled")).containsEntry("message",
                "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.");
        Vms.vms(client, ns).withName("b1").delete();
        Vms.vms(client, ns).withName("b2").delete();
        Vms.vms(client, ns).withName("z1").delete();
    }

    @Test
    void theDefaultClusterHasOneBigNode() {
        assertThat(SimulatorSettings.defaults().nodes()).containsExactly(SimulatedNode.DEFAULT);
        assertThat(SimulatedNode.DEFAULT.render().getStatus().getAllocatable().get("cpu").toString()).isEqualTo("4096");
    }

    private void create(String name, Map<String, String> selector) {
        GenericKubernetesResource vm = Vms.router(ns, name, "Always");
        Map<String, Object> spec = vm.get("spec", "template", "spec");
        Map<String, Object> withSelector = new LinkedHashMap<>(spec);
        withSelector.put("nodeSelector", selector);
        Map<String, Object> template = vm.get("spec", "template");
        template.put("spec", withSelector);
        Vms.vms(client, ns).resource(vm).create();
    }

    private String printable(String name) {
        GenericKubernetesResource vm = Vms.vms(client, ns).withName(name).get();
        Object printable = vm == null ? null : vm.get("status", "printableStatus");
        return printable == null ? "" : printable.toString();
    }

    private String nodeOf(String name) {
        return Vms.vmis(client, ns).withName(name).get().get("status", "nodeName");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> condition(GenericKubernetesResource resource, String type) {
        List<Map<String, Object>> conditions = resource.get("status", "conditions");
        return conditions == null ? null : conditions.stream().filter(c -> type.equals(c.get("type"))).findFirst()
                .orElse(null);
    }
}
