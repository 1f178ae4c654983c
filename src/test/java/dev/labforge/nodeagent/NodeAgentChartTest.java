package dev.labforge.nodeagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.MovableClock;
import dev.labforge.cluster.simulated.ApiRequest;
import dev.labforge.cluster.simulated.SimulatedCluster;
import dev.labforge.cluster.simulated.SimulatorSettings;
import dev.labforge.deploy.HelmChart;
import dev.labforge.deploy.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The chart's optional node agent: off by default; on, a DaemonSet of the service's image with NET_ADMIN only and a
 * role of its own. {@link NodeAgentProcessTest} runs the command it renders.
 */
class NodeAgentChartTest {

    private static final Map<String, Object> ENABLED = Map.of("nodeAgent.enabled", true);

    @Test
    void isOffByDefault() {
        Manifests rendered = HelmChart.render(Map.of());
        assertThat(rendered.all(DaemonSet.class)).isEmpty();
        assertThat(rendered.all(ClusterRole.class)).hasSize(1);
    }

    @Test
    void runsTheAgentsMainClassOnTheHostNetworkWithNetAdminOnly() throws ReflectiveOperationException {
        Manifests rendered = HelmChart.render(Map.of("nodeAgent.enabled", true, "nodeAgent.dryRun", true,
                "nodeAgent.grace", "10m", "nodeAgent.nodeSelector.labforge\\.dev/vms", "yes"));
        DaemonSet agent = rendered.one(DaemonSet.class);
        PodSpec pod = agent.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().getFirst();

        assertThat(pod.getHostNetwork()).isTrue();
        assertThat(pod.getDnsPolicy()).isEqualTo("ClusterFirstWithHostNet");
        assertThat(pod.getNodeSelector()).containsEntry("labforge.dev/vms", "yes");
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getSecurityContext().getCapabilities().getAdd()).containsExactly("NET_ADMIN");
        assertThat(container.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getVolumes()).allSatisfy(volume -> assertThat(volume.getHostPath()).isNull());

        // the service's image, another main class, which exists, with native access for its netlink calls
        Deployment service = rendered.one(Deployment.class);
        assertThat(container.getImage()).isEqualTo(service.getSpec().getTemplate().getSpec().getContainers()
                .getFirst().getImage());
        assertThat(container.getCommand()).startsWith("java").contains("--enable-native-access=ALL-UNNAMED")
                .containsSequence("-cp", "@/app/jib-classpath-file", NodeAgent.class.getName()).endsWith(
                        NodeAgent.class.getName());
        assertThat(container.getArgs()).isEmpty();
        Class.forName(container.getCommand().getLast()).getMethod("main", String[].class);
        assertThat(container.getEnv()).extracting(EnvVar::getName, EnvVar::getValue).contains(
                org.assertj.core.groups.Tuple.tuple("LABFORGE_AGENT_DRY_RUN", "true"),
                org.assertj.core.groups.Tuple.tuple("LABFORGE_AGENT_GRACE", "10m"));

        // its pods are never the service's: neither its Service nor its Deployment selects them
        Map<String, String> labels = agent.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(labels.entrySet().containsAll(rendered.one(Service.class).getSpec().getSelector().entrySet()))
                .as("the Service selects the agent's pods").isFalse();
        assertThat(labels.entrySet().containsAll(service.getSpec().getSelector().getMatchLabels().entrySet()))
                .as("the Deployment selects the agent's pods").isFalse();

