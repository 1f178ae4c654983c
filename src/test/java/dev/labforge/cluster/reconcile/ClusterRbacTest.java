package dev.labforge.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient.Response;
import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.Await;
import dev.labforge.cluster.ClusterConnection;
import dev.labforge.cluster.CrdCheck;
import dev.labforge.cluster.LifecycleApiTest;
import dev.labforge.cluster.simulated.ApiRequest;
import dev.labforge.cluster.simulated.SimulatedCluster;
import dev.labforge.cluster.simulated.SimulatorSettings;
import dev.labforge.deploy.HelmChart;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The chart's ClusterRole (helm/labforge/templates/clusterrole.yaml) against what LabForge really calls: every request
 * its client sends to the simulated API while a lab is created, started, edited while running, stopped in part and
 * destroyed, plus the start-up CRD check and the informers' list and watch, each turned into the RBAC verb, group and
 * resource the API server would check. The role must allow each of them and grant nothing none of them needs. The
 * console subresources, which the simulated cluster does not serve, are checked the same way by ConsoleRbacTest.
 */
public class ClusterRbacTest extends IntegrationTest {

    /** What the API server checks for one request. */
    public record Call(String group, String resource, String verb, String name) implements Comparable<Call> {

        static Call of(ApiRequest request) {
            String[] parts = request.resourcePath().substring(1).split("/");
            boolean core = parts[0].equals("api");
            String group = core ? "" : parts[1];
            List<String> rest = List.of(parts).subList(core ? 2 : 3, parts.length);
            if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
                rest = rest.subList(2, rest.size()); // namespaced: namespaces/<ns>/<resource>/<name>/<subresource>
            }
            String resource = rest.get(0) + (rest.size() > 2 ? "/" + String.join("/", rest.subList(2, rest.size())) : "");
            String name = rest.size() > 1 ? rest.get(1) : null;
            String verb = switch (request.method()) {
                case "GET" -> name != null ? "get" : request.isWatch() ? "watch" : "list";
                case "POST" -> "create";
                case "PUT" -> "update";
                case "PATCH" -> "patch";
                case "DELETE" -> name != null ? "delete" : "deletecollection";
                default -> throw new AssertionError("unexpected method " + request);
            };
            return new Call(group, resource, verb, name);
        }

        public boolean allowedBy(PolicyRule rule) {
            return rule.getApiGroups().contains(group) && rule.getResources().contains(resource)
                    && rule.getVerbs().contains(verb)
                    && (rule.getResourceNames().isEmpty() || rule.getResourceNames().contains(name));
        }

        /** Without the object name: the grant it needs. */
        String grant() {
            return (group.isEmpty() ? "core" : group) + " " + resource + " " + verb;
        }

        @Override
        public int compareTo(Call other) {
            return toString().compareTo(other.toString());
        }
    }

    private static final String CONSOLES = "subresources.kubevirt.io";

    @Autowired
    ClusterConnection cluster;

    @Test
    void theChartsRoleGrantsExactlyWhatLabForgeCalls() {
        ClusterRole role = HelmChart.render(Map.of()).one(ClusterRole.class);
        Set<Call> calls = ConcurrentHashMap.newKeySet();
        java.util.function.Consumer<ApiRequest> record = request -> {
            if (!SimulatedCluster.SIMULATOR_AGENT.equals(request.agent())) {
                calls.add(Call.of(request));
            }
        };
        // what a real cluster's start-up does (the simulated one skips the check), and the informers' list and watch,
        // which the service did before this test could observe them: on a quiet cluster of the test's own, since the
        // mock API server blocks its one event loop (up to a minute) closing a watch that has events to send, which
        // on the service's busy cluster would stall every other request
        SimulatedCluster own = SimulatedCluster.start(SimulatorSettings.immediate());
        try (var observation = own.requests().observe(record)) {
            CrdCheck.requireKubeVirtAndMultus(own.client());
            try (ClusterCache cache = new ClusterCache(own.client(), Duration.ofMinutes(5).toMillis(), lab -> { },
                    lab -> { }, (kind, object) -> { })) {
                cache.start();
                var nodes = new dev.labforge.cluster.NodeInventory(new ClusterConnection("simulated", own.url(),
                        own.client(), own), event -> { });
                nodes.start();
                // the watch follows the list: wait for all five kinds' and the Nodes' before closing
                Await.until("the informers watching", Duration.ofSeconds(20),
                        () -> calls.stream().filter(call -> call.verb().equals("watch")).count() >= 6,
                        calls::toString);
                nodes.stop();
            }
        } finally {
            closeQuietCluster(own);
        }
        try (var observation = cluster.simulated().requests().observe(record)) {
            runALabThroughEverything();
        }

        List<Call> denied = calls.stream().filter(call -> role.getRules().stream().noneMatch(call::allowedBy))
                .sorted().toList();
        assertThat(denied).as("calls the chart's ClusterRole does not allow").isEmpty();

        Set<String> needed = calls.stream().map(Call::grant).collect(Collectors.toCollection(TreeSet::new));
        // the console subresources are dialled only on a real cluster: ConsoleRbacTest checks those grants
        Set<String> granted = role.getRules().stream().flatMap(ClusterRbacTest::grants)
                .filter(grant -> !grant.startsWith(CONSOLES + " "))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(granted).as("grants no call needed").isSubsetOf(needed);
    }

    /** Every path that writes: create, start, edit while running (config, MTU), stop one node, destroy. */
    private void runALabThroughEverything() {
        Catalog.ensure(api());
        ApiClient user = api().newUser();
        String id = LifecycleApiTest.runningLab(user, "rbac").toString();
        String edited = LifecycleApiTest.lab("rbac", "", "").replace("hostname r1", "hostname core1")
                .replace("\"mtu\":9000", "\"mtu\":8000");
        Response put = user.put("/api/v1/labs/" + id, edited);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        await(user, id, "r1 restarted", status -> status.get("state").asString().equals("RUNNING")
                && user.get("/api/v1/labs/" + id + "/events").body().contains("NodeRestarted"));
        assertThat(user.post("/api/v1/labs/" + id + "/nodes/r2/stop", "").status()).isEqualTo(202);
        await(user, id, "r2 STOPPED", status -> status.get("nodes").get(1).get("state").asString().equals("STOPPED"));
        assertThat(user.post("/api/v1/labs/" + id + "/destroy", "").status()).isEqualTo(202);
        await(user, id, "the lab torn down", status -> status.get("state").asString().equals("DEFINED"));
    }

    private static void await(ApiClient user, String id, String what, Predicate<JsonNode> condition) {
        Await.until(what, Duration.ofSeconds(30), () -> condition.test(user.get("/api/v1/labs/" + id).json()
                .get("status")), () -> user.get("/api/v1/labs/" + id).body());
    }

    private static Stream<String> grants(PolicyRule rule) {
        return rule.getApiGroups().stream().flatMap(group -> rule.getResources().stream().flatMap(resource ->
                rule.getVerbs().stream().map(verb -> (group.isEmpty() ? "core" : group) + " " + resource + " " + verb)));
    }

    /**
     * Closes the test's own cluster once its calls are recorded. The mock API server can block its event loop closing
     * a watch (see above) past its own 10 s shutdown limit and then throws; that says nothing about LabForge's calls,
     * which were recorded before, so this one failure is let pass (seen once in three clean CI runs).
     */
    private static void closeQuietCluster(SimulatedCluster own) {
        try {
            own.close();
        } catch (IllegalStateException e) {
            if (!String.valueOf(e.getMessage()).contains("Unable to close MockWebServer")) {
                throw e;
            }
        }
    }
}
