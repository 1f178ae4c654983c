package dev.labforge.booking;

import java.time.Instant;
import java.util.UUID;

/** A student's practice slot on their lab; {@code reservationId} holds its capacity until it is cancelled. */
record Booking(UUID id, UUID courseId, UUID userId, UUID labId, UUID reservationId, Instant start, Instant end,
               int extensions, Instant cancelledAt, Instant createdAt) {

    boolean cancelled() {
        return cancelledAt != null;
    }

    /** Booked, cancelled, or over: as of {@code now}. */
    String state(Instant now) {
        if (cancelled()) {
            return "cancelled";
        }
        if (!now.isBefore(end)) {
            return "ended";
        }
        return now.isBefore(start) ? "booked" : "active";
    }
}
