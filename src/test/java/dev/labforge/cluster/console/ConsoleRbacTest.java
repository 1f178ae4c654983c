package dev.labforge.cluster.console;

import static dev.labforge.cluster.console.FakeSockets.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.ClusterConnection;
import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.deploy.HelmChart;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The chart's ClusterRole against what the console code really calls on a real cluster (the simulated one serves no
 * console subresource, so ClusterRbacTest cannot see these calls): both kinds of console are opened through
 * {@link ConsoleUpstreams} against the in-test virt-api, each request turned into the RBAC group, resource and verb
 * the API server checks, and the role's grants on {@code subresources.kubevirt.io} must be exactly those.
 */
class ConsoleRbacTest {

    private static final String GROUP = "subresources.kubevirt.io";

    @Test
    void theChartGrantsExactlyTheConsoleSubresourcesLabForgeDials() throws Exception {
        UUID lab = UUID.randomUUID();
        Set<String> calls = new TreeSet<>();
        try (KubeVirtSubresourceServer server = new KubeVirtSubresourceServer("sa");
             KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                     .withMasterUrl(server.url()).withOauthToken("sa").build()).build()) {
            server.run(ClusterLabels.namespaceOf(lab), "r1");
            ConsoleUpstreams upstreams = new ConsoleUpstreams(new ClusterConnection("kubeconfig", server.url(), client,
                    null), null, properties());
            for (ConsoleKind kind : ConsoleKind.values()) {
                ConsoleUpstreams.Upstream upstream = upstreams.open(new ConsoleTarget(lab, "r1", kind), bytes -> { },
                        why -> { });
                int opened = kind.ordinal() + 1;
                await("the " + kind + " upgrade", Duration.ofSeconds(20), () -> server.sockets().size() == opened,
                        server::requests);
                upstream.close();
            }
            for (KubeVirtSubresourceServer.Request request : server.requests()) {
                assertThat(request.status()).as(request.toString()).isEqualTo(101);
                calls.add(grant(request));
            }
        }
        assertThat(calls).containsExactly(GROUP + " virtualmachineinstances/console get",
                GROUP + " virtualmachineinstances/vnc get");

        Set<String> granted = grants(HelmChart.render(Map.of()).one(ClusterRole.class).getRules());
        assertThat(granted).as("the chart's grants on " + GROUP + " by default").isEqualTo(calls);
        assertThat(grants(HelmChart.render(Map.of("rbac.consoles", false)).one(ClusterRole.class).getRules()))
                .as("rbac.consoles=false leaves them out").isEmpty();
    }

    /** What the API server checks for one request to an aggregated subresource: group, resource/subresource, verb. */
    private static String grant(KubeVirtSubresourceServer.Request request) {
        // /apis/<group>/<version>/namespaces/<ns>/<resource>/<name>/<subresource>
        String[] parts = request.path().substring(1).split("/");
        String verb = switch (request.method()) {
            case "GET" -> "get";
            default -> throw new AssertionError("unexpected " + request);
        };
        return parts[1] + " " + parts[5] + "/" + parts[7] + " " + verb;
    }

    private static Set<String> grants(List<PolicyRule> rules) {
        return rules.stream().filter(rule -> rule.getApiGroups().contains(GROUP))
                .flatMap(rule -> rule.getResources().stream()
                        .flatMap(resource -> rule.getVerbs().stream().map(verb -> GROUP + " " + resource + " " + verb)))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static ConsoleProperties properties() {
        return new ConsoleProperties(Duration.ofSeconds(30), DataSize.ofKilobytes(16), DataSize.ofKilobytes(256),
                DataSize.ofKilobytes(64), 16, Duration.ofMinutes(30), DataSize.ofKilobytes(64), Duration.ofSeconds(10),
                Duration.ofSeconds(2), 8, DataSize.ofMegabytes(1), Duration.ofDays(30), Duration.ofSeconds(1));
    }
}
