package dev.labforge.cluster.status;


/** A lab's observed state, aggregated from its nodes. */
public enum LabState {
    /** Defined, nothing in the cluster. */
    DEFINED,
    /** Objects being created or VMs booting on the way to RUNNING. */
    DEPLOYING,
    /** Every node that should run is READY. */
    RUNNING,
    /** Some nodes READY, at least one FAILED. */
    DEGRADED,
    /** VMs halting on the way to STOPPED. */
    STOPPING,
    /** Deployed and halted. */
    STOPPED,
    /** No node that should run is READY and at least one FAILED. */
    FAILED,
    /** Objects being removed. */
    DESTROYING
}
