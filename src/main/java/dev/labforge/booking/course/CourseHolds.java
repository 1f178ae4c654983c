package dev.labforge.booking.course;

import dev.labforge.booking.capacity.CapacityLedger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What of a course holds capacity in its pool now or later: bookings not over (or whose lab still runs), class
 * session occurrences not over, runs of its students' labs started outside a booking. A change of the course's
 * pool is refused while any exists, a change of its time zone while class sessions do; the refusal names them.
 */
@Component
class CourseHolds {

    /** One thing that holds capacity: what it is, named for a person, and its time. */
    record Hold(Kind kind, UUID id, Instant start, Instant end, int seq) {

        enum Kind { BOOKING, OCCURRENCE, RUN }

        String describe() {
            return switch (kind) {
                case BOOKING -> "booking " + id + " (" + start + " to " + end + ")";
                case OCCURRENCE -> "occurrence " + seq + " of class session " + id + " (" + start + " to " + end + ")";
                case RUN -> "the run of lab " + id + " started outside a booking (until " + end + ")";
            };
        }
    }

    private final JdbcClient jdbc;

    CourseHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Everything of the course that holds capacity at or after {@code now}, earliest first. */
    List<Hold> of(UUID courseId, Instant now) {
        return jdbc.sql("""
                        select 'BOOKING', id, starts_at, ends_at, 0 from bookings
                        where course_id = :course and cancelled_at is null
                            and (ends_at > :now or (started_at is not null and finished_at is null))
                        union all
                        select 'OCCURRENCE', session_id, starts_at, ends_at, seq from session_occurrences
                        where course_id = :course and cancelled_at is null and ends_at > :now
                        union all
                        select 'RUN', r.lab_id, r.started_at, r.ends_at, 0 from ad_hoc_runs r
                        join course_members m on m.lab_id = r.lab_id
                        where m.course_id = :course and r.finished_at is null
                        order by 3, 2""")
                .param("course", courseId).param("now", CapacityLedger.utc(now))
                .query((rs, row) -> new Hold(Hold.Kind.valueOf(rs.getString(1)), rs.getObject(2, UUID.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5)))
                .list();
    }
}
