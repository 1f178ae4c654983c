package dev.labforge.booking.timetable;

import java.time.Instant;
import java.util.UUID;

/**
 * A student's practice slot on their lab; {@code reservationId} holds its capacity from {@code labFrom}
 * (the start less the lead time) until it is cancelled.
 *
 * @param startedAt  when the booking reconciler started the lab for it
 * @param finishedAt when the booking reconciler applied the course's end action (or found nothing to do)
 * @param warningsSent how many end-of-slot warnings were written for its current end
 * @param occurrenceId the class session occurrence it seats the student in; null for practice time
 */
public record Booking(UUID id, UUID courseId, UUID userId, UUID labId, UUID reservationId, Instant start, Instant end,
               Instant labFrom, int extensions, Instant cancelledAt, Instant startedAt, Instant finishedAt,
               Instant createdAt, UUID occurrenceId, int warningsSent) {

    /** What the booking reconciler owes this booking at {@code now}. */
    public enum Duty {
        /** Nothing yet, or nothing any more. */
        NONE,
        /** Start the lab: it must be ready at the start. */
        START,
        /** Apply the course's end action to the lab it started. */
        END,
        /** Over without the lab having been started for it: only record that it is done. */
        CLOSE,
        /** Running, and its end is as near as a warning threshold: tell the lab's event log. */
        WARN
    }

    /** {@link #duty(Instant)}, with end-of-slot warnings at these distances before the end (longest first). */
    public Duty duty(Instant now, java.util.List<java.time.Duration> warnBefore) {
        Duty duty = duty(now);
        if (duty == Duty.NONE && startedAt != null && !cancelled() && finishedAt == null && now.isBefore(end)
                && warningsDue(now, warnBefore) > warningsSent) {
            return Duty.WARN;
        }
        return duty;
    }

    /** How many of the thresholds {@code now} has passed. */
    public int warningsDue(Instant now, java.util.List<java.time.Duration> warnBefore) {
        int due = 0;
        for (java.time.Duration before : warnBefore) {
            due += now.isBefore(end.minus(before)) ? 0 : 1;
        }
        return due;
    }

    /** Follows from the row and the time alone, so a pass after a restart decides as one before it. */
    Duty duty(Instant now) {
        if (finishedAt != null) {
            return Duty.NONE;
        }
        if (cancelled()) { // cancelled in the lead time, after its lab was started: stop it again
            return startedAt != null ? Duty.END : Duty.NONE;
        }
        if (!now.isBefore(end)) {
            return startedAt != null ? Duty.END : Duty.CLOSE;
        }
        return !now.isBefore(labFrom) && startedAt == null ? Duty.START : Duty.NONE;
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** Booked, cancelled, or over: as of {@code now}. */
    public String state(Instant now) {
        if (cancelled()) {
            return "cancelled";
        }
        if (!now.isBefore(end)) {
            return "ended";
        }
        return now.isBefore(start) ? "booked" : "active";
    }
}
