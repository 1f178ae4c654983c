package dev.labforge.booking;

import dev.labforge.booking.capacity.LedgerPruning;
import dev.labforge.booking.timetable.BookingProperties;
import dev.labforge.booking.timetable.ReconcileLoop;
import dev.labforge.lab.LabRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Runs the capacity ledger's pruning ({@link LedgerPruning}) on the booking module's schedule, on the replica holding
 * the reconciler's lease: so that one replica, not each, deletes the changes no kept load needs any more.
 */
@Component
class LedgerPruner extends ReconcileLoop {

    private final LedgerPruning pruning;
    private final LabRunner runner;

    LedgerPruner(LedgerPruning pruning, LabRunner runner, BookingProperties properties, Clock clock) {
        super("ledger-pruner", runner, properties, clock);
        this.pruning = pruning;
        this.runner = runner;
    }

    /** One pass: the pruning, if this replica leads; how many rows it deleted. */
    @Override
    public int pass() {
        return runner.leads() ? pruning.pruneOnce() : 0;
    }

    /** The pruning itself asks the database whether it is due: every {@code reconcile-every} is soon enough. */
    @Override
    protected Duration untilDue(Instant now, Duration longest) {
        return longest;
    }
}
