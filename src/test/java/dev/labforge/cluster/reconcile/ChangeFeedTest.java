package dev.labforge.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.Await;
import dev.labforge.cluster.LifecycleApiTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The change feed follows what users ask of a lab, not the status the reconciler records for it. */
class ChangeFeedTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordedStatusIsNoChangeButAStoppedNodeIs() {
        Catalog.ensure(api());
        ApiClient user = api().newUser();
        UUID lab = LifecycleApiTest.runningLab(user, "change-feed");
        // the lab's last request behind the feed's second of overlap, on the database's clock, which the feed reads
        Await.until("the lab's start a second old", Duration.ofSeconds(10), Duration.ofMillis(50), () -> jdbc.sql("""
                select now() - interval '1 second' > greatest(
                    (select desired_at from lab_runtime where lab_id = ?),
                    (select max(desired_at) from node_runtime where lab_id = ?),
                    (select updated_at from labs where id = ?))""").params(lab, lab, lab).query(Boolean.class)
                .single(), () -> "not yet");

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
