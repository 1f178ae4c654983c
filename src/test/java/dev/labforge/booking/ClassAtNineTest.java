package dev.labforge.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.ClusterConnection;
import dev.labforge.cluster.reconcile.ClusterRuntime;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 09:00 class, small: 20 students' labs of 2 routers, each VM booting for 60-120 s of the service's clock, all
 * READY at the class's start and STOPPED within 5 minutes after its end. The full size (300 x 6) is
 * {@link ClassAtNineBenchmark} (bench/class-0900.sh). The service's clock is stepped, at most 20 x real time, and
 * only as fast as the service and the simulated cluster finish each step's work ({@link ClassAtNine}): every outcome is
 * judged on that clock, so a loaded machine makes the test slower, not wrong. A lab's margin (its lead time less its
 * start's place in the spread and its boot) is over 3 minutes of that clock.
 */
class ClassAtNineTest extends BookingIntegrationTest {

    @Autowired
    private BookingReconciler reconciler;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ClusterConnection cluster;
    @Autowired
    private ClusterRuntime runtime;

    @Test
    void everyLabIsReadyAtTheStartAndStoppedWithinFiveMinutesOfTheEnd() {
        awaitReconcilerLease();
        ClassAtNine.Result result = new ClassAtNine(api(), clock, reconciler, jdbc, cluster.simulated(),
                runtime::busy)
                .run(new ClassAtNine.Settings(20, 2, 20, 0, false, 20261206L));

        assertThat(result.lead()).as("the configured 5 minutes (no boot seen yet) and the spread of 20 starts")
                .isEqualTo(Duration.ofMinutes(6));
        assertThat(result.readyAtT()).as("READY at T").isEqualTo(result.labs()).isEqualTo(20);
        assertThat(result.latestReadyBeforeT()).isPositive();
        assertThat(result.stopped()).as("STOPPED by the end + 5 min").isEqualTo(20);
        assertThat(result.latestStopAfterEnd()).isLessThanOrEqualTo(ClassAtNine.STOPPED_WITHIN);
        assertThat(result.unschedulable()).isZero();
    }
}
