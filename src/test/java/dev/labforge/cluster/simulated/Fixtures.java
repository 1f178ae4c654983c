package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** VMs and VMIs in a given state, for the pure tests: no API involved. */
final class Fixtures {

    static final String NS = "lab";

    private Fixtures() {
    }

    static GenericKubernetesResource vm(String runStrategy) {
        GenericKubernetesResource vm = Vms.router(NS, "r1", runStrategy);
        vm.getMetadata().setUid("vm-uid");
        vm.getMetadata().setGeneration(1L);
        return vm;
    }

    static GenericKubernetesResource vm(String runStrategy, String image) {
        GenericKubernetesResource vm = Vms.router(NS, "r1", runStrategy, image);
        vm.getMetadata().setUid("vm-uid");
        vm.getMetadata().setGeneration(1L);
        return vm;
    }

    /** The VMI virt-controller creates for the VM, in a phase ("" for none yet); Running ones are ready. */
    static GenericKubernetesResource vmi(GenericKubernetesResource vm, String phase, String syncFailure) {
        GenericKubernetesResource vmi = VmiRenderer.instanceOf(vm);
        vmi.getMetadata().setUid("vmi-uid");
        if (phase.isEmpty()) {
            return vmi;
        }
        List<Condition> conditions = new ArrayList<>();
        conditions.add(phase.equals("Running") ? Condition.isTrue("Ready")
                : Condition.isFalse("Ready", "PodNotExists", "not yet"));
        if (syncFailure != null) {
            conditions.add(Condition.isFalse("Synchronized", syncFailure, "cannot pull"));
        }
        vmi.setAdditionalProperty("status",
                new VmiStatus(phase, null, conditions, List.of()).toMap(Map.of(), Instant.now()));
        return vmi;
    }

    /** The VM with the status virt-controller would have written for it already. */
    static GenericKubernetesResource settled(GenericKubernetesResource vm, GenericKubernetesResource vmi) {
        vm.setAdditionalProperty("status", VmStatusRenderer.render(vm, vmi).toMap(Map.of(), Instant.now()));
        return vm;
    }
}
