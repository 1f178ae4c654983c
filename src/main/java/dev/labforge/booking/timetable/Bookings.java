package dev.labforge.booking.timetable;

import dev.labforge.booking.capacity.CapacityLedger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The bookings table, and the ledger changes that go with a booking's end moving. */
@Component
public class Bookings {

    private static final String COLUMNS = "select id, course_id, user_id, lab_id, reservation_id, starts_at, ends_at,"
            + " lab_from, extensions, cancelled_at, started_at, finished_at, created_at, occurrence_id, warnings_sent from bookings";

    private final JdbcClient jdbc;
    private final CapacityLedger ledger;

    Bookings(JdbcClient jdbc, CapacityLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    public void insert(Booking booking) {
        jdbc.sql("""
                        insert into bookings (id, course_id, user_id, lab_id, reservation_id, starts_at, ends_at,
                            lab_from, extensions, created_at, occurrence_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(booking.id(), booking.courseId(), booking.userId(), booking.labId(), booking.reservationId(),
                        CapacityLedger.utc(booking.start()), CapacityLedger.utc(booking.end()),
                        CapacityLedger.utc(booking.labFrom()), CapacityLedger.utc(booking.createdAt()),
                        booking.occurrenceId())
                .update();
    }

    public Optional<Booking> find(UUID id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query((rs, row) -> booking(rs)).optional();
    }

    /** The booking's row, locked until the transaction ends. */
    public Optional<Booking> lock(UUID id) {
        return jdbc.sql(COLUMNS + " where id = ? for update").param(id).query((rs, row) -> booking(rs)).optional();
    }

    public List<Booking> of(UUID userId, int limit) {
        return jdbc.sql(COLUMNS + " where user_id = ? order by starts_at desc, id limit ?").params(userId, limit)
                .query((rs, row) -> booking(rs)).list();
    }

    /** The user's live bookings in the course that overlap {@code [from, to)}. */
    public List<Booking> overlapping(UUID courseId, UUID userId, Instant from, Instant to) {
        return jdbc.sql(COLUMNS + " where course_id = ? and user_id = ? and cancelled_at is null"
                        + " and starts_at < ? and ends_at > ? order by starts_at")
                .params(courseId, userId, CapacityLedger.utc(to), CapacityLedger.utc(from))
                .query((rs, row) -> booking(rs)).list();
    }

    /**
     * Moves the booking's end to {@code newEnd}: its own reservation grows, or, for a booking whose
     * capacity is its class session's, {@code reserveExtra} reserves the time added.
     */
    public void extend(Booking booking, Instant newEnd, java.util.function.Supplier<UUID> reserveExtra) {
        UUID reservation = booking.reservationId();
        if (reservation != null) {
            ledger.extend(reservation, newEnd);
        } else {
            reservation = reserveExtra.get();
        }
        jdbc.sql("update bookings set ends_at = ?, extensions = extensions + 1, reservation_id = ?, warnings_sent = 0"
                        + " where id = ?")
                .params(CapacityLedger.utc(newEnd), reservation, booking.id()).update();
    }

    /**
     * Seats an occurrence: one booking for each student on the roster who has a lab, up to {@code seats},
     * longest enrolled first, their starts {@code gap} apart from the occurrence's lead time (the start
     * rate); a student whose own booking overlaps already is left out (the exclusion
     * constraint decides, so no race can give them two). Their capacity is the occurrence's reservation.
     *
     * @return how many were seated
     */
    public int seat(ClassSession.Occurrence occurrence, int seats, java.time.Duration gap, Instant now) {
        return jdbc.sql("""
                        insert into bookings (id, course_id, user_id, lab_id, reservation_id, starts_at, ends_at,
                            lab_from, extensions, created_at, occurrence_id)
                        select gen_random_uuid(), s.course_id, s.user_id, s.lab_id, null, :start, :end,
                            least(:from + make_interval(secs => s.i * :gap), :start), 0, :now, :occurrence
                        from (select m.course_id, m.user_id, m.lab_id,
                                  row_number() over (order by m.added_at, m.user_id) - 1 as i
                              from course_members m where m.course_id = :course and m.role = 'student'
                                  and m.lab_id is not null
                              order by m.added_at, m.user_id limit :seats) s
                        on conflict do nothing""")
                .param("gap", gap.toMillis() / 1000.0)
                .param("start", CapacityLedger.utc(occurrence.start())).param("end", CapacityLedger.utc(occurrence.end()))
                .param("from", CapacityLedger.utc(occurrence.labFrom())).param("now", CapacityLedger.utc(now))
                .param("occurrence", occurrence.id()).param("course", occurrence.courseId()).param("seats", seats)
                .update();
    }

    /**
     * How many of the occurrence's seats are taken at {@code now}: its bookings not over that run on its
     * reservation (a late seat with a reservation of its own takes none; an extension's reservation starts at the
     * occurrence's end, so the booking it extends still holds its seat until then).
     */
    public int seatsTaken(ClassSession.Occurrence occurrence, Instant now) {
        return jdbc.sql("""
                        select count(*) from bookings b left join capacity_reservations r on r.id = b.reservation_id
                        where b.occurrence_id = ? and b.cancelled_at is null and b.ends_at > ?
                            and (r.id is null or lower(r.during) >= ?)""")
                .params(occurrence.id(), CapacityLedger.utc(now), CapacityLedger.utc(occurrence.end()))
                .query(Integer.class).single();
    }

    /** The occurrence's live bookings, locked. */
    public List<Booking> lockOfOccurrence(UUID occurrenceId) {
        return jdbc.sql(COLUMNS + " where occurrence_id = ? and cancelled_at is null order by user_id for update")
                .param(occurrenceId).query((rs, row) -> booking(rs)).list();
    }

    /** The course's practice bookings over {@code [from, to)} whose lab was not started yet, locked. */
    public List<Booking> lockUnstartedPractice(UUID courseId, Instant from, Instant to) {
        return jdbc.sql(COLUMNS + " where course_id = ? and occurrence_id is null and cancelled_at is null"
                        + " and started_at is null and starts_at < ? and ends_at > ? order by id for update")
                .params(courseId, CapacityLedger.utc(to), CapacityLedger.utc(from)).query((rs, row) -> booking(rs))
                .list();
    }

    /**
     * Whether another live booking of the lab holds it at {@code now} (it is in its lead time or
     * running): ending one booking must not stop the lab the next one has started already.
     */
    public boolean labHeldByAnother(UUID labId, UUID bookingId, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from bookings where lab_id = ? and id <> ? and cancelled_at is null
                            and lab_from <= ? and ends_at > ?)""")
                .params(labId, bookingId, CapacityLedger.utc(now), CapacityLedger.utc(now)).query(Boolean.class)
                .single();
    }

    /**
     * Cancels the booking as of {@code now}: one not started yet is cancelled and its capacity
     * released (a lab already started in its lead time gets the end action, see {@link Booking#duty});
     * one running ends now, and its reservation with it.
     */
    public void cancel(Booking booking, Instant now) {
        if (!now.isAfter(booking.start())) { // not begun: cancelled whole (a run of no length is none)
            jdbc.sql("update bookings set cancelled_at = ?, reservation_id = null where id = ?")
                    .params(CapacityLedger.utc(now), booking.id()).update();
            if (booking.reservationId() != null) {
                ledger.release(booking.reservationId());
            }
        } else if (now.isBefore(booking.end())) {
            jdbc.sql("update bookings set ends_at = ? where id = ?").params(CapacityLedger.utc(now), booking.id())
                    .update();
            if (booking.reservationId() != null) {
                ledger.shorten(booking.reservationId(), now);
            }
        }
    }

    /**
     * The bookings whose lab is due to start, whose end action is due, or whose next end-of-slot warning
     * ({@code warn}: seconds before the end, longest first) is due at {@code now}, earliest first.
     */
    public List<UUID> due(Instant now, long[] warn, int limit) {
        return jdbc.sql("""
                        select id from bookings
                        where finished_at is null and lab_from <= :now
                        and (ends_at <= :now or started_at is null or cancelled_at is not null
                             or ends_at - make_interval(secs => (cast(:warn as bigint[]))[warnings_sent + 1]) <= :now)
                        and not (cancelled_at is not null and started_at is null)
                        order by lab_from, id limit :limit""")
                .param("now", CapacityLedger.utc(now)).param("warn", boxed(warn)).param("limit", limit)
                .query(UUID.class).list();
    }

    public void markWarned(UUID id, int warnings) {
        jdbc.sql("update bookings set warnings_sent = ? where id = ?").params(warnings, id).update();
    }

    private static Long[] boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Long[]::new);
    }

    /** The booking, locked; empty if another transaction holds it (it is acting on it): two never act at once. */
    public Optional<Booking> lockIfFree(UUID id) {
        return jdbc.sql(COLUMNS + " where id = ? for update skip locked").param(id).query((rs, row) -> booking(rs))
                .optional();
    }

    /** The next instant after {@code now} at which a booking's lab is due to start, a warning or its end action. */
    public Optional<Instant> nextDue(Instant now, long[] warn) {
        return jdbc.sql("""
                        with next as (select started_at, lab_from, ends_at, ends_at - make_interval(secs =>
                                (cast(:warn as bigint[]))[warnings_sent + 1]) as warn_at
                            from bookings where finished_at is null and cancelled_at is null and ends_at > :now)
                        select min(case when started_at is null and lab_from > :now then lab_from
                            else least(ends_at, case when warn_at > :now then warn_at end) end) from next""")
                .param("now", CapacityLedger.utc(now)).param("warn", boxed(warn))
                .query((rs, row) -> instant(rs, 1)).optional()
                .filter(java.util.Objects::nonNull);
    }

    /** The bookings that run the lab now (started for it, not ended), earliest first. */
    public List<UUID> runningOn(UUID labId, Instant now) {
        return jdbc.sql("""
                        select id from bookings where lab_id = ? and started_at is not null and finished_at is null
                            and cancelled_at is null and ends_at > ? order by starts_at, id""")
                .params(labId, CapacityLedger.utc(now)).query(UUID.class).list();
    }

    public void moveReservation(UUID bookingId, UUID reservationId) {
        jdbc.sql("update bookings set reservation_id = ? where id = ?").params(reservationId, bookingId).update();
    }

    /** Whether a booking runs the lab now (started for it, not ended). */
    public boolean running(UUID labId, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from bookings where lab_id = ? and started_at is not null
                            and finished_at is null and cancelled_at is null and ends_at > ?)""")
                .params(labId, CapacityLedger.utc(now)).query(Boolean.class).single();
    }

    /** Bookings whose lab was started and has not been seen ready yet: (booking, lab, started at). */
    public List<Object[]> awaitingReady(int limit) {
        return jdbc.sql("""
                        select id, lab_id, started_at from bookings where started_at is not null and ready_at is null
                        and finished_at is null and cancelled_at is null order by started_at limit ?""")
                .param(limit).query((rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        instant(rs, 3)}).list();
    }

    public void markReady(UUID id, Instant now) {
        jdbc.sql("update bookings set ready_at = ? where id = ?").params(CapacityLedger.utc(now), id).update();
    }

    public void markStarted(UUID id, Instant now) {
        jdbc.sql("update bookings set started_at = ? where id = ?").params(CapacityLedger.utc(now), id).update();
    }

    public void markFinished(UUID id, Instant now) {
        jdbc.sql("update bookings set finished_at = ? where id = ?").params(CapacityLedger.utc(now), id).update();
    }

    /** Cancels every booking of the user in the course that has not ended (they left the course). */
    public void cancelFutureOf(UUID courseId, UUID userId, Instant now) {
        jdbc.sql(COLUMNS + " where course_id = ? and user_id = ? and cancelled_at is null and ends_at > ? for update")
                .params(courseId, userId, CapacityLedger.utc(now)).query((rs, row) -> booking(rs)).list()
                .forEach(booking -> cancel(booking, now));
    }

    private static Booking booking(ResultSet rs) throws SQLException {
        return new Booking(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), instant(rs, 6), instant(rs, 7),
                instant(rs, 8), rs.getInt(9), instant(rs, 10), instant(rs, 11), instant(rs, 12), instant(rs, 13),
                rs.getObject(14, UUID.class), rs.getInt(15));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
