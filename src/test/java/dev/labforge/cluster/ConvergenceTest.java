package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.status.NodeRuntime;
import dev.labforge.cluster.status.NodeRuntimeRepository;
import dev.labforge.cluster.status.StatusRecorder;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Requests that follow each other faster than the cluster moves: whatever their order and timing, a lab ends as the
 * last request asked, with nothing of it left in the cluster once destroyed or deleted.
 */
class ConvergenceTest extends IntegrationTest {


    @Autowired
    ClusterConnection cluster;
    @Autowired
    StatusRecorder recorder;
    @Autowired
    NodeRuntimeRepository nodes;

    private ApiClient user;
    private LabCluster labs;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
        labs = new LabCluster(user, cluster.client());
    }

    @Test
    void aLabStartedAndDestroyedTwiceInQuickSuccessionEndsDestroyedWithNothingLeft() {
        for (int run = 0; run < 3; run++) {
            UUID id = labs.create("twice-" + run, 6);
            for (String action : new String[] {"start", "destroy", "start", "destroy"}) {
                assertThat(user.post("/api/v1/labs/" + id + "/" + action, "").status()).isEqualTo(202);
                pause(100);
            }
            labs.awaitConverged(id, LabCluster.Expected.destroyed(), LabCluster.CONVERGENCE);
        }
    }

    @Test
    void deletingALabCaughtMidTeardownRemovesItsObjects() {
        UUID id = labs.create("delete-mid", 6);
        for (String action : new String[] {"start", "destroy", "start"}) {
            assertThat(user.post("/api/v1/labs/" + id + "/" + action, "").status()).isEqualTo(202);
            pause(100);
        }
        assertThat(user.delete("/api/v1/labs/" + id).status()).isEqualTo(204);
        labs.awaitConverged(id, LabCluster.Expected.deleted(), LabCluster.CONVERGENCE);
    }

    @Test
    void aDestroyedLabsNodesHaveNoLiveState() {
        UUID id = labs.create("no-live-nodes", 3);
        user.post("/api/v1/labs/" + id + "/start", "");
        labs.awaitConverged(id, LabCluster.Expected.running(3), LabCluster.CONVERGENCE);
        user.post("/api/v1/labs/" + id + "/destroy", "");
        labs.awaitConverged(id, LabCluster.Expected.destroyed(), LabCluster.CONVERGENCE);

        JsonNode status = user.get("/api/v1/labs/" + id).json().get("status");
        assertThat(status.get("state").asString()).isEqualTo("DEFINED");
        assertThat(status.get("nodes").size()).as(status.toString()).isZero();
        // the next start begins from nothing: no node moves from a state it had before the teardown
        user.post("/api/v1/labs/" + id + "/start", "");
        labs.awaitConverged(id, LabCluster.Expected.running(3), LabCluster.CONVERGENCE);
        assertThat(user.get("/api/v1/labs/" + id + "/events").json().get("items").valueStream()
                .filter(e -> e.get("kind").asString().equals("NodeStateChanged"))
                .map(e -> e.get("message").asString()))
                .noneMatch(message -> message.startsWith("READY -> STARTING"));
    }

    @Test
    void aTeardownRecordedAfterAStartOvertookItLeavesTheStartAlone() {
        UUID id = labs.create("overtaken-teardown", 2);
        user.post("/api/v1/labs/" + id + "/start", "");
        labs.awaitConverged(id, LabCluster.Expected.running(2), LabCluster.CONVERGENCE);

        // what a teardown pass that read the lab before this start committed would record once it found nothing left
        recorder.recordTeardown(id, false);

        assertThat(nodes.findByIdLabIdOrderByIdNode(id)).hasSize(2).allMatch(NodeRuntime::running);
        assertThat(user.get("/api/v1/labs/" + id).json().get("status").get("state").asString()).isEqualTo("RUNNING");
    }

    /** A gap between two requests: the input of the test, not a wait for anything. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
