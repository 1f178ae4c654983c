package dev.labforge.booking.capacity;

import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabRunner;
import dev.labforge.topology.Topology;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A running lab whose topology changes (routers added, CPU or memory raised) holds what the new topology takes from
 * then to its run's end: the reservation it runs on grows, or the edit is refused with the ledger's 409
 * capacity-exhausted problem naming what is short and when, and nothing changes. What shrinks goes back to the pool
 * at once. Why refuse rather than let the lab grow past its reservation: the added routers would start on capacity
 * a class may have booked, which is the one thing the ledger forbids (CML likewise refuses to start nodes beyond
 * its licence's node count rather than queue them).
 *
 * <p>Shared by the runs outside a booking ({@link dev.labforge.booking.adhoc.AdHocRunResize}) and the booked ones
 * ({@link dev.labforge.booking.practice.BookedRunResize}).
 * The edit's transaction holds the pool's row lock for the check, as every writer of the ledger does.
 */
@Component
public class RunResize {

    /**
     * A reservation a running lab holds capacity by until {@code end}: all of it the lab's, or ({@code shared}) one
     * run's share of a class session's reservation for all its seats.
     */
    public record Held(UUID reservationId, Instant end, boolean shared) {
    }

    private final CapacityLedger ledger;
    private final TemplateDemand demand;
    private final ObjectProvider<LabRunner> runner; // the runner asks the lab module's guards: not at construction

    RunResize(CapacityLedger ledger, TemplateDemand demand, ObjectProvider<LabRunner> runner) {
        this.ledger = ledger;
        this.demand = demand;
        this.runner = runner;
    }

    /**
     * Makes {@code held} hold what {@code next} takes from {@code now}, or refuses; the reservation's id from now
     * on (the same when nothing changes, or when its end is due).
     */
    public UUID resize(LabDefinition current, Topology next, Held held, Instant now) {
        if (held.reservationId() == null || !now.isBefore(held.end())) {
            return held.reservationId(); // its end is due: its reconciler ends it
        }
        Demand reserved = ledger.find(held.reservationId()).map(CapacityLedger.Reservation::demand).orElse(null);
        if (reserved == null) {
            return held.reservationId();
        }
        Demand was = held.shared() ? demand.of(current.topology()) : reserved;
        Demand is = demand.of(next);
        Demand target = held.shared() ? reserved.withShare(was, is) : is;
        if (target.equals(reserved)) {
            return held.reservationId();
        }
        UUID resized;
        try {
            resized = ledger.resize(held.reservationId(), now, target);
        } catch (CapacityExhausted short_) {
            throw short_.inRunningLab(current.id(), held.end());
        }
        runner.getObject().note(current.id(), "RunResized", "the running lab's reservation now holds " + is.vcpus()
                + " vCPUs, " + is.memoryMib() + " MiB and " + is.nodes() + " router VMs (was " + was.vcpus() + ", "
                + was.memoryMib() + " and " + was.nodes() + ") until " + held.end()
                + (held.shared() ? ", within its class session's reservation" : ""));
        return resized;
    }
}
