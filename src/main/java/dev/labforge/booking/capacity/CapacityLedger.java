package dev.labforge.booking.capacity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reservations held against each pool, and the one rule they obey: at no instant do the
 * reservations of a pool add up to more than its capacity, in any resource.
 *
 * <p>Why rows with a time range and a pool row lock, not time buckets with CHECK constraints: a
 * reservation starts at its lab's lead time, which need not fall on a bucket boundary, and a pool's
 * capacity can change; buckets would round every run up and need rewriting on each capacity change,
 * and a 14-day horizon is 1,344 rows per pool to keep. Rows are exact and cost one per reservation.
 *
 * <p>How it cannot overbook: every writer that can add load (reserve, extend) first locks the pool's
 * row ({@link CapacityPools#lock}), so writers of one pool run one after another, and pools do not
 * wait for each other. Only after the lock does it read the ledger, in a new statement: under READ
 * COMMITTED (PostgreSQL's and Spring's default) each statement sees everything committed before it
 * started, so it sees every reservation of the writers that held the lock before. (Reading in the
 * same statement as the lock would not: that statement's snapshot predates the wait.) Changing a
 * pool's capacity takes the same lock. Shrinking or removing a reservation needs no lock: it can
 * only make room.
 */
@Component
public class CapacityLedger {

    /** The load on a pool over {@code [start, end)}, constant within it. */
    public record Segment(Instant start, Instant end, Demand used) {
    }

    /** One reservation. */
    record Reservation(UUID id, UUID poolId, Instant start, Instant end, Demand demand) {
    }

    /**
     * Each span between two instants where a reservation of the pool starts or ends, with the sum of
     * the reservations covering it. Computed by PostgreSQL as a running sum: each reservation overlapping
     * the window (found by the GiST index on pool and range) adds its demand at its start (or the window's,
     * if earlier) and takes it away at its end; summed in time order, the total after each instant is the
     * load until the next one. One sort of 2n rows, where joining each cut point to the reservations
     * containing it compared n x 2n ranges: with 10,000 bookings in 14 days that was the free-slot read's
     * whole cost (docs/benchmarks.md). {@code CapacityLedgerTest} checks the plan's work stays linear.
     */
    static final String SEGMENTS = """
            with mine as materialized (
                select greatest(lower(during), cast(:from as timestamptz)) as s, upper(during) as e,
                    vcpus, memory_mib, nodes
                from capacity_reservations
                where pool_id = :pool and during && tstzrange(:from, :to)
            ), deltas as (
                select cast(:from as timestamptz) as at, 0 as vcpus, cast(0 as bigint) as memory_mib, 0 as nodes
                union all select s, vcpus, memory_mib, nodes from mine
                union all select e, -vcpus, -memory_mib, -nodes from mine where e < :to
            ), points as (
                select at, sum(vcpus) as vcpus, sum(memory_mib) as memory_mib, sum(nodes) as nodes
                from deltas group by at
            )
            select at, coalesce(lead(at) over (order by at), cast(:to as timestamptz)),
                sum(vcpus) over (order by at), sum(memory_mib) over (order by at), sum(nodes) over (order by at)
            from points order by at""";

    private final JdbcClient jdbc;
    private final CapacityPools pools;

    CapacityLedger(JdbcClient jdbc, CapacityPools pools) {
        this.jdbc = jdbc;
        this.pools = pools;
    }

    /**
     * Reserves {@code demand} from the pool over {@code [start, end)}, or refuses with a
     * {@link CapacityExhausted} problem naming the first resource short and when. The reservation
     * commits with the caller's transaction.
     */
    // a refusal writes nothing: it leaves the caller's transaction usable, for callers that go on without it
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = CapacityExhausted.class)
    public UUID reserve(UUID poolId, Instant start, Instant end, Demand demand, String purpose) {
        CapacityPool pool = pools.lock(poolId);
        requireRoom(pool, start, end, demand);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into capacity_reservations (id, pool_id, during, vcpus, memory_mib, nodes, purpose)
                        values (?, ?, tstzrange(?, ?), ?, ?, ?, ?)""")
                .params(id, poolId, utc(start), utc(end), (int) demand.vcpus(), demand.memoryMib(),
                        (int) demand.nodes(), purpose)
                .update();
        return id;
    }

    /** Moves the reservation's end later, if the pool has room for it from the old end to the new. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void extend(UUID reservationId, Instant newEnd) {
        Reservation before = find(reservationId).orElseThrow();
        CapacityPool pool = pools.lock(before.poolId());
        Reservation current = find(reservationId).orElseThrow(); // as it is under the lock
        if (!newEnd.isAfter(current.end())) {
            return;
        }
        requireRoom(pool, current.end(), newEnd, current.demand());
        jdbc.sql("update capacity_reservations set during = tstzrange(lower(during), ?) where id = ?")
                .params(utc(newEnd), reservationId).update();
    }

    /**
     * Makes the reservation hold {@code demand} from {@code from} (or its start, if later) to its end, if
     * the pool has room for whatever grows; what it held before {@code from} stays in the ledger as it was,
     * so the ledger's past stays true. The rest becomes a reservation of its own, whose id is returned (the
     * same id when nothing changes). Shrinking needs no room but takes the lock anyway: it is one step.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID resize(UUID reservationId, Instant from, Demand demand) {
        Reservation before = find(reservationId).orElseThrow();
        CapacityPool pool = pools.lock(before.poolId());
        Reservation current = find(reservationId).orElseThrow(); // as it is under the lock
        Instant at = from.isAfter(current.start()) ? from : current.start();
        if (!at.isBefore(current.end()) || current.demand().equals(demand)) {
            return reservationId;
        }
        // the old demand is in the load already: only what grows needs room on top of it
        requireRoom(pool, at, current.end(), current.demand().growthTo(demand));
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into capacity_reservations (id, pool_id, during, vcpus, memory_mib, nodes, purpose)
                        select ?, pool_id, tstzrange(?, upper(during)), ?, ?, ?, purpose
                        from capacity_reservations where id = ?""")
                .params(id, utc(at), (int) demand.vcpus(), demand.memoryMib(), (int) demand.nodes(), reservationId)
                .update();
        shorten(reservationId, at);
        return id;
    }

    /**
     * Ends the reservation earlier (never later: that is {@link #extend}); one that would not have begun
     * by then is removed. No lock: it only makes room.
     */
    public void shorten(UUID reservationId, Instant newEnd) {
        jdbc.sql("delete from capacity_reservations where id = ? and lower(during) >= ?")
                .params(reservationId, utc(newEnd)).update();
        jdbc.sql("""
                        update capacity_reservations set during = tstzrange(lower(during), ?)
                        where id = ? and upper(during) > ? and lower(during) < ?""")
                .params(utc(newEnd), reservationId, utc(newEnd), utc(newEnd)).update();
    }

    public void release(UUID reservationId) {
        jdbc.sql("delete from capacity_reservations where id = ?").param(reservationId).update();
    }

    Optional<Reservation> find(UUID id) {
        return jdbc.sql("""
                        select id, pool_id, lower(during), upper(during), vcpus, memory_mib, nodes
                        from capacity_reservations where id = ?""")
                .param(id)
                .query((rs, row) -> new Reservation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        new Demand(rs.getInt(5), rs.getLong(6), rs.getInt(7))))
                .optional();
    }

    /** The pool's load over {@code [from, to)}, as consecutive segments covering all of it. */
    List<Segment> load(UUID poolId, Instant from, Instant to) {
        return jdbc.sql(SEGMENTS).param("pool", poolId).param("from", utc(from)).param("to", utc(to))
                .query((rs, row) -> new Segment(rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        new Demand(rs.getLong(3), rs.getLong(4), rs.getLong(5))))
                .list();
    }

    /** A stretch in which a pool's reservations add up to more than its capacity of {@code resource}. */
    record Overbooked(Instant start, Instant end, Demand.Resource resource, long reserved, long capacity) {
    }

    /**
     * Where the reservations over {@code [from, to)} pass {@code capacity}, consecutive segments short of the same
     * resource merged, the peak reported: possible only for a pool whose capacity follows its Nodes.
     */
    List<Overbooked> overbooked(UUID poolId, Demand capacity, Instant from, Instant to) {
        List<Overbooked> found = new java.util.ArrayList<>();
        for (Segment segment : load(poolId, from, to)) {
            for (Demand.Resource resource : Demand.Resource.values()) {
                long used = segment.used().of(resource);
                if (used <= capacity.of(resource)) {
                    continue;
                }
                Overbooked last = found.isEmpty() ? null : found.getLast();
                if (last != null && last.resource() == resource && last.end().equals(segment.start())) {
                    found.set(found.size() - 1, new Overbooked(last.start(), segment.end(), resource,
                            Math.max(last.reserved(), used), capacity.of(resource)));
                } else {
                    found.add(new Overbooked(segment.start(), segment.end(), resource, used, capacity.of(resource)));
                }
            }
        }
        return found;
    }

    /** Whether the pool's capacity could shrink to {@code capacity} without any future instant above it. */
    void requireCapacityCovers(CapacityPool pool, Demand capacity, Instant now, Instant horizon) {
        for (Segment segment : load(pool.id(), now, horizon)) {
            for (Demand.Resource resource : Demand.Resource.values()) {
                if (segment.used().of(resource) > capacity.of(resource)) {
                    throw CapacityExhausted.shrink(pool.name(), resource, capacity.of(resource),
                            segment.used().of(resource), segment.start(), segment.end());
                }
            }
        }
    }

    private void requireRoom(CapacityPool pool, Instant start, Instant end, Demand demand) {
        List<Segment> segments = load(pool.id(), start, end);
        for (int i = 0; i < segments.size(); i++) {
            List<Demand.Resource> shortOf = demand.shortIn(segments.get(i).used(), pool.capacity());
            if (shortOf.isEmpty()) {
                continue;
            }
            Demand.Resource resource = shortOf.getFirst();
            long peak = segments.get(i).used().of(resource);
            int last = i;
            // the refusal names the whole stretch in which this resource is short, not just its first segment
            while (last + 1 < segments.size()
                    && demand.shortIn(segments.get(last + 1).used(), pool.capacity()).contains(resource)) {
                last++;
                peak = Math.max(peak, segments.get(last).used().of(resource));
            }
            throw new CapacityExhausted(pool.name(), resource, pool.capacity().of(resource), peak,
                    demand.of(resource), segments.get(i).start(), segments.get(last).end());
        }
    }

    public static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
