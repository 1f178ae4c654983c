package dev.labforge.nodeagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labforge.MovableClock;
import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.simulated.SimulatedCluster;
import dev.labforge.cluster.simulated.SimulatorSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The node agent's sweep on real Linux bridges, in a network namespace of the test's own (the tests run as root): the
 * agent's {@code ip} commands run through {@code ip netns exec}, and its NADs are on the fabric8 mock API server. Only
 * LabForge-named bridges that no NAD refers to and that have no ports go, and only after the grace period; everything
 * else in the namespace stays as it was.
 */
class NodeAgentNetnsTest {

    private static final Duration GRACE = Duration.ofMinutes(5);
    private static final Duration COMMAND_WAIT = Duration.ofSeconds(10);

    private final String namespace = "lfb-test-" + UUID.randomUUID().toString().substring(0, 8);
    private IpLinks links;

    @BeforeEach
    void createNamespace() {
        String refused = run("ip", "netns", "add", namespace);
        assumeTrue(refused == null, "network namespaces are not permitted here (ip netns add: " + refused
                + "): the node agent's bridge tests need root and CAP_SYS_ADMIN");
        links = new IpLinks(List.of("ip", "netns", "exec", namespace), COMMAND_WAIT);
    }

    @AfterEach
    void deleteNamespace() {
        run("ip", "netns", "delete", namespace); // its bridges and veths go with it
    }

    @Test
    void removesExactlyTheOrphanedLabForgeBridgesAfterTheGracePeriod() {
        // lfb1a and lfb1b: links of a running lab (NADs); lfb2: a destroyed lab's link; lfb3: NAD gone, but a pod's
        // veth still attached; cni0, br-trunk, lfbX1 (not LabForge's spelling) and docker0: not LabForge's
        for (String bridge : List.of("lfb1a", "lfb1b", "lfb2", "lfb3", "cni0", "br-trunk", "lfbX1", "docker0")) {
            inNamespace("ip", "link", "add", bridge, "type", "bridge");
        }
        inNamespace("ip", "link", "add", "veth-pod", "type", "veth", "peer", "name", "veth-host");
        inNamespace("ip", "link", "set", "veth-host", "master", "lfb3");
        // a LabForge-looking name on a link that is no bridge: not the agent's either
        inNamespace("ip", "link", "add", "lfbv1", "type", "veth", "peer", "name", "lfbv2");

        try (SimulatedCluster cluster = SimulatedCluster.start(SimulatorSettings.immediate())) {
            nad(cluster, "lab-one", "r1-r2", "lfb1a", true);
            nad(cluster, "lab-one", "r2-r3", "lfb1b", true);
            // another tool's NAD naming a LabForge-looking bridge: kept all the same
            nad(cluster, "elsewhere", "net", "lfb9", false);
            inNamespace("ip", "link", "add", "lfb9", "type", "bridge");

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
            assertThat(inNamespace("ip", "-o", "link", "show", "veth-host")).contains("master lfb3");
            assertThatThrownBy(() -> links.delete("lfbv1")).hasMessageContaining("not a bridge");
            assertThatThrownBy(() -> links.delete("lfb3")).hasMessageContaining("has ports");
            assertThat(inNamespace("ip", "-o", "link", "show", "lfbv1")).contains("lfbv1");

            // the lab is destroyed: its NADs go, and its bridges follow after the grace period
            cluster.client().genericKubernetesResources(Multus.NAD).inNamespace("lab-one").delete();
            assertThat(agent.sweep()).isEmpty();
            clock.advance(GRACE);
            assertThat(agent.sweep()).containsExactlyInAnyOrder("lfb1a", "lfb1b");
            assertThat(bridges()).containsExactlyInAnyOrder("lfb3", "cni0", "br-trunk", "lfbX1", "docker0", "lfb9");
        }
    }

    private List<String> bridges() {
        return links.bridges().stream().map(HostBridge::name).toList();
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

    private String inNamespace(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(List.of(command));
        String[] args = full.toArray(String[]::new);
        ProcessResult result = exec(args);
        assertThat(result.exit()).as(String.join(" ", args) + ": " + result.output()).isZero();
        return result.output();
    }

    /** Runs the command; null when it succeeded, else what it said. */
    private static String run(String... command) {
        ProcessResult result = exec(command);
        return result.exit() == 0 ? null : result.output().strip();
    }

    private record ProcessResult(int exit, String output) {
    }

    private static ProcessResult exec(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new ProcessResult(-1, "timed out");
            }
            return new ProcessResult(process.exitValue(), output);
        } catch (IOException e) {
            return new ProcessResult(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProcessResult(-1, e.toString());
        }
    }
}
