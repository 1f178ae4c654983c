package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Where the scheduler put a VMI's virt-launcher pod: a node, or nowhere and why, in kube-scheduler's words.
 *
 * @param node          null when no node has room
 * @param unschedulable the scheduler's message when {@code node} is null
 */
record Placement(String node, String unschedulable) {

    static Placement on(String node) {
        return new Placement(node, null);
    }

    static Placement nowhere(String why) {
        return new Placement(null, why);
    }

    /** Places VMIs; the scheduler keeps what it placed until the VMI is gone. */
    @FunctionalInterface
    interface Scheduler {

        /** Every VMI on the default node, whatever it asks: the simulator before it had nodes. */
        Scheduler ANYWHERE = vmi -> on(SimulatedNode.DEFAULT.name());

        Placement place(GenericKubernetesResource vmi);
    }
}
