package dev.labforge.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.cluster.Await;
import dev.labforge.cluster.ClusterConnection;
import dev.labforge.cluster.QuietServiceTest;
import dev.labforge.cluster.plan.LabPlanner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The classroom storm's stable figures, small enough for every build: a few labs started at once cost exactly one write
 * per object, and then a resync and a restart of the reconciler cost none. The storm itself (bench/storm.sh, 500 labs)
 * takes twelve minutes; a regression of these shows here first.
 */
class ClassroomWritesTest extends QuietServiceTest {

    private static final int LABS = 3;
    private static final Duration DEPLOYED_WITHIN = Duration.ofSeconds(60);

    @Autowired
    ClusterConnection cluster;
    @Autowired
    ClusterRuntime runtime;

    @Test
    void aFewLabsStartedAtOnceCostOneWritePerObjectAndAResyncOrRestartWritesNothing() {
        ApiClient teacher = newUser();
        List<UUID> labs = Classroom.define(teacher, "classroom-" + UUID.randomUUID().toString().substring(0, 8),
                LABS);
        RequestTally labforge = new RequestTally(cluster.client().getConfiguration().getUserAgent()::equals);
        try (var observing = cluster.simulated().requests().observe(labforge)) {
            startAll(teacher, labs);
            Await.until("the classroom RUNNING", DEPLOYED_WITHIN, Duration.ofMillis(50),
                    () -> labs.stream().allMatch(lab -> state(teacher, lab).equals("RUNNING")),
                    () -> labs.stream().map(lab -> state(teacher, lab)).toList().toString());
        }
        Map<String, Long> perLab = Map.of("POST secrets 201", (long) Classroom.ROUTERS,
                "POST virtualmachines 201", (long) Classroom.ROUTERS,
                "POST network-attachment-definitions 201", (long) Classroom.LINKS);
        Map<String, Map<String, Long>> byNamespace = byNamespace(labforge);
        for (UUID lab : labs) {
            assertThat(byNamespace.get(LabPlanner.namespaceOf(lab))).as("writes to lab %s's namespace", lab)
                    .isEqualTo(perLab);
        }
        // a namespace's create names it in its body only; the quiet service started no other lab meanwhile
        assertThat(byNamespace.get("")).as("cluster-scoped writes").isEqualTo(Map.of("POST namespaces 201",
                (long) LABS));

        assertWritesNothing("a full resync", labs, runtime::resyncAll);
        assertWritesNothing("a restart of the reconciler (informers list afresh, the new lease holder resyncs)", labs,
                () -> {
                    runtime.stop();
                    runtime.start();
                });
    }

    /** Runs {@code action}, waits until each lab has had a pass after it, and checks that nothing was written. */
    private void assertWritesNothing(String what, List<UUID> labs, Runnable action) {
        RequestTally labforge = new RequestTally(cluster.client().getConfiguration().getUserAgent()::equals);
        List<LabActivity> activities = new ArrayList<>();
        try (var observing = cluster.simulated().requests().observe(labforge)) {
            labs.forEach(lab -> activities.add(LabActivity.of(runtime, cluster, lab)));
            action.run();
            Await.until("a pass of every lab after " + what, DEPLOYED_WITHIN, Duration.ofMillis(20),
                    () -> activities.stream().allMatch(activity -> activity.passes() >= 1),
                    () -> activities.stream().map(LabActivity::passes).toList() + " passes");
        } finally {
            activities.forEach(LabActivity::close);
        }
        Map<String, Map<String, Long>> byNamespace = byNamespace(labforge);
        for (UUID lab : labs) {
            assertThat(byNamespace.get(LabPlanner.namespaceOf(lab))).as("%s: writes for lab %s", what, lab).isNull();
        }
        assertThat(byNamespace.get("")).as("%s: cluster-scoped writes", what).isNull();
    }

    private static Map<String, Map<String, Long>> byNamespace(RequestTally tally) {
        return tally.writes().stream().collect(Collectors.groupingBy(RequestTally.Write::namespace,
                Collectors.groupingBy(RequestTally.Write::verbAndKind, TreeMap::new, Collectors.counting())));
    }

    private static String state(ApiClient user, UUID lab) {
        return user.get("/api/v1/labs/" + lab).json().get("status").get("state").asString();
    }

    private static void startAll(ApiClient teacher, List<UUID> labs) {
        List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var starters = Executors.newVirtualThreadPerTaskExecutor()) {
            for (UUID lab : labs) {
                starters.submit(() -> {
                    ApiClient.Response started = teacher.post("/api/v1/labs/" + lab + "/start", "");
                    if (started.status() != 202) {
                        refused.add(lab + ": " + started.status() + " " + started.body());
                    }
                });
            }
        }
        assertThat(refused).as("start requests refused").isEmpty();
    }
}
