package dev.labforge.cluster.status;


/** A node's state as read from its VirtualMachine, with the cause when it is not simply fine. */
public record NodeObservation(NodeState state, String reason, String message) {

    static NodeObservation of(NodeState state) {
        return new NodeObservation(state, null, null);
    }
}
