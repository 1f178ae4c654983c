package dev.labforge.cluster.status;

import dev.labforge.cluster.plan.LabPlan;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each lab's nodes and their VMs as its last reconcile pass planned them, and the definition version planned: what
 * {@link StatusFollower} records status for. A cache like the reconciler's RenderedLabs: lost on restart, when a lab without an
 * entry gets a full pass instead, which plans it again.
 */
public final class PlannedNodes {

    /** A planned node and the VirtualMachine that runs it. */
    record Node(String name, String vmName) {
    }

    /** @param specVersion the lab definition version the plan was made from */
    record Plan(long specVersion, List<Node> nodes) {
    }

    private final Map<UUID, Plan> byLab = new ConcurrentHashMap<>();

    public void remember(LabPlan plan) {
        byLab.put(plan.labId(), new Plan(plan.specVersion(),
                plan.nodes().stream().map(n -> new Node(n.name(), n.vmName())).toList()));
    }

    /** The lab's plan, or null when no pass has planned it since this process started (or it was torn down). */
    Plan of(UUID lab) {
        return byLab.get(lab);
    }

    public void forget(UUID lab) {
        byLab.remove(lab);
    }
}
