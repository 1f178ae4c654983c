package dev.labforge.booking;

import dev.labforge.api.Conflict;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabEditGuard;
import dev.labforge.lab.LabRunner;
import dev.labforge.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A lab running outside a booking whose topology changes (routers added, CPU or memory raised) holds what the
 * new topology takes from then to its run's end: the reservation grows, or the edit is refused with the
 * ledger's 409 capacity-exhausted problem naming what is short and when, and nothing changes. What shrinks
 * goes back to the pool at once. Why refuse rather than let the lab grow past its reservation: the added
 * routers would start on capacity a class may have booked, which is the one thing the ledger forbids (CML
 * likewise refuses to start nodes beyond its licence's node count rather than queue them).
 *
 * <p>The edit's transaction holds the pool's row lock for the check, as every writer of the ledger does.
 */
@Component
class AdHocRunResize implements LabEditGuard {

    private final AdHocRuns runs;
    private final CapacityLedger ledger;
    private final TemplateDemand demand;
    private final ObjectProvider<LabRunner> runner; // the runner asks the lab module's guards: not at construction
    private final Clock clock;

    AdHocRunResize(AdHocRuns runs, CapacityLedger ledger, TemplateDemand demand, ObjectProvider<LabRunner> runner,
                   Clock clock) {
        this.runs = runs;
        this.ledger = ledger;
        this.demand = demand;
        this.runner = runner;
        this.clock = clock;
    }

    @Override
    public void beforeRedefine(LabDefinition current, Topology next) {
        Instant now = clock.instant();
        if (runs.open(current.id()).isEmpty()) {
            return; // not running on an ad-hoc run
        }
        // never wait for the row here: the edit may hold the lab's locks, which the run's reconciler takes after it
        AdHocRun run = runs.lockOpenIfFree(current.id()).orElseThrow(() -> new Conflict("the run of lab "
                + current.id() + " is being extended or ended right now; send the edit again in a moment"));
        if (run.reservationId() == null || !now.isBefore(run.end())) {
            return; // its end is due: the reconciler stops it
        }
        Demand before = ledger.find(run.reservationId()).map(CapacityLedger.Reservation::demand).orElse(null);
        Demand after = demand.of(next);
        if (before == null || before.equals(after)) {
            return;
        }
        UUID resized;
        try {
            resized = ledger.resize(run.reservationId(), now, after);
        } catch (CapacityExhausted short_) {
            throw short_.inRunningLab(current.id(), run.end());
        }
        runs.moveReservation(run.id(), resized);
        runner.getObject().note(current.id(), "RunResized", "the running lab's reservation now holds " + after.vcpus()
                + " vCPUs, " + after.memoryMib() + " MiB and " + after.nodes() + " router VMs (was "
                + before.vcpus() + ", " + before.memoryMib() + " and " + before.nodes() + ") until " + run.end());
    }
}
