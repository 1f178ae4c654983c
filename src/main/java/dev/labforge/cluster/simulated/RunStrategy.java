package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** KubeVirt's {@code spec.runStrategy}, as far as virt-controller acts on it by itself. */
enum RunStrategy {
    ALWAYS, RERUN_ON_FAILURE, ONCE, MANUAL, HALTED;

    /** The VM's strategy; the deprecated {@code spec.running} maps to Always/Halted, and neither means Halted. */
    static RunStrategy of(GenericKubernetesResource vm) {
        Object strategy = vm.get("spec", "runStrategy");
        if (strategy != null) {
            return switch (strategy.toString()) {
                case "Always" -> ALWAYS;
                case "RerunOnFailure" -> RERUN_ON_FAILURE;
                case "Once" -> ONCE;
                case "Manual" -> MANUAL;
                default -> HALTED;
            };
        }
        return Boolean.TRUE.equals(vm.get("spec", "running")) ? ALWAYS : HALTED;
    }

    /** virt-controller creates a VMI for the VM when none exists. */
    boolean startsInstance() {
        return this == ALWAYS || this == RERUN_ON_FAILURE || this == ONCE;
    }

    /** virt-controller stops the VM's VMI when one exists. */
    boolean stopsInstance() {
        return this == HALTED;
    }
}
