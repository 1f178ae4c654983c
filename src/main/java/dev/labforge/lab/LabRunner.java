package dev.labforge.lab;

import dev.labforge.access.Caller;
import java.util.UUID;

/**
 * Implemented by whatever runs labs (the cluster module), for modules that run labs on someone's
 * behalf at a set time (bookings): the same requests a user makes over the API, with the same
 * permission checks, events and audit entries, in the caller's transaction.
 */
public interface LabRunner {

    /** Deploys what is missing and runs every node; nothing new if it runs already. */
    void start(Caller actor, UUID labId);

    /** Halts the lab's VMs, keeping its objects; nothing if it is not deployed. */
    void stop(Caller actor, UUID labId);

    /** Removes the lab from the cluster, keeping its definition; nothing if it is not deployed. */
    void destroy(Caller actor, UUID labId);

    /**
     * Appends a line to the lab's event log (and so to its event streams), in the caller's
     * transaction: what a schedule did or is about to do, such as a booking's end drawing near.
     */
    void note(UUID labId, String kind, String message);

    /**
     * Whether this replica is the one that acts for the service now (it holds the reconciler's
     * lease): with several replicas, only it should start and stop labs on a schedule.
     */
    boolean leads();
}
