package dev.labforge.booking.practice;

import dev.labforge.api.Conflict;
import dev.labforge.booking.capacity.RunResize;
import dev.labforge.booking.timetable.Booking;
import dev.labforge.booking.timetable.Bookings;
import dev.labforge.booking.timetable.BriefRetry;
import dev.labforge.booking.timetable.ClassSession;
import dev.labforge.booking.timetable.ClassSessions;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabEditGuard;
import dev.labforge.topology.Topology;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A lab running for a booking whose topology changes holds what the new topology takes until the booking's end, or
 * the edit is refused ({@link RunResize}). A practice booking's reservation is the lab's own; a class session's
 * booking runs on one seat of the occurrence's reservation, which changes by what the lab's run changes (and by the
 * booking's own reservation too, where an extension or a late seat gave it one).
 *
 * <p>Rows are locked without waiting: the edit may hold the lab's locks, which the booking reconciler takes after
 * the booking's row, and cancelling an occurrence takes its row before its bookings'. A row still held elsewhere after
 * a moment's tries ({@link BriefRetry}) is a 409 to send again, not a wait that could close a circle.
 */
@Component
class BookedRunResize implements LabEditGuard {

    private final Bookings bookings;
    private final ClassSessions sessions;
    private final RunResize resize;
    private final Clock clock;

    BookedRunResize(Bookings bookings, ClassSessions sessions, RunResize resize, Clock clock) {
        this.bookings = bookings;
        this.sessions = sessions;
        this.resize = resize;
        this.clock = clock;
    }

    @Override
    public void beforeRedefine(LabDefinition current, Topology next) {
        Instant now = clock.instant();
        for (UUID id : bookings.runningOn(current.id(), now)) {
            Booking booking = BriefRetry.lock(() -> bookings.lockIfFree(id))
                    .orElseThrow(() -> busy(current, "booking " + id));
            if (booking.occurrenceId() != null) {
                ClassSession.Occurrence o = BriefRetry.lock(
                                () -> sessions.lockOccurrenceIfFree(booking.occurrenceId()))
                        .orElseThrow(() -> busy(current, "its class session"));
                if (o.cancelledAt() == null && now.isBefore(booking.end())) {
                    // the seat is the occurrence's until the occurrence's end; an extension's own reservation after
                    Instant seatEnd = booking.end().isBefore(o.end()) ? booking.end() : o.end();
                    UUID moved = resize.resize(current, next, new RunResize.Held(o.reservationId(), seatEnd, true),
                            now);
                    if (moved != null && !moved.equals(o.reservationId())) {
                        sessions.moveReservation(o.id(), moved);
                    }
                }
            }
            UUID own = resize.resize(current, next, new RunResize.Held(booking.reservationId(), booking.end(), false),
                    now);
            if (own != null && !own.equals(booking.reservationId())) {
                bookings.moveReservation(booking.id(), own);
            }
        }
    }

    private static Conflict busy(LabDefinition lab, String what) {
        return new Conflict("lab " + lab.id() + " runs for a booking and " + what + " is being started, extended or"
                + " ended right now; send the edit again in a moment");
    }
}
