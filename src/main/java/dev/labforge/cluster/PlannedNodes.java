package dev.labforge.cluster;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each lab's nodes and their VMs as its last reconcile pass planned them: what {@link StatusFollower} records status
 * for between passes. A cache like {@link RenderedLabs}: lost on restart, when a lab without an entry gets a full pass
 * instead, which plans it again.
 */
final class PlannedNodes {

    /** A planned node and the VirtualMachine that runs it. */
    record Node(String name, String vmName) {
    }

    private final Map<UUID, List<Node>> byLab = new ConcurrentHashMap<>();

    void remember(LabPlan plan) {
        byLab.put(plan.labId(), plan.nodes().stream().map(n -> new Node(n.name(), n.vmName())).toList());
    }

    /** The lab's planned nodes, or null when no pass has planned it since this process started (or it was torn down). */
    List<Node> of(UUID lab) {
        return byLab.get(lab);
    }

    void forget(UUID lab) {
        byLab.remove(lab);
    }
}
