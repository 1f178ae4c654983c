package dev.labforge.booking.timetable;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A class session an instructor booked for the course's roster: once, or recurring by an RFC 5545 rule.
 *
 * @param seats how many students' labs each occurrence holds capacity for (the roster's students when
 *              booked, unless the instructor named a number)
 */
public record ClassSession(UUID id, UUID courseId, Instant firstStart, Duration duration, String recurrence, int seats,
                    UUID createdBy, Instant createdAt, Instant cancelledAt) {

    /** One occurrence: its capacity is {@code reservationId}, from {@code labFrom} to {@code end}. */
    public record Occurrence(UUID id, UUID sessionId, UUID courseId, int seq, Instant start, Instant end, Instant labFrom,
                      UUID reservationId, Instant seatedAt, Instant cancelledAt) {

        public String state(Instant now) {
            if (cancelledAt != null) {
                return "cancelled";
            }
            if (!now.isBefore(end)) {
                return "ended";
            }
            return now.isBefore(start) ? "booked" : "active";
        }
    }
}
