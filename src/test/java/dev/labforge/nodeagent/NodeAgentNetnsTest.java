package dev.labforge.nodeagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.MovableClock;
import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.simulated.SimulatedCluster;
import dev.labforge.cluster.simulated.SimulatorSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The node agent's sweep on real Linux bridges, in a network namespace of the test's own (the tests run as root): the
 * agent's netlink socket is opened on a thread inside that namespace, and its NADs are on the fabric8 mock API server.
 * Only LabForge-named bridges that no NAD refers to and that have no ports go, and only after the grace period;
 * everything else in the namespace stays as it was. The test sets the namespace up and looks at it with {@code ip};
 * the agent itself runs nothing ({@link NodeAgentProcessTest}).
 */
class NodeAgentNetnsTest {

    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NetworkNamespace namespace;
    private NetlinkLinks links;

    @BeforeEach
    void createNamespace() {
        namespace = NetworkNamespace.create();
        links = namespace.call(NetlinkLinks::open);
    }

    @AfterEach
    void deleteNamespace() {
        if (links != null) {
            links.close();
        }
        if (namespace != null) {
            namespace.close();
        }
    }

    @Test
    void removesExactlyTheOrphanedLabForgeBridgesAfterTheGracePeriod() {
        // lfb1a and lfb1b: links of a running lab (NADs); lfb2: a destroyed lab's link; lfb3: NAD gone, but a pod's
        // veth still attached; cni0, br-trunk, lfbX1 (not LabForge's spelling) and docker0: not LabForge's
        for (String bridge : List.of("lfb1a", "lfb1b", "lfb2", "lfb3", "cni0", "br-trunk", "lfbX1", "docker0")) {
            namespace.ip("link", "add", bridge, "type", "bridge");
        }
        namespace.ip("link", "add", "veth-pod", "type", "veth", "peer", "name", "veth-host");
        namespace.ip("link", "set", "veth-host", "master", "lfb3");
        // a LabForge-looking name on a link that is no bridge: not the agent's either
        namespace.ip("link", "add", "lfbv1", "type", "veth", "peer", "name", "lfbv2");
        // two ports on a foreign bridge: netlink counts each link whose master it is
        namespace.ip("link", "add", "veth-a", "type", "veth", "peer", "name", "veth-b");
        namespace.ip("link", "set", "veth-a", "master", "cni0");
        namespace.ip("link", "set", "veth-b", "master", "cni0");
        assertThat(links.bridges()).as("this namespace's bridges, not the host's").contains(
                new HostBridge("cni0", 2), new HostBridge("lfb3", 1), new HostBridge("lfb2", 0)).hasSize(8);

        try (SimulatedCluster cluster = SimulatedCluster.start(SimulatorSettings.immediate())) {
            nad(cluster, "lab-one", "r1-r2", "lfb1a", true);
            nad(cluster, "lab-one", "r2-r3", "lfb1b", true);
            // another tool's NAD naming a LabForge-looking bridge: kept all the same
            nad(cluster, "elsewhere", "net", "lfb9", false);
            namespace.ip("link", "add", "lfb9", "type", "bridge");

            MovableClock clock = new MovableClock();
            clock.set(Instant.parse("2026-12-06T00:00:00Z"));
            NodeAgent dryRun = new NodeAgent(cluster.client(), links, new BridgeSweep(GRACE, clock), true);
            NodeAgent agent = new NodeAgent(cluster.client(), links, new BridgeSweep(GRACE, clock), false);

            assertThat(agent.sweep()).as("within the grace period").isEmpty();
            assertThat(dryRun.sweep()).isEmpty();
            clock.advance(GRACE);
            assertThat(dryRun.sweep()).as("a dry run names the orphan").containsExactly("lfb2");
            assertThat(bridges()).as("and removes nothing").contains("lfb2");

            assertThat(agent.sweep()).containsExactly("lfb2");
            assertThat(bridges()).containsExactlyInAnyOrder("lfb1a", "lfb1b", "lfb3", "cni0", "br-trunk", "lfbX1",
                    "docker0", "lfb9");
            assertThat(namespace.ip("-o", "link", "show", "veth-host")).contains("master lfb3");
            assertThatThrownBy(() -> links.delete("lfbv1")).hasMessageContaining("not a bridge");
            assertThatThrownBy(() -> links.delete("lfb3")).hasMessageContaining("has ports");
            assertThatThrownBy(() -> links.delete("lfb2")).hasMessageContaining("gone");
            assertThat(namespace.ip("-o", "link", "show", "lfbv1")).contains("lfbv1");

            // the lab is destroyed: its NADs go, and its bridges follow after the grace period
            cluster.client().genericKubernetesResources(Multus.NAD).inNamespace("lab-one").delete();
            assertThat(agent.sweep()).isEmpty();
            clock.advance(GRACE);
            assertThat(agent.sweep()).containsExactlyInAnyOrder("lfb1a", "lfb1b");
            assertThat(bridges()).containsExactlyInAnyOrder("lfb3", "cni0", "br-trunk", "lfbX1", "docker0", "lfb9");
        }
    }

    /** The namespace's bridges as iproute2 lists them: not the agent's own view of its work. */
    private List<String> bridges() {
        return JSON.readTree(namespace.ip("-j", "link", "show", "type", "bridge")).valueStream()
                .map(link -> link.get("ifname").asString()).toList();
    }

    private static void nad(SimulatedCluster cluster, String namespace, String name, String bridge,
                            boolean labforge) {
        if (cluster.client().namespaces().withName(namespace).get() == null) {
            cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                    .endMetadata().build()).create();
        }
        GenericKubernetesResource nad = new GenericKubernetesResourceBuilder().withApiVersion(Multus.API_VERSION)
                .withKind("NetworkAttachmentDefinition").withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(labforge ? Map.of(ClusterLabels.MANAGED_BY, ClusterLabels.LABFORGE) : Map.of())
                .endMetadata().build();
        nad.setAdditionalProperty("spec", Map.of("config", """
                {"cniVersion":"0.3.1","name":"%s","type":"bridge","bridge":"%s","mtu":1500,"ipam":{}}"""
                .formatted(name, bridge)));
        cluster.client().genericKubernetesResources(Multus.NAD).inNamespace(namespace).resource(nad).create();
    }
}
