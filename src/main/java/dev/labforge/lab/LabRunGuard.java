package dev.labforge.lab;

import dev.labforge.access.Caller;
import java.util.UUID;

/**
 * A module with a stake in when labs run (capacity pools) is told, in the same transaction, when a lab is
 * asked to run and when it is asked to stop running. Whatever runs labs (the cluster module) calls it on
 * every path: a user's request and a schedule's alike.
 */
public interface LabRunGuard {

    /**
     * The lab, not running now, is about to be started by {@code caller}: refuse with a problem (capacity
     * short) or hold what the run takes. Called before the run is recorded.
     */
    void beforeStart(Caller caller, LabDefinition lab);

    /** The lab was asked to stop or go away: what its run held may go back. */
    void afterHalt(UUID labId);
}
