package dev.labforge.cluster.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextStepTest {

    private static final SimulatorSettings SETTINGS = SimulatorSettings.defaults();

    @Test
    void aNewVmFirstShowsProvisioning() {
        Optional<Step> step = NextStep.of(Fixtures.vm("Always"), null, SETTINGS);

        assertThat(step).get().isInstanceOfSatisfying(Step.UpdateVmStatus.class,
                update -> assertThat(update.status().printableStatus()).isEqualTo("Provisioning"));
    }

    @Test
    void aProvisioningVmGetsItsVmiAfterTheProvisioningDelay() {
        GenericKubernetesResource vm = Fixtures.settled(Fixtures.vm("Always"), null);

        assertThat(NextStep.of(vm, null, SETTINGS)).contains(new Step.CreateVmi(Duration.ofSeconds(1)));
    }

    @Test
    void aHaltedVmStopsFirstThenLosesItsVmiAfterTheStopDelay() {
        GenericKubernetesResource vm = Fixtures.vm("Halted");
        GenericKubernetesResource vmi = Fixtures.vmi(vm, "Running", null);
        assertThat(NextStep.of(vm, vmi, SETTINGS)).get().isInstanceOfSatisfying(Step.UpdateVmStatus.class,
                update -> assertThat(update.status().printableStatus()).isEqualTo("Stopping"));

        assertThat(NextStep.of(Fixtures.settled(vm, vmi), vmi, SETTINGS))
                .contains(new Step.DeleteVmi("vmi-uid", false, Duration.ofSeconds(1)));
    }

    @Test
    void theVmiMovesOnePhaseAtATime() {
        GenericKubernetesResource vm = Fixtures.vm("Always");
        String[][] phases = {{"", "Pending"}, {"Pending", "Scheduling"}, {"Scheduling", "Scheduled"},
                {"Scheduled", "Running"}};
        for (String[] phase : phases) {
            GenericKubernetesResource vmi = Fixtures.vmi(vm, phase[0], null);
            Optional<Step> step = NextStep.of(Fixtures.settled(vm, vmi), vmi, SETTINGS);
            assertThat(step).as("after " + phase[0]).get().isInstanceOfSatisfying(Step.UpdateVmiStatus.class,
                    update -> assertThat(update.status().phase()).isEqualTo(phase[1]));
        }
        GenericKubernetesResource running = Fixtures.vmi(vm, "Running", null);
        assertThat(NextStep.of(Fixtures.settled(vm, running), running, SETTINGS)).isEmpty();
    }

    @Test
    void bootingTakesTheBootDelayInTwoHalves() {
        GenericKubernetesResource vm = Fixtures.vm("Always");
        GenericKubernetesResource scheduling = Fixtures.vmi(vm, "Scheduling", null);
        GenericKubernetesResource scheduled = Fixtures.vmi(vm, "Scheduled", null);

        assertThat(NextStep.of(Fixtures.settled(vm, scheduling), scheduling, SETTINGS).orElseThrow().delay())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(NextStep.of(Fixtures.settled(vm, scheduled), scheduled, SETTINGS).orElseThrow().delay())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anImageThatNeverPullsStopsAtImagePullBackOff() {
        GenericKubernetesResource vm = Fixtures.vm("Always", Vms.UNPULLABLE_IMAGE);
        GenericKubernetesResource scheduling = Fixtures.vmi(vm, "Scheduling", null);
        assertThat(NextStep.of(Fixtures.settled(vm, scheduling), scheduling, SETTINGS)).get()
                .isInstanceOfSatisfying(Step.UpdateVmiStatus.class, update -> assertThat(
                        update.status().condition("Synchronized").orElseThrow().reason()).isEqualTo("ErrImagePull"));

        GenericKubernetesResource pulling = Fixtures.vmi(vm, "Scheduling", "ErrImagePull");
        assertThat(NextStep.of(Fixtures.settled(vm, pulling), pulling, SETTINGS)).get()
                .isInstanceOfSatisfying(Step.UpdateVmiStatus.class, update -> assertThat(
                        update.status().condition("Synchronized").orElseThrow().reason())
                        .isEqualTo("ImagePullBackOff"));

        GenericKubernetesResource backingOff = Fixtures.vmi(vm, "Scheduling", "ImagePullBackOff");
        assertThat(NextStep.of(Fixtures.settled(vm, backingOff), backingOff, SETTINGS)).isEmpty();
    }

    @Test
    void aVmiWhoseVmIsGoneIsDeletedOnceTheApiConfirmsIt() {
        GenericKubernetesResource vmi = Fixtures.vmi(Fixtures.vm("Always"), "Running", null);

        assertThat(NextStep.of(null, vmi, SETTINGS)).contains(new Step.DeleteVmi("vmi-uid", true, Duration.ZERO));
    }

    @Test
    void aVmiOfNoVmIsLeftAlone() {
        GenericKubernetesResource vmi = Fixtures.vmi(Fixtures.vm("Always"), "Running", null);
        vmi.getMetadata().getOwnerReferences().clear();

        assertThat(NextStep.of(null, vmi, SETTINGS)).isEmpty();
    }

    @Test
    void aVmiLeftByAnEarlierVmOfTheSameNameIsDeletedFirst() {
        GenericKubernetesResource vmi = Fixtures.vmi(Fixtures.vm("Always"), "Running", null);
        GenericKubernetesResource recreated = Fixtures.vm("Always");
        recreated.getMetadata().setUid("new-vm-uid");

        assertThat(NextStep.of(recreated, vmi, SETTINGS))
                .contains(new Step.DeleteVmi("vmi-uid", false, Duration.ZERO));
    }
}
