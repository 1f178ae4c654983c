package dev.labforge.cluster.status;


/** One router's observed state, mapped from its VirtualMachine's status and the image's readiness. */
public enum NodeState {
    /** Its VM does not exist yet. */
    PENDING,
    /** Scheduling, pulling the disk, starting the launcher. */
    STARTING,
    /** The hypervisor runs the guest; the router OS is not known to be usable yet. */
    BOOTING,
    /** Usable: the VM is Ready (and the image's readiness probe passes). */
    READY,
    /** Halting. */
    STOPPING,
    /** Halted. */
    STOPPED,
    /** Cannot run: see the reason (ErrorUnschedulable, ImagePullBackOff, CrashLoopBackOff, ...). */
    FAILED;

    boolean settled() {
        return this == READY || this == STOPPED || this == FAILED;
    }
}
