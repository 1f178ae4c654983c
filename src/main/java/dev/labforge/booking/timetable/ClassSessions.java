package dev.labforge.booking.timetable;

import dev.labforge.booking.capacity.CapacityLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The class_sessions and session_occurrences tables. */
@Component
public class ClassSessions {

    private static final String SESSION = "select id, course_id, first_start, duration_minutes, recurrence, seats,"
            + " created_by, created_at, cancelled_at from class_sessions";
    private static final String OCCURRENCE = "select id, session_id, course_id, seq, starts_at, ends_at, lab_from,"
            + " reservation_id, seated_at, cancelled_at from session_occurrences";

    private final JdbcClient jdbc;

    ClassSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ClassSession session) {
        jdbc.sql("""
                        insert into class_sessions (id, course_id, first_start, duration_minutes, recurrence, seats,
                            created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(session.id(), session.courseId(), CapacityLedger.utc(session.firstStart()),
                        (int) session.duration().toMinutes(), session.recurrence(), session.seats(),
                        session.createdBy(), CapacityLedger.utc(session.createdAt()))
                .update();
    }

    public void insert(ClassSession.Occurrence o) {
        jdbc.sql("""
                        insert into session_occurrences (id, session_id, course_id, seq, starts_at, ends_at, lab_from,
                            reservation_id) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(o.id(), o.sessionId(), o.courseId(), o.seq(), CapacityLedger.utc(o.start()),
                        CapacityLedger.utc(o.end()), CapacityLedger.utc(o.labFrom()), o.reservationId())
                .update();
    }

    public Optional<ClassSession> find(UUID courseId, UUID id) {
        return jdbc.sql(SESSION + " where course_id = ? and id = ?").params(courseId, id)
                .query((rs, row) -> session(rs)).optional();
    }

    /** Locks the session's row: cancellations of one series run one after another. */
    public Optional<ClassSession> lock(UUID courseId, UUID id) {
        return jdbc.sql(SESSION + " where course_id = ? and id = ? for update").params(courseId, id)
                .query((rs, row) -> session(rs)).optional();
    }

    public List<ClassSession> of(UUID courseId) {
        return jdbc.sql(SESSION + " where course_id = ? order by first_start, id").param(courseId)
                .query((rs, row) -> session(rs)).list();
    }

    public List<ClassSession.Occurrence> occurrences(UUID sessionId) {
        return jdbc.sql(OCCURRENCE + " where session_id = ? order by seq").param(sessionId)
                .query((rs, row) -> occurrence(rs)).list();
    }

    /** The course's live occurrences over {@code [from, to)}, all sessions, in time order. */
    public List<ClassSession.Occurrence> overlapping(UUID courseId, Instant from, Instant to) {
        return jdbc.sql(OCCURRENCE + " where course_id = ? and cancelled_at is null and starts_at < ? and ends_at > ?"
                        + " order by starts_at")
                .params(courseId, CapacityLedger.utc(to), CapacityLedger.utc(from))
                .query((rs, row) -> occurrence(rs)).list();
    }

    /**
     * The occurrence, locked; empty when another transaction holds it (cancelling it, or a lab edit resizing its
     * reservation): for callers that hold one of its bookings already, where waiting could close a circle.
     */
    public Optional<ClassSession.Occurrence> lockOccurrenceIfFree(UUID id) {
        return jdbc.sql(OCCURRENCE + " where id = ? for update skip locked").param(id)
                .query((rs, row) -> occurrence(rs)).optional();
    }

    public void moveReservation(UUID occurrenceId, UUID reservationId) {
        jdbc.sql("update session_occurrences set reservation_id = ? where id = ?").params(reservationId, occurrenceId)
                .update();
    }

    /**
     * The course's occurrences under way at {@code now} (seated, or due to be: their lead time has come) and not
     * over, locked: a student joining waits for a seating in progress, and a seating for the student joining.
     */
    public List<ClassSession.Occurrence> lockUnderway(UUID courseId, Instant now) {
        return jdbc.sql(OCCURRENCE + " where course_id = ? and cancelled_at is null and ends_at > ?"
                        + " and (seated_at is not null or lab_from <= ?) order by starts_at for update")
                .params(courseId, CapacityLedger.utc(now), CapacityLedger.utc(now))
                .query((rs, row) -> occurrence(rs)).list();
    }

    /** The occurrence, locked. */
    public Optional<ClassSession.Occurrence> lockOccurrence(UUID sessionId, int seq) {
        return jdbc.sql(OCCURRENCE + " where session_id = ? and seq = ? for update").params(sessionId, seq)
                .query((rs, row) -> occurrence(rs)).optional();
    }

    public void cancelSession(UUID id, Instant now) {
        jdbc.sql("update class_sessions set cancelled_at = ? where id = ?").params(CapacityLedger.utc(now), id)
                .update();
    }

    public void cancelOccurrence(UUID id, Instant now) {
        jdbc.sql("update session_occurrences set cancelled_at = ? where id = ?").params(CapacityLedger.utc(now), id)
                .update();
    }

    public int seats(UUID sessionId) {
        return jdbc.sql("select seats from class_sessions where id = ?").param(sessionId).query(Integer.class).single();
    }

    /** Occurrences whose lead time has come and whose roster is not seated yet, earliest first. */
    public List<UUID> dueForSeating(Instant now, int limit) {
        return jdbc.sql("""
                        select id from session_occurrences
                        where seated_at is null and cancelled_at is null and lab_from <= ? and ends_at > ?
                        order by lab_from, id limit ?""")
                .params(CapacityLedger.utc(now), CapacityLedger.utc(now), limit).query(UUID.class).list();
    }

    /** The occurrence, locked, if no other transaction holds it and it still needs seating. */
    public Optional<ClassSession.Occurrence> lockForSeating(UUID id) {
        return jdbc.sql(OCCURRENCE + " where id = ? and seated_at is null and cancelled_at is null"
                        + " for update skip locked")
                .param(id).query((rs, row) -> occurrence(rs)).optional();
    }

    public void markSeated(UUID id, Instant now) {
        jdbc.sql("update session_occurrences set seated_at = ? where id = ?").params(CapacityLedger.utc(now), id)
                .update();
    }

    /** The next lead time after {@code now} of an occurrence still to seat. */
    public Optional<Instant> nextSeating(Instant now) {
        return jdbc.sql("select min(lab_from) from session_occurrences where seated_at is null and cancelled_at is null"
                        + " and lab_from > ?")
                .param(CapacityLedger.utc(now)).query((rs, row) -> instant(rs, 1)).optional()
                .filter(java.util.Objects::nonNull);
    }

    private static ClassSession session(ResultSet rs) throws SQLException {
        return new ClassSession(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), instant(rs, 3),
                Duration.ofMinutes(rs.getInt(4)), rs.getString(5), rs.getInt(6), rs.getObject(7, UUID.class),
                instant(rs, 8), instant(rs, 9));
    }

    private static ClassSession.Occurrence occurrence(ResultSet rs) throws SQLException {
        return new ClassSession.Occurrence(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class), rs.getInt(4), instant(rs, 5), instant(rs, 6), instant(rs, 7),
                rs.getObject(8, UUID.class), instant(rs, 9), instant(rs, 10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
