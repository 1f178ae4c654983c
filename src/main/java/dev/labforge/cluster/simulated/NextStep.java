package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What virt-controller does next for one VM, decided from the VM and its VMI as they are now: a pure function, so
 * whatever woke the simulator, the same state gives the same step, and steps happen one at a time, in order.
 */
final class NextStep {

    private NextStep() {
    }

    /**
     * @param vm  the VM, or null when it is gone (or not LabForge's)
     * @param vmi the VMI of the same name, or null
     */
    static Optional<Step> of(GenericKubernetesResource vm, GenericKubernetesResource vmi, SimulatorSettings settings) {
        return of(vm, vmi, settings, Placement.Scheduler.ANYWHERE);
    }

    /** @param scheduler where a VMI's pod goes (the one decision that depends on other VMs: their room) */
    static Optional<Step> of(GenericKubernetesResource vm, GenericKubernetesResource vmi, SimulatorSettings settings,
                             Placement.Scheduler scheduler) {
        String owner = vmi == null ? null : Kinds.ownerUid(vmi);
        if (vm == null) {
            return owner == null ? Optional.empty()
                    : Optional.of(new Step.DeleteVmi(vmi.getMetadata().getUid(), true, Duration.ZERO));
        }
        if (owner != null && !owner.equals(vm.getMetadata().getUid())) {
            // left over from an earlier VM of the same name
            return Optional.of(new Step.DeleteVmi(vmi.getMetadata().getUid(), false, Duration.ZERO));
        }
        VmStatus status = VmStatusRenderer.render(vm, vmi);
        if (!status.equals(VmStatus.of(vm))) {
            return Optional.of(new Step.UpdateVmStatus(status));
        }
        return instanceStep(vm, vmi, settings, scheduler);
    }

    private static Optional<Step> instanceStep(GenericKubernetesResource vm, GenericKubernetesResource vmi,
                                               SimulatorSettings settings, Placement.Scheduler scheduler) {
        RunStrategy strategy = RunStrategy.of(vm);
        if (vmi == null) {
            return strategy.startsInstance() && !Kinds.isDeleting(vm)
                    ? Optional.of(new Step.CreateVmi(settings.provisioningDelay()))
                    : Optional.empty();
        }
        String uid = vmi.getMetadata().getUid();
        if (Kinds.isDeleting(vm)) {
            return Optional.of(new Step.DeleteVmi(uid, false, Duration.ZERO));
        }
        if (Kinds.isDeleting(vmi)) {
            return Optional.empty();
        }
        if (strategy.stopsInstance()) {
            return Optional.of(new Step.DeleteVmi(uid, false, settings.stopDelay()));
        }
        VmiStatus instance = VmiStatus.of(vmi);
        if (instance.isFinal()) {
            // Always restarts whatever ended; the other strategies leave an ended VMI be
            return strategy == RunStrategy.ALWAYS
                    ? Optional.of(new Step.DeleteVmi(uid, false, Duration.ZERO)) : Optional.empty();
        }
        return VmiLifecycle.next(vmi, settings, scheduler)
                .filter(transition -> !Objects.equals(transition.status(), instance))
                .map(transition -> new Step.UpdateVmiStatus(transition.status(), transition.delay()));
    }
}
