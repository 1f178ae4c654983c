package dev.labforge.booking.course;

import dev.labforge.booking.timetable.BookingProperties;
import dev.labforge.booking.timetable.ExtensionRules;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A course: its template lab, the pool its students' runs reserve from, and the rules for their
 * practice time.
 *
 * @param maxSlot         the longest practice slot a student may book
 * @param bookingWindow   how far ahead a student may book
 * @param weeklyAllowance practice time per student and week (Monday to Monday in {@code zone})
 * @param consoleTranscripts whether the consoles of the students' labs are transcribed
 * @param maxExtensions   how often one booking, or one run of a student's lab outside a booking, may be extended;
 *                        null: the service's default ({@link ExtensionRules})
 * @param extendWithin    how close to its end a booking (or such a run) may be extended; null: the service's default
 * @param version         counts changes of its settings: the ETag that If-Match compares
 */
public record Course(UUID id, String name, String title, UUID templateLabId, UUID poolId, Duration maxSlot,
              Duration bookingWindow, Duration weeklyAllowance, EndAction endAction, ZoneId zone, String joinCode,
              UUID createdBy, Instant createdAt, boolean consoleTranscripts, Integer maxExtensions,
              Duration extendWithin, long version) {

    /** The extension rules in force: the course's own where it sets them, else the service's {@code defaults}. */
    public ExtensionRules extensionRules(BookingProperties defaults) {
        return ExtensionRules.of(name, maxExtensions, extendWithin, defaults);
    }
}
