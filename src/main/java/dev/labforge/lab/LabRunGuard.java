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
     * A start of the lab begins: called before the start takes any of the lab's locks (its row, its owner's quota
     * lock, its event lock). A guard whose {@link #beforeStart} locks rows that other transactions lock before they
     * take a lab's locks (a course's row, which a roster change holds while it writes to the lab's event log) takes
     * them here, so that every path takes them in one order. Locks nothing by default.
     */
    default void lockBeforeStart(UUID labId) {
    }

    /**
     * The lab, not running now, is about to be started by {@code caller}: refuse with a problem (capacity
     * short) or hold what the run takes. Called before the run is recorded.
     */
    void beforeStart(Caller caller, LabDefinition lab);

    /** The lab was asked to stop or go away: what its run held may go back. */
    void afterHalt(UUID labId);
}
