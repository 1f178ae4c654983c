package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of {@code VirtualMachine.status} the simulator owns, comparable without timestamps.
 *
 * @param printableStatus    what {@code kubectl get vm} shows; KubeVirt's first-match-wins value (see
 *                           {@link VmStatusRenderer})
 * @param created            a VMI exists
 * @param ready              the VMI runs and is ready
 * @param observedGeneration the VM generation this status was computed from, so a reader can tell a status that
 *                           already reflects its last spec write from one that does not yet
 */
record VmStatus(String printableStatus, boolean created, boolean ready, List<Condition> conditions,
                long observedGeneration) {

    VmStatus {
        conditions = List.copyOf(conditions);
    }

    static VmStatus of(GenericKubernetesResource vm) {
        Map<String, Object> status = Kinds.status(vm);
        return new VmStatus(Condition.string(status.get("printableStatus")),
                Boolean.TRUE.equals(status.get("created")), Boolean.TRUE.equals(status.get("ready")),
                Condition.fromStatus(status), status.get("observedGeneration") instanceof Number n ? n.longValue() : 0);
    }

    Map<String, Object> toMap(Map<String, Object> previous, Instant now) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("printableStatus", printableStatus);
        status.put("created", created);
        status.put("ready", ready);
        status.put("conditions", Condition.toMaps(conditions, previous, now));
        status.put("observedGeneration", observedGeneration);
        status.put("desiredGeneration", observedGeneration);
        return status;
    }
}