        // its own account and role
        ServiceAccount account = rendered.named(ServiceAccount.class, pod.getServiceAccountName()).orElseThrow();
        ClusterRoleBinding binding = rendered.all(ClusterRoleBinding.class).stream()
                .filter(b -> b.getSubjects().getFirst().getName().equals(account.getMetadata().getName()))
                .findFirst().orElseThrow();
        assertThat(binding.getRoleRef().getName()).isNotEqualTo(rendered.all(ClusterRoleBinding.class).stream()
                .filter(b -> b != binding).findFirst().orElseThrow().getRoleRef().getName());
    }

    /** What the API server checks for each request a sweep sends, against the agent's role: exactly those. */
    @Test
    void theAgentsRoleGrantsExactlyWhatASweepCalls() {
        ClusterRole role = agentRole(HelmChart.render(ENABLED));
        Set<String> calls = ConcurrentHashMap.newKeySet();
        try (SimulatedCluster cluster = SimulatedCluster.start(SimulatorSettings.immediate());
             var observing = cluster.requests().observe(request -> {
                 if (!SimulatedCluster.SIMULATOR_AGENT.equals(request.agent())) {
                     calls.add(grant(request));
                 }
             })) {
            HostLinks noBridges = new HostLinks() {
                @Override
                public List<HostBridge> bridges() {
                    return List.of(new HostBridge("lfb1", 0));
                }

                @Override
                public void delete(String bridge) {
                }
            };
            NodeAgent agent = new NodeAgent(cluster.client(), noBridges,
                    new BridgeSweep(Duration.ZERO, new MovableClock()), false);
            assertThat(agent.sweep()).containsExactly("lfb1");
        }
        Set<String> granted = role.getRules().stream().flatMap(NodeAgentChartTest::grants)
                .collect(Collectors.toSet());
        assertThat(granted).isEqualTo(calls).containsExactly("k8s.cni.cncf.io network-attachment-definitions list");
    }

    /** One image for both: the agent needs no tool the service's image lacks (it runs no command). */
    @Test
    void theAgentRunsTheServicesImage() {
        Manifests rendered = HelmChart.render(Map.of("nodeAgent.enabled", true, "image.repository",
                "registry.example.org/labforge", "image.tag", "v7"));
        assertThat(rendered.one(DaemonSet.class).getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getImage()).isEqualTo("registry.example.org/labforge:v7");
        assertThat(rendered.one(Deployment.class).getSpec().getTemplate().getSpec().getContainers().getFirst()
                .getImage()).isEqualTo("registry.example.org/labforge:v7");
        // the image of its own an earlier chart asked for is gone: a value still naming one fails at install
        assertThatThrownBy(() -> HelmChart.render(Map.of("nodeAgent.enabled", true, "nodeAgent.image.repository",
                "registry.example.org/labforge-node-agent"))).hasMessageContaining("image");
    }

    @Test
    void aWrongValueFailsAtInstall() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("nodeAgent.enabled", true, "nodeAgent.grace", "soon")))
                .hasMessageContaining("grace");
        assertThatThrownBy(() -> HelmChart.render(Map.of("nodeAgent.enbled", true)))
                .hasMessageContaining("enbled");
    }

    private static ClusterRole agentRole(Manifests rendered) {
        return rendered.all(ClusterRole.class).stream().filter(role -> role.getMetadata().getName()
                .endsWith("-node-agent")).findFirst().orElseThrow();
    }

    /** The RBAC grant a request needs: group, resource and verb (the agent reads only, and only collections). */
    private static String grant(ApiRequest request) {
        String[] parts = request.resourcePath().substring(1).split("/");
        assertThat(request.method()).as(request.toString()).isEqualTo("GET");
        boolean core = parts[0].equals("api");
        String group = core ? "core" : parts[1];
        List<String> rest = List.of(parts).subList(core ? 2 : 3, parts.length);
        if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
            rest = rest.subList(2, rest.size());
        }
        String verb = rest.size() > 1 ? "get" : request.isWatch() ? "watch" : "list";
        return group + " " + rest.get(0) + " " + verb;
    }

    private static java.util.stream.Stream<String> grants(PolicyRule rule) {
        return rule.getApiGroups().stream().flatMap(group -> rule.getResources().stream().flatMap(resource ->
                rule.getVerbs().stream().map(verb -> (group.isEmpty() ? "core" : group) + " " + resource + " "
                        + verb)));
    }
}
