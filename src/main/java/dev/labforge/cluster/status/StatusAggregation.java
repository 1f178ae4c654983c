package dev.labforge.cluster.status;

import dev.labforge.cluster.plan.DesiredRun;
import java.util.ArrayList;
import java.util.List;

/** Rolls node states up into the lab's state, with one reason line per node that is not fine. */
public final class StatusAggregation {

    public record NodeView(String name, boolean shouldRun, NodeObservation observed) {
    }

    public record Result(LabState state, int ready, int total, List<String> reasons, boolean settled) {
    }

    private StatusAggregation() {
    }

    /**
     * @param anythingDeployed whether any object of the lab exists in the cluster
     */
    public static Result aggregate(DesiredRun desired, List<NodeView> nodes, boolean anythingDeployed) {
        List<String> reasons = new ArrayList<>();
        for (NodeView node : nodes) {
            NodeObservation o = node.observed();
            if (o.state() == NodeState.FAILED) {
                reasons.add(node.name() + ": " + o.reason() + (o.message() == null ? "" : ": " + o.message()));
            }
        }
        if (desired == DesiredRun.DESTROYED) {
            return new Result(anythingDeployed ? LabState.DESTROYING : LabState.DEFINED, 0, 0, List.of(),
                    !anythingDeployed);
        }
        int total = 0;
        int ready = 0;
        int failed = 0;
        boolean moving = false;
        for (NodeView node : nodes) {
            NodeState state = node.observed().state();
            boolean runs = desired == DesiredRun.RUNNING && node.shouldRun();
            if (runs) {
                total++;
                ready += state == NodeState.READY ? 1 : 0;
                failed += state == NodeState.FAILED ? 1 : 0;
                moving |= !state.settled();
            } else {
                moving |= state != NodeState.STOPPED;
            }
        }
        LabState state;
        if (moving) {
            state = desired == DesiredRun.STOPPED ? LabState.STOPPING : LabState.DEPLOYING;
        } else if (failed > 0) {
            state = ready > 0 ? LabState.DEGRADED : LabState.FAILED;
        } else if (total == 0) {
            state = LabState.STOPPED;
        } else {
            state = LabState.RUNNING;
        }
        return new Result(state, ready, total, reasons, !moving);
    }
}
