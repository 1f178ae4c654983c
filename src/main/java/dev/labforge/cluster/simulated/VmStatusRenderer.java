package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The status virt-controller would give a VM, given its VMI: KubeVirt's printableStatus rules, first match wins
 * ({@code setPrintableStatus} in pkg/virt-controller/watch/vm/vm.go), for the states the simulator produces.
 */
final class VmStatusRenderer {

    private static final Set<String> IMAGE_PULL_REASONS = Set.of("ErrImagePull", "ImagePullBackOff");

    private VmStatusRenderer() {
    }

    static VmStatus render(GenericKubernetesResource vm, GenericKubernetesResource vmi) {
        long generation = vm.getMetadata().getGeneration() == null ? 0 : vm.getMetadata().getGeneration();
        RunStrategy strategy = RunStrategy.of(vm);
        if (vmi == null) {
            String printable = Kinds.isDeleting(vm) ? "Terminating"
                    : strategy.startsInstance() ? "Provisioning" : "Stopped";
            return new VmStatus(printable, false, false,
                    List.of(Condition.isFalse("Ready", "VMINotExists", "VMI does not exist")), generation);
        }
        VmiStatus instance = VmiStatus.of(vmi);
        boolean stopping = (strategy.stopsInstance() || Kinds.isDeleting(vm) || Kinds.isDeleting(vmi))
                && !instance.isFinal();
        List<Condition> conditions = new ArrayList<>();
        conditions.add(stopping
                ? Condition.isFalse("Ready", "PodTerminating", "virt-launcher pod is terminating")
                : instance.condition("Ready").orElse(Condition.isFalse("Ready", "PodNotExists",
                        "virt-launcher pod has not yet been scheduled")));
        unschedulable(instance).ifPresent(conditions::add); // KubeVirt copies it from the VMI
        if (!VmiRenderer.templateSpec(vm).equals(VmiRenderer.spec(vmi))) {
            // the VMI runs the spec it was created from; KubeVirt asks for a restart to apply template changes
            conditions.add(new Condition("RestartRequired", "True", null,
                    "a non-live-updatable field was changed in the template spec"));
        }
        boolean ready = !stopping && instance.isRunning() && conditions.getFirst().status().equals("True");
        return new VmStatus(printable(vm, instance, stopping), true, ready, conditions, generation);
    }

    /** The VMI's PodScheduled condition when the scheduler found no node for it. */
    private static java.util.Optional<Condition> unschedulable(VmiStatus instance) {
        return instance.condition("PodScheduled")
                .filter(c -> "False".equals(c.status()) && VmiLifecycle.UNSCHEDULABLE.equals(c.reason()));
    }

    private static String printable(GenericKubernetesResource vm, VmiStatus instance, boolean stopping) {
        if (Kinds.isDeleting(vm)) {
            return "Terminating";
        }
        if (stopping) {
            return "Stopping";
        }
        if (instance.isRunning()) {
            return "Running";
        }
        if (unschedulable(instance).isPresent()) {
            return "ErrorUnschedulable";
        }
        String syncFailure = instance.condition("Synchronized")
                .filter(c -> "False".equals(c.status()))
                .map(Condition::reason)
                .filter(IMAGE_PULL_REASONS::contains)
                .orElse(null);
        if (syncFailure != null) {
            return syncFailure;
        }
        return instance.isFinal() ? "Stopped" : "Starting";
    }
}
