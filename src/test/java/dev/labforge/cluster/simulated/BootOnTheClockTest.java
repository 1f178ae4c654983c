package dev.labforge.cluster.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.MovableClock;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated virt-controller's delays pass on the clock it is given, not in real time: a boot of 60-120 s is over
 * when that clock has moved 60-120 s. A simulation that compresses time (the 09:00 class) depends on it; with delays
 * in real time, a clock that stands still would see VMs boot at once, and one that runs 60 x would wait 60 x too long.
 */
class BootOnTheClockTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration BOOT = Duration.ofSeconds(60);
    private static final Instant DAY = Instant.parse("2031-03-04T06:00:00Z");

    private static final MovableClock clock = new MovableClock();
    private static SimulatedCluster cluster;
    private static KubernetesClient client;
    private static VirtControllerSimulator simulator;
    private static final AtomicInteger TESTS = new AtomicInteger();

    private String ns;

    @BeforeAll
    static void start() {
        clock.set(DAY);
        cluster = SimulatedCluster.start(SimulatorSettings.immediate()
                .withDelays(Duration.ZERO, BOOT, Duration.ZERO).withBootSpread(BOOT, 7), clock);
        client = cluster.client();
        simulator = cluster.simulator();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @BeforeEach
    void namespacePerTest() {
        ns = "clock-" + TESTS.incrementAndGet();
        clock.set(DAY);
    }

    @Test
    void aBootWaitsForTheClockAndEndsWhenTheClockHasMovedItsTime() {
        Duration boot = simulator.settings().bootDelayOf(ns, "r1");
        Vms.vms(client, ns).resource(Vms.router(ns, "r1", "Always")).create();
        Eventually.await("the VMI scheduling", WAIT, () -> phase("r1"), "Scheduling"::equals);

        assertThat(simulator.awaitRunning(ns, "r1", Duration.ofSeconds(1)))
                .as("no boot while the clock stands still").isFalse();
        assertThat(phase("r1")).isEqualTo("Scheduling");

        // moved a second at a time, as a simulation would: running once, and only once, the clock moved its boot
        Duration moved = Duration.ZERO;
        while (!simulator.awaitRunning(ns, "r1", Duration.ofMillis(200))) {
            assertThat(moved).as("running by the end of its boot on the clock, and a few ticks")
                    .isLessThan(boot.plusSeconds(60));
            Eventually.await("the simulator idle", WAIT, simulator::idle, Boolean.TRUE::equals); // in step with it
            clock.advance(Duration.ofSeconds(1));
            moved = moved.plusSeconds(1);
        }
        assertThat(moved).as("not running before the clock moved its boot").isGreaterThanOrEqualTo(boot);
        System.out.printf("a boot of %d s ran when the clock had moved %d s%n", boot.toSeconds(), moved.toSeconds());
    }

    @Test
    void onAClockRunningSixtyTimesRealTimeAMinuteOfBootTakesAboutASecond() {
        clock.run(DAY, 60);
        long began = System.nanoTime();
        for (String name : new String[] {"r1", "r2", "r3"}) {
            Vms.vms(client, ns).resource(Vms.router(ns, name, "Always")).create();
        }
        for (String name : new String[] {"r1", "r2", "r3"}) {
            assertThat(simulator.awaitRunning(ns, name, WAIT)).as(name + " running").isTrue();
        }
        Duration real = Duration.ofNanos(System.nanoTime() - began);
        Duration onTheClock = Duration.between(DAY, clock.instant());
        System.out.printf("3 boots of 60-120 s on a clock at 60 x took %d ms of real time, %d s on the clock%n",
                real.toMillis(), onTheClock.toSeconds());
        // at least each VM's own boot on the clock; in real time a 60th of it, plus the API's time under load
        assertThat(onTheClock).isGreaterThanOrEqualTo(simulator.settings().bootDelayOf(ns, "r1"));
        assertThat(real).isLessThan(WAIT);
    }

    private String phase(String name) {
        GenericKubernetesResource vmi = Vms.vmis(client, ns).withName(name).get();
        return vmi == null ? null : VmiStatus.of(vmi).phase();
    }
}
