package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.IntegrationTest;
import dev.labforge.cluster.reconcile.ClusterRuntime;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Several replicas: exactly one holds the reconciler lease; a released or expired lease passes on. */
class ReconcilerLeaseTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReconcilerLease serviceLease;
    @Autowired
    ClusterRuntime runtime;

    @Test
    void exactlyOneReplicaHoldsTheLeaseAtATime() throws Exception {
        // this service already holds it; other replicas racing for it all fail
        assertThat(serviceLease.renew()).isTrue();
        try (var pool = Executors.newFixedThreadPool(8)) {
            var replicas = java.util.stream.IntStream.range(0, 8).mapToObj(i -> new ReconcilerLease(jdbc)).toList();
            var results = pool.invokeAll(replicas.stream().<Callable<Boolean>>map(r -> r::renew).toList());
            for (var result : results) {
                assertThat(result.get()).isFalse();
            }

            // when the holder lets go, the next to ask gets it, and then only that one
            runtime.stop();
            assertThat(serviceLease.held()).isFalse();
            assertThat(replicas.get(3).renew()).isTrue();
            assertThat(replicas.get(4).renew()).isFalse();
            assertThat(serviceLease.renew()).isFalse();

            // an expired lease can be taken over
            jdbc.sql("update reconciler_lease set expires_at = now() - interval '1 second'").update();
            assertThat(replicas.get(5).renew()).isTrue();
            assertThat(replicas.get(3).renew()).isFalse();
            replicas.get(5).release();
        } finally {
            runtime.start();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!runtime.leader() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(runtime.leader()).isTrue();
    }
}
