package dev.labforge.booking.course;

import dev.labforge.booking.capacity.CapacityExhausted;
import dev.labforge.booking.capacity.CapacityLedger;
import dev.labforge.booking.capacity.Demand;
import dev.labforge.booking.capacity.TemplateDemand;
import dev.labforge.booking.timetable.Booking;
import dev.labforge.booking.timetable.Bookings;
import dev.labforge.booking.timetable.ClassSession;
import dev.labforge.booking.timetable.ClassSessions;
import dev.labforge.lab.LabDefinitions;
import dev.labforge.lab.LabRunner;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A student who joins a course while one of its class sessions is seated (in its lead time or running) gets a lab
 * for it too, if capacity allows: a seat the occurrence's reservation holds and no booking uses (a student dropped,
 * or seats booked beyond the roster), or else a reservation of their own from now to the occurrence's end, which
 * the pool must have room for. When it has none, the student joins from the next occurrence, and their lab's event
 * log (and the service's log) says why. Without this a student added at 09:05 would wait a week for the class.
 *
 * <p>Runs in the enrolment's transaction, under the course's row lock; it locks the occurrences under way, so a
 * seating by the booking reconciler and a student joining never miss each other: whichever comes second sees the
 * other (a seating not yet done includes the student once they are on the roster).
 */
@Component
class LateSeats {

    private static final Logger log = LoggerFactory.getLogger(LateSeats.class);

    private final ClassSessions sessions;
    private final Bookings bookings;
    private final CapacityLedger ledger;
    private final LabDefinitions labs;
    private final TemplateDemand demand;
    private final ObjectProvider<LabRunner> runner; // the runner asks the lab module's guards: not at construction
    private final Clock clock;

    LateSeats(ClassSessions sessions, Bookings bookings, CapacityLedger ledger, LabDefinitions labs,
              TemplateDemand demand, ObjectProvider<LabRunner> runner, Clock clock) {
        this.sessions = sessions;
        this.bookings = bookings;
        this.ledger = ledger;
        this.labs = labs;
        this.demand = demand;
        this.runner = runner;
        this.clock = clock;
    }

    /** Seats the student, just enrolled with their lab, in every occurrence of the course under way. */
    void seat(Course course, UUID userId, String username, UUID labId) {
        Instant now = clock.instant();
        for (ClassSession.Occurrence o : sessions.lockUnderway(course.id(), now)) {
            if (o.seatedAt() == null) {
                continue; // its seating, still to come, takes the roster as it is then: the student included
            }
            Instant start = o.start().isAfter(now) ? o.start() : now;
            String which = "occurrence " + o.seq() + " of class session " + o.sessionId() + " (" + o.start() + " to "
                    + o.end() + ")";
            if (!bookings.overlapping(course.id(), userId, start, o.end()).isEmpty()) {
                continue; // their own booking runs then already
            }
            UUID id = UUID.randomUUID();
            UUID reservation = null;
            String how = "on a free seat of its reservation";
            if (bookings.seatsTaken(o, now) >= sessions.seats(o.sessionId())) {
                Demand needs = demand.of(labs.find(labId).orElseThrow().topology());
                try {
                    reservation = ledger.reserve(course.poolId(), now, o.end(), needs, "booking:" + id);
                    how = "on capacity reserved for it until " + o.end();
                } catch (CapacityExhausted short_) {
                    String why = username + " joined course '" + course.name() + "' during " + which + ", which has"
                            + " no free seat, and its pool cannot take one more run: " + short_.getMessage()
                            + ". They join from the next occurrence";
                    log.info(why);
                    runner.getObject().note(labId, "ClassSeatRefused", why);
                    continue;
                }
            }
            bookings.insert(new Booking(id, course.id(), userId, labId, reservation, start, o.end(), now, 0, null,
                    null, null, now, o.id(), 0));
            String what = username + " joined course '" + course.name() + "' during " + which + " and has a lab for"
                    + " it from now, " + how + " (booking " + id + ")";
            log.info(what);
            runner.getObject().note(labId, "ClassSeated", what);
        }
    }
}
