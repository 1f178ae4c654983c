package dev.labforge.booking.practice;

import dev.labforge.api.InvalidField;
import dev.labforge.booking.capacity.CapacityLedger;
import dev.labforge.booking.course.Course;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The practice time a student may book per week: Monday 00:00 to Monday 00:00 in the course's time
 * zone, so a week around a daylight-saving change is 167 or 169 hours long, as the students live it.
 * A slot across midnight on Sunday counts in each week for its part in it. The caller holds the
 * member's row lock, so two bookings of one student are never counted at once.
 */
@Component
class WeeklyAllowance {

    private final JdbcClient jdbc;

    WeeklyAllowance(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rule broken by booking {@code [start, end)} on top of what the student has booked, if any. */
    Optional<InvalidField> check(Course course, UUID userId, Instant start, Instant end, String pointer) {
        for (ZonedDateTime week = weekOf(course, start); week.toInstant().isBefore(end); week = week.plusWeeks(1)) {
            Instant from = week.toInstant();
            Instant to = week.plusWeeks(1).toInstant();
            Duration wanted = overlap(start, end, from, to);
            Duration booked = booked(course.id(), userId, from, to);
            if (booked.plus(wanted).compareTo(course.weeklyAllowance()) > 0) {
                return Optional.of(InvalidField.rule(pointer, "weekly-allowance", "in the week from "
                        + week.toLocalDate() + " (" + course.zone().getId() + ") you have " + booked.toMinutes()
                        + " of " + course.weeklyAllowance().toMinutes() + " minutes booked; this needs "
                        + wanted.toMinutes() + " more"));
            }
        }
        return Optional.empty();
    }

    private static ZonedDateTime weekOf(Course course, Instant instant) {
        return instant.atZone(course.zone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(course.zone());
    }

    private Duration booked(UUID courseId, UUID userId, Instant from, Instant to) {
        Long seconds = jdbc.sql("""
                        select coalesce(sum(extract(epoch from least(ends_at, :to) - greatest(starts_at, :from))), 0)::bigint
                        from bookings where course_id = :course and user_id = :user and cancelled_at is null
                        and starts_at < :to and ends_at > :from""")
                .param("to", CapacityLedger.utc(to)).param("from", CapacityLedger.utc(from)).param("course", courseId)
                .param("user", userId).query(Long.class).single();
        return Duration.ofSeconds(seconds);
    }

    private static Duration overlap(Instant start, Instant end, Instant from, Instant to) {
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }
}
