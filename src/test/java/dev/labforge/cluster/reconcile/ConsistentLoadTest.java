package dev.labforge.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.Await;
import dev.labforge.cluster.ClusterConnection;
import dev.labforge.cluster.LifecycleApiTest;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A pass loads a lab by two reads, its definition and its runtime rows. An edit of a running lab writes both (the new
 * definition, a running row for each added node) in one transaction; a load that saw one side of that commit and not
 * the other planned an added node stopped for one pass and patched it to running on the next, a seventh write for the
 * edit's six (seen once in LifecycleApiTest). Here the edit commits exactly between the two reads of a pass.
 */
class ConsistentLoadTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ClusterRuntime runtime;
    @Autowired
    ClusterConnection cluster;

    @Test
    void anEditCommittedBetweenTheLoadsTwoReadsCostsOnlyTheEditsWrites() throws Exception {
        Catalog.ensure(api());
        ApiClient user = api().newUser();
        UUID lab = LifecycleApiTest.runningLab(user, "load-race");
        String edit = LifecycleApiTest.lab("load-race", ",{\"name\":\"r4\",\"image\":\"frr\"}",
                ",{\"endpoints\":[\"r4:eth1\",\"r3:eth3\"]}");
        AtomicBoolean armed = new AtomicBoolean(true);
        CompletableFuture<ApiClient.Response> edited = new CompletableFuture<>();
        try (LabActivity activity = LabActivity.of(runtime, cluster, lab);
             ClusterRuntime.Watching hook = runtime.watch(new ClusterRuntime.LabWatcher() {
                 @Override
                 public void betweenLoadReads(UUID passed) {
                     if (passed.equals(lab) && armed.compareAndSet(true, false)) {
                         // on the pass's thread, so the edit has committed before the pass's second read
                         try {
                             edited.complete(user.put("/api/v1/labs/" + lab, edit));
                         } catch (RuntimeException | Error e) {
                             edited.completeExceptionally(e);
                         }
                     }
                 }
             })) {
            runtime.wake(lab);
            ApiClient.Response response = edited.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(response.status()).as(response.body()).isEqualTo(200);

            Await.until("the edited lab RUNNING with 4 nodes and r3 restarted", WAIT, Duration.ofMillis(50),
                    () -> {
                        var status = user.get("/api/v1/labs/" + lab).json().get("status");
                        return status.get("state").asString().equals("RUNNING") && status.get("ready").asInt() == 4
                                && restarted(user, lab);
                    }, () -> user.get("/api/v1/labs/" + lab).body());
            // four nodes ready: r4 runs, so a patch of its run strategy would have been made by now. r4's VM (created running) and Secret, the new link's NAD, r3's VM and Secret rewritten and its VMI
            // replaced: no patch of r4's run strategy after a pass that planned it stopped
            assertThat(activity.writes()).as(activity.requests().byVerbAndKind().toString()).isEqualTo(6);
        }
    }

    private static boolean restarted(ApiClient user, UUID lab) {
        return user.get("/api/v1/labs/" + lab + "/events").json().get("items").valueStream()
                .anyMatch(e -> e.get("kind").asString().equals("NodeRestarted") && e.get("node").asString().equals("r3"));
    }
}
