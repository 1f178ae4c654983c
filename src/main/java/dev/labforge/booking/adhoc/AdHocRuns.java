package dev.labforge.booking.adhoc;

import static dev.labforge.booking.capacity.CapacityLedger.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ad_hoc_runs table. */
@Component
class AdHocRuns {

    private static final String COLUMNS = "select id, lab_id, user_id, pool_id, reservation_id, started_at, ends_at,"
            + " extensions, warnings_sent, finished_at from ad_hoc_runs";

    /**
     * When an open run's next duty falls: the warning after those sent ({@code warnings_sent} indexes the
     * thresholds, longest first), or its end once all went out.
     */
    private static final String DUE_AT = "(case when warnings_sent < coalesce(array_length(cast(:warn as bigint[]), 1), 0)"
            + " then ends_at - make_interval(secs => (cast(:warn as bigint[]))[warnings_sent + 1]) else ends_at end)";

    private final JdbcClient jdbc;

    AdHocRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AdHocRun insert(UUID labId, UUID userId, UUID poolId, UUID reservationId, Instant start, Instant end) {
        AdHocRun run = new AdHocRun(UUID.randomUUID(), labId, userId, poolId, reservationId, start, end, 0, 0, null);
        jdbc.sql("""
                        insert into ad_hoc_runs (id, lab_id, user_id, pool_id, reservation_id, started_at, ends_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(run.id(), labId, userId, poolId, reservationId, utc(start), utc(end))
                .update();
        return run;
    }

    /** The lab's run that has not finished, if it has one. */
    Optional<AdHocRun> open(UUID labId) {
        return jdbc.sql(COLUMNS + " where lab_id = ? and finished_at is null").param(labId)
                .query((rs, row) -> run(rs)).optional();
    }

    /** As {@link #open}, its row locked until the transaction ends; empty if another transaction holds it. */
    Optional<AdHocRun> lockOpen(UUID labId) {
        return jdbc.sql(COLUMNS + " where lab_id = ? and finished_at is null for update").param(labId)
                .query((rs, row) -> run(rs)).optional();
    }

    /**
     * As {@link #lockOpen}, but empty rather than waiting when another transaction holds the row: for callers
     * inside the lab lifecycle, which hold the lab's event lock, while the reconciler and extensions take the
     * row first and the event lock after; waiting here could close that circle.
     */
    Optional<AdHocRun> lockOpenIfFree(UUID labId) {
        return jdbc.sql(COLUMNS + " where lab_id = ? and finished_at is null for update skip locked").param(labId)
                .query((rs, row) -> run(rs)).optional();
    }

    /** The run, locked; empty when it is finished or another pass holds it. */
    Optional<AdHocRun> lockIfFree(UUID id) {
        return jdbc.sql(COLUMNS + " where id = ? and finished_at is null for update skip locked").param(id)
                .query((rs, row) -> run(rs)).optional();
    }

    /** Open runs with a warning ({@code warn}: seconds before the end, longest first) or their end due by {@code now}. */
    List<UUID> due(Instant now, long[] warn, int limit) {
        return jdbc.sql("select id from ad_hoc_runs where finished_at is null and " + DUE_AT
                        + " <= :now order by ends_at, id limit :limit")
                .param("warn", boxed(warn)).param("now", utc(now)).param("limit", limit).query(UUID.class).list();
    }

    /** The earliest instant at which an open run has something due. */
    Optional<Instant> nextDue(long[] warn) {
        return jdbc.sql("select min(" + DUE_AT + ") from ad_hoc_runs where finished_at is null")
                .param("warn", boxed(warn))
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .filter(java.util.Objects::nonNull).map(OffsetDateTime::toInstant);
    }

    /**
     * Whether a booking holds the lab at {@code now} (from its lead time to its end): its start is the
     * booking's, whose capacity the booking reserved, so it is no ad-hoc run.
     */
    boolean bookedNow(UUID labId, Instant now) {
        return jdbc.sql("""
                        select exists (select 1 from bookings where lab_id = ? and cancelled_at is null
                            and finished_at is null and lab_from <= ? and ends_at > ?)""")
                .params(labId, utc(now), utc(now)).query(Boolean.class).single();
    }

    void markWarned(UUID id, int warningsSent) {
        jdbc.sql("update ad_hoc_runs set warnings_sent = ? where id = ?").params(warningsSent, id).update();
    }

    void markFinished(UUID id, Instant now) {
        jdbc.sql("update ad_hoc_runs set finished_at = ? where id = ?").params(utc(now), id).update();
    }

    void extend(UUID id, Instant newEnd) {
        // the warnings start over for the new end
        jdbc.sql("update ad_hoc_runs set ends_at = ?, extensions = extensions + 1, warnings_sent = 0 where id = ?")
                .params(utc(newEnd), id).update();
    }

    /** The run's capacity from now on is held by another reservation (its demand changed). */
    void moveReservation(UUID id, UUID reservationId) {
        jdbc.sql("update ad_hoc_runs set reservation_id = ? where id = ?").params(reservationId, id).update();
    }

    private static Long[] boxed(long[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Long[]::new);
    }

    private static AdHocRun run(ResultSet rs) throws SQLException {
        OffsetDateTime finished = rs.getObject(10, OffsetDateTime.class);
        return new AdHocRun(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, OffsetDateTime.class).toInstant(),
                rs.getInt(8), rs.getInt(9), finished == null ? null : finished.toInstant());
    }

}
