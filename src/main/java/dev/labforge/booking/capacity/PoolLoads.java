package dev.labforge.booking.capacity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each pool's load as the free-slot read last summed it, kept while the pool's ledger has not changed since: the
 * sum over 14 days of 10,000 reservations was that read's whole cost (docs/benchmarks.md), and students poll it far
 * more often than anyone books.
 *
 * <p>Whether a kept load is still true is asked of PostgreSQL on every read, in one statement that reads an index:
 * every statement writing {@code capacity_reservations} (this replica's, another's, anyone's) records, by trigger,
 * its transaction and the pools it touched ({@code capacity_ledger_changes}, V51); a load read in snapshot S is true
 * while no recorded change of its pool is of a transaction S did not see. A change that commits while the load is
 * read makes it look stale a read too early, never fresh too long: the snapshot kept is taken before the load is
 * read. So a free slot is as current as a read of the ledger would be; that someone books it first is still
 * possible, as it always was, and answered by the booking's 409 naming what is short.
 *
 * <p>A load is kept for {@code labforge.booking.ledger.kept-load-max-age} at most (by the injected Clock), then read again:
 * that bound is what lets {@link LedgerPruning} delete changes every kept load has seen. Should clocks disagree
 * beyond its margin, the check still holds: a load read before the snapshot of the last pruning counts as changed.
 *
 * <p>Only the load is kept: the pool's capacity (edited by admins, or following its Nodes) is read with the pool on
 * each request. Writers never use this: they read the ledger under the pool's lock ({@link CapacityLedger}).
 */
@Component
public class PoolLoads {

    /**
     * How far before the asked window a re-read starts, when courses of one pool with different lead times ask:
     * the longest lead ({@link dev.labforge.booking.timetable.LeadTimes}), so that one read serves all of them.
     */
    private static final Duration WIDEST_LEAD = Duration.ofHours(1);

    private static final String CHANGED_SINCE = """
            select pg_current_snapshot()::text, exists (
                select 1 from capacity_ledger_changes
                where pool_id = :pool and xid >= pg_snapshot_xmin(cast(:seen as pg_snapshot))
                    and not pg_visible_in_snapshot(xid, cast(:seen as pg_snapshot)))
                or exists (
                select 1 from capacity_ledger_pruning p
                where pg_snapshot_xmax(cast(:seen as pg_snapshot)) < pg_snapshot_xmax(p.pruned)
                    or exists (select 1 from pg_snapshot_xip(cast(:seen as pg_snapshot)) x
                        where x < pg_snapshot_xmax(p.pruned) and pg_visible_in_snapshot(x, p.pruned)))""";

    /**
     * The load over {@code [from, to)}, as read in {@code snapshot} (or later), at {@code readAt}. The second clause of
     * {@link #CHANGED_SINCE}: the snapshot misses a transaction that the last pruning's snapshot saw, so a change of
     * it may have been deleted (it misses one iff its xmax is lower, or one of its in-progress transactions below that
     * xmax is visible to the pruning's).
     */
    private record Kept(String snapshot, Instant readAt, Instant from, Instant to,
                        List<CapacityLedger.Segment> segments) {

        boolean covers(Instant start, Instant end) {
            return !from.isAfter(start) && !to.isBefore(end);
        }
    }

    private record Freshness(String snapshot, boolean changed) {
    }

    private final JdbcClient jdbc;
    private final CapacityLedger ledger;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration maxAge;

    PoolLoads(JdbcClient jdbc, CapacityLedger ledger, Clock clock, LedgerProperties properties) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.clock = clock;
        this.maxAge = properties.keptLoadMaxAge();
    }

    /** The pool's load over {@code [from, to)}, as {@link CapacityLedger#load} would read it now. */
    public List<CapacityLedger.Segment> load(UUID poolId, Instant from, Instant to) {
        Instant readAt = clock.instant();
        Kept last = kept.get(poolId);
        if (last != null && (readAt.isAfter(last.readAt().plus(maxAge)) || readAt.isBefore(last.readAt()))) {
            last = null; // too old to trust (its changes may be pruned), or the clock went back: read it again
        }
        Freshness now = last == null
                ? new Freshness(jdbc.sql("select pg_current_snapshot()::text").query(String.class).single(), true)
                : jdbc.sql(CHANGED_SINCE).param("pool", poolId).param("seen", last.snapshot())
                        .query((rs, row) -> new Freshness(rs.getString(1), rs.getBoolean(2))).single();
        boolean fresh = last != null && !now.changed();
        if (fresh && last.covers(from, to)) {
            return slice(last.segments(), from, to);
        }
        Instant start = from;
        Instant end = to;
        if (fresh) { // unchanged, but another window: read both, so that courses of other lead times share it
            Instant earliest = from.minus(WIDEST_LEAD);
            start = last.from().isBefore(from) ? (last.from().isBefore(earliest) ? earliest : last.from()) : from;
            end = last.to().isAfter(to) ? last.to() : to;
        }
        Kept read = new Kept(now.snapshot(), readAt, start, end, ledger.load(poolId, start, end));
        kept.put(poolId, read);
        return slice(read.segments(), from, to);
    }

    /** The segments over {@code [from, to)}, the first and last cut to it. */
    static List<CapacityLedger.Segment> slice(List<CapacityLedger.Segment> segments, Instant from, Instant to) {
        List<CapacityLedger.Segment> within = new ArrayList<>();
        for (CapacityLedger.Segment s : segments) {
            if (!s.end().isAfter(from) || !s.start().isBefore(to)) {
                continue;
            }
            within.add(new CapacityLedger.Segment(s.start().isBefore(from) ? from : s.start(),
                    s.end().isAfter(to) ? to : s.end(), s.used()));
        }
        return within;
    }
}
