package dev.labforge.cluster.status;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a VirtualMachine's status to a node state. KubeVirt's printableStatus says what the
 * hypervisor does; {@code status.ready} (the VM's Ready condition, which includes the image's
 * readiness probe) says whether the router is usable. See docs: kubevirt-multus.md section 2.
 */
public final class NodeStatusMapping {

    /** printableStatus values that mean the VM cannot run until someone fixes something. */
    private static final Set<String> FAILURES = Set.of("ErrorUnschedulable", "ErrImagePull", "ImagePullBackOff",
            "CrashLoopBackOff", "ErrorPvcNotFound", "DataVolumeError");

    private NodeStatusMapping() {
    }

    /**
     * A node's state as its VM (null: none in the cluster) shows it: what a reconcile pass and the status follower
     * both record, so that the two always agree.
     */
    public static NodeObservation of(GenericKubernetesResource vm, boolean shouldRun) {
        return map(vm == null ? null : vm.get("status"), vm != null, shouldRun);
    }

    /**
     * @param status    the VM's {@code status} map; null when the VM does not exist
     * @param shouldRun whether the node is meant to run
     */
    public static NodeObservation map(Map<String, Object> status, boolean vmExists, boolean shouldRun) {
        if (!vmExists) {
            return NodeObservation.of(shouldRun ? NodeState.PENDING : NodeState.STOPPED);
        }
        String printable = status == null ? null : (String) status.get("printableStatus");
        boolean ready = status != null && Boolean.TRUE.equals(status.get("ready"));
        if (printable == null) {
            return NodeObservation.of(shouldRun ? NodeState.STARTING : NodeState.STOPPED);
        }
        if (FAILURES.contains(printable)) {
            return new NodeObservation(NodeState.FAILED, printable, conditionMessage(status));
        }
        return switch (printable) {
            case "Running", "Migrating" -> shouldRun
                    ? NodeObservation.of(ready ? NodeState.READY : NodeState.BOOTING)
                    : NodeObservation.of(NodeState.STOPPING);
            case "Terminating", "Stopping" -> NodeObservation.of(NodeState.STOPPING);
            case "Provisioning", "WaitingForVolumeBinding", "Starting" ->
                    NodeObservation.of(shouldRun ? NodeState.STARTING : NodeState.STOPPING);
            case "Paused" -> new NodeObservation(NodeState.STOPPED, "Paused", "the VM is paused");
            // a freshly created VM reports the default Stopped until virt-controller acts on runStrategy
            case "Stopped" -> NodeObservation.of(shouldRun ? NodeState.STARTING : NodeState.STOPPED);
            default -> new NodeObservation(shouldRun ? NodeState.STARTING : NodeState.STOPPING, printable,
                    conditionMessage(status));
        };
    }

    /**
     * The part of a VM's status its node state is made of: printableStatus, ready, and the condition message only
     * where a state reports it (a failure). What the informer cache keeps, so that a VM whose status changes in
     * nothing else (condition times, a Starting VM's waiting message) wakes no reconcile pass.
     * {@code map(essentials(status), ...)} equals {@code map(status, ...)}.
     */
    public static Map<String, Object> essentials(Map<String, Object> status) {
        Map<String, Object> kept = new LinkedHashMap<>(4);
        if (status.get("printableStatus") != null) {
            kept.put("printableStatus", status.get("printableStatus"));
        }
        if (status.get("ready") != null) {
            kept.put("ready", status.get("ready"));
        }
        String message = conditionMessage(status);
        if (message != null && (map(status, true, true).message() != null
                || map(status, true, false).message() != null)) {
            kept.put("conditions", List.of(Map.of("status", "False", "message", message)));
        }
        return kept;
    }

    /**
     * The message of the first condition that says something is wrong (status False, or a Failure); the
     * scheduler's (PodScheduled, reason Unschedulable: "0/3 nodes are available: 3 Insufficient memory.") before
     * any other, since it says what to fix.
     */
    private static String conditionMessage(Map<String, Object> status) {
        if (!(status.get("conditions") instanceof List<?> conditions)) {
            return null;
        }
        for (Object item : conditions) {
            if (item instanceof Map<?, ?> condition && "Unschedulable".equals(condition.get("reason"))
                    && condition.get("message") != null) {
                return condition.get("message").toString();
            }
        }
        for (Object item : conditions) {
            if (item instanceof Map<?, ?> condition
                    && ("False".equals(condition.get("status")) || "Failure".equals(condition.get("type")))
                    && condition.get("message") != null) {
                return condition.get("message").toString();
            }
        }
        return null;
    }
}
