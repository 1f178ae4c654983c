package dev.labforge.cluster.plan;


/** What a user last asked a lab to be on the cluster. */
public enum DesiredRun {
    /** Deployed, every node (not stopped on its own) running. */
    RUNNING,
    /** Deployed, VMs halted, links kept. */
    STOPPED,
    /** Nothing in the cluster; the definition stays. */
    DESTROYED
}
