package dev.labforge.cluster.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Boot times spread over the VMs by a seed: within the range, the same for one VM every time, and spread out. */
class BootSpreadTest {

    private static final SimulatorSettings SPREAD = SimulatorSettings.immediate()
            .withDelays(Duration.ZERO, Duration.ofSeconds(60), Duration.ZERO)
            .withBootSpread(Duration.ofSeconds(60), 42);

    @Test
    void eachVmBootsForItsOwnTimeBetweenTheDelayAndTheDelayPlusTheSpread() {
        List<Duration> boots = new ArrayList<>();
        for (int lab = 0; lab < 300; lab++) {
            for (int router = 1; router <= 6; router++) {
                boots.add(SPREAD.bootDelayOf("lab-" + lab, "r" + router));
            }
        }
        assertThat(boots).allSatisfy(boot -> assertThat(boot).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(120)));
        double meanSeconds = boots.stream().mapToLong(Duration::toMillis).average().orElseThrow() / 1000;
        assertThat(meanSeconds).as("uniform over 60-120 s").isBetween(87.0, 93.0);
        assertThat(boots.stream().filter(b -> b.compareTo(Duration.ofSeconds(66)) < 0).count()).as("the fastest tenth")
                .isBetween(140L, 220L);
        assertThat(boots.stream().filter(b -> b.compareTo(Duration.ofSeconds(114)) > 0).count()).as("the slowest tenth")
                .isBetween(140L, 220L);
    }

    @Test
    void oneVmTakesTheSameTimeOnEveryLookAndAnotherSeedDrawsAnew() {
        Duration first = SPREAD.bootDelayOf("lab-1", "r1");
        assertThat(SPREAD.bootDelayOf("lab-1", "r1")).isEqualTo(first);
        long differing = 0;
        for (int lab = 0; lab < 100; lab++) {
            differing += SPREAD.bootDelayOf("lab-" + lab, "r1")
                    .equals(SPREAD.withBootSpread(Duration.ofSeconds(60), 7).bootDelayOf("lab-" + lab, "r1")) ? 0 : 1;
        }
        assertThat(differing).isGreaterThan(95);
    }

    @Test
    void theVmiWaitsOutItsOwnBootTimeInTwoHalves() {
        GenericKubernetesResource vm = Fixtures.vm("Always");
        GenericKubernetesResource scheduling = Fixtures.vmi(vm, "Scheduling", null);
        GenericKubernetesResource scheduled = Fixtures.vmi(vm, "Scheduled", null);
        Duration boot = SPREAD.bootDelayOf(Fixtures.NS, vm.getMetadata().getName());

        Duration first = ((Step.UpdateVmiStatus) NextStep.of(Fixtures.settled(vm, scheduling), scheduling, SPREAD)
                .orElseThrow()).delay();
        Duration second = ((Step.UpdateVmiStatus) NextStep.of(Fixtures.settled(vm, scheduled), scheduled, SPREAD)
                .orElseThrow()).delay();

        assertThat(first.plus(second)).isEqualTo(boot);
        assertThat(boot).isNotEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void withoutASpreadEveryVmBootsForTheDelay() {
        SimulatorSettings plain = SimulatorSettings.defaults();
        assertThat(plain.bootDelayOf("a", "r1")).isEqualTo(plain.bootDelay());
        assertThat(plain.bootDelayOf("b", "r2")).isEqualTo(plain.bootDelay());
    }
}
