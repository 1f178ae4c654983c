package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The change feed follows what users ask of a lab, not the status the reconciler records for it. */
class ChangeFeedTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordedStatusIsNoChangeButAStoppedNodeIs() throws InterruptedException {
        Catalog.ensure(api());
        ApiClient user = api().newUser();
        UUID lab = LifecycleApiTest.runningLab(user, "change-feed");
        Thread.sleep(1_100); // past the feed's second of overlap

        ChangeFeed feed = new ChangeFeed(jdbc);
        assertThat(feed.poll()).isEmpty(); // the first poll only sets where the next one starts
        // what the status follower does: new observed status, updated_at moves
        jdbc.sql("update lab_runtime set ready_nodes = ready_nodes, updated_at = now() where lab_id = ?").param(lab)
                .update();
        jdbc.sql("update node_runtime set state = state, updated_at = now() where lab_id = ?").param(lab).update();
        assertThat(feed.poll()).doesNotContain(lab);

        assertThat(user.post("/api/v1/labs/" + lab + "/nodes/r1/stop", "").status()).isEqualTo(202);
        assertThat(feed.poll()).contains(lab);
    }
}
