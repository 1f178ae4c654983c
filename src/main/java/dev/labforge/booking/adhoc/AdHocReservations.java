package dev.labforge.booking.adhoc;

import dev.labforge.access.Caller;
import dev.labforge.api.Conflict;
import dev.labforge.booking.capacity.CapacityLedger;
import dev.labforge.booking.capacity.CapacityPool;
import dev.labforge.booking.capacity.TemplateDemand;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabRunGuard;
import dev.labforge.lab.LabRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every run is a reservation: a lab started outside any booking reserves its run's capacity from its pool
 * ({@link RunPools}) from now for {@code labforge.booking.ad-hoc.run-time}, in the ledger every booking
 * reserves in, so it can take nothing a class or a student has booked; when the pool is short the start is
 * refused with the ledger's 409 capacity-exhausted problem. A stop or destroy gives back what the run has
 * not used; the {@link AdHocRunReconciler} warns before the end and stops the lab at it.
 *
 * <p>A lab a booking holds now (from its lead time to its end) is started on the booking's reservation and
 * reserves nothing more; a lab without a pool reserves nothing (a deployment without pools).
 */
@Component
class AdHocReservations implements LabRunGuard {

    private final AdHocRuns runs;
    private final RunPools runPools;
    private final CapacityLedger ledger;
    private final TemplateDemand demand;
    private final ObjectProvider<LabRunner> runner; // the runner's lifecycle asks this guard: not at construction
    private final AdHocRunProperties properties;
    private final Clock clock;

    AdHocReservations(AdHocRuns runs, RunPools runPools, CapacityLedger ledger, TemplateDemand demand,
                      ObjectProvider<LabRunner> runner, AdHocRunProperties properties, Clock clock) {
        this.runs = runs;
        this.runPools = runPools;
        this.ledger = ledger;
        this.demand = demand;
        this.runner = runner;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * A start that will reserve from its course's pool takes the course's row before the lab's locks (see
     * {@link RunPools#lockCourseOf}); a start a booking holds the lab for reserves nothing and leaves the row alone:
     * the booking reconciler holds the booking's row by then, which a roster's drop locks after the course's.
     */
    @Override
    public void lockBeforeStart(UUID labId) {
        if (!runs.bookedNow(labId, clock.instant())) {
            runPools.lockCourseOf(labId);
        }
    }

    @Override
    public void beforeStart(Caller caller, LabDefinition lab) {
        Instant now = clock.instant();
        if (runs.bookedNow(lab.id(), now)) {
            return;
        }
        CapacityPool pool = runPools.forStart(lab.id()).orElse(null); // under its course's row lock: see lockBeforeStart
        if (pool == null) {
            return;
        }
        AdHocRun open = runs.open(lab.id()).orElse(null);
        if (open != null && now.isBefore(open.end())) {
            return; // its stop found the run busy (being warned or extended) and left it: it still holds capacity
        }
        if (open != null) { // over, and not yet ended by the reconciler: end it here unless that is under way
            AdHocRun ended = runs.lockOpenIfFree(lab.id()).orElseThrow(() -> new Conflict("the previous run of lab "
                    + lab.id() + " is being ended right now; start the lab again in a moment"));
            finish(ended, now);
        }
        Instant end = now.plus(properties.runTime());
        UUID reservation = ledger.reserve(pool.id(), now, end, demand.of(lab.topology()), "ad-hoc:" + lab.id());
        runs.insert(lab.id(), caller.userId(), pool.id(), reservation, now, end);
        runner.getObject().note(lab.id(), "RunReserved", "started outside a booking: capacity held from pool '" + pool.name()
                + "' until " + end + ", when the lab is stopped unless the run is extended");
    }

    @Override
    public void afterHalt(UUID labId) {
        // a run held by the reconciler or an extension right now stays open until its end: never wait here
        runs.lockOpenIfFree(labId).ifPresent(run -> finish(run, clock.instant()));
    }

    /** Ends the run now: its capacity from now on goes back to the pool. */
    void finish(AdHocRun run, Instant now) {
        if (run.reservationId() != null) {
            ledger.shorten(run.reservationId(), now);
        }
        runs.markFinished(run.id(), now);
    }
}
