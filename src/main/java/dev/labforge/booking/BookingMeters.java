package dev.labforge.booking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Booking's gauges: bookings by state as their pages show it (booked, active, ended, cancelled), those starting within
 * the next hour, and each capacity pool's capacity and what its reservations hold now, per resource. Read with one
 * query when scraped and kept for {@link #FRESH_FOR} (a scrape reads every gauge one after the other); every replica
 * reports the same numbers, so aggregate them with {@code max}.
 *
 * <p>Pools come and go: a pool's gauges are registered when a reading first shows it (the series appear from the
 * scrape after), and read NaN once it is removed.
 */
@Component
class BookingMeters implements MeterBinder {

    /** Shorter than any sensible scrape interval, long enough to serve a whole scrape from one reading. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    /** What "upcoming" means: starting within this, so a classroom's storm of starts shows before it comes. */
    static final Duration UPCOMING = Duration.ofHours(1);
    static final List<String> STATES = List.of("booked", "active", "ended", "cancelled");
    private static final String[] RESOURCES = {"vcpus", "memory", "nodes"};
    private static final long MIB = 1024 * 1024;

    /** Booking.state's rule, in SQL; the pools' load is the reservations whose range contains now. */
    private static final String READ = """
            select 'booking', case when cancelled_at is not null then 'cancelled' when ends_at <= cast(:now as timestamptz) then 'ended'
                                   when starts_at > cast(:now as timestamptz) then 'booked' else 'active' end,
                   count(*), 0, 0, 0, 0, 0
            from bookings group by 2
            union all
            select 'upcoming', '', count(*), 0, 0, 0, 0, 0 from bookings
            where cancelled_at is null and starts_at > cast(:now as timestamptz)
              and starts_at < cast(:soon as timestamptz)
            union all
            select 'pool', p.name, p.vcpus, p.memory_mib, p.nodes,
                   coalesce(sum(r.vcpus), 0), coalesce(sum(r.memory_mib), 0), coalesce(sum(r.nodes), 0)
            from capacity_pools p left join capacity_reservations r on r.pool_id = p.id and r.during @> cast(:now as timestamptz)
            group by p.id, p.name, p.vcpus, p.memory_mib, p.nodes""";

    /** One pool's capacity and load now, in the order of {@link #RESOURCES} (memory in bytes). */
    record Pool(long[] capacity, long[] reserved) {
    }

    /** One reading. */
    record Reading(Map<String, Long> bookings, long upcoming, Map<String, Pool> pools) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Set<String> poolsShown = ConcurrentHashMap.newKeySet();
    private MeterRegistry registry;
    private Reading last;
    private Instant readAt;

    BookingMeters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        this.registry = meters;
        for (String state : STATES) {
            Gauge.builder("labforge.bookings", this, m -> m.now().bookings().getOrDefault(state, 0L))
                    .strongReference(true).description("Bookings in each state (booked: not begun yet)")
                    .tag("state", state).register(meters);
        }
        Gauge.builder("labforge.bookings.upcoming", this, m -> m.now().upcoming()).strongReference(true)
                .description("Bookings not cancelled that start within the next hour").register(meters);
        Gauge.builder("labforge.pools", this, m -> m.now().pools().size()).strongReference(true)
                .description("Capacity pools").register(meters);
        now();
    }

    /** The last reading if it is fresh, else a new one (which registers the gauges of pools not seen before). */
    synchronized Reading now() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(readAt.plus(FRESH_FOR)) || now.isBefore(readAt)) {
            last = read(now);
            readAt = now;
            last.pools().keySet().forEach(this::show);
        }
        return last;
    }

    private Reading read(Instant now) {
        Map<String, Long> bookings = new HashMap<>();
        Map<String, Pool> pools = new HashMap<>();
        long[] upcoming = {0};
        jdbc.sql(READ).param("now", now.atOffset(ZoneOffset.UTC))
                .param("soon", now.plus(UPCOMING).atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    switch (rs.getString(1)) {
                        case "booking" -> bookings.put(rs.getString(2), rs.getLong(3));
                        case "upcoming" -> upcoming[0] = rs.getLong(3);
                        default -> pools.put(rs.getString(2), new Pool(
                                new long[] {rs.getLong(3), rs.getLong(4) * MIB, rs.getLong(5)},
                                new long[] {rs.getLong(6), rs.getLong(7) * MIB, rs.getLong(8)}));
                    }
                });
        return new Reading(Map.copyOf(bookings), upcoming[0], Map.copyOf(pools));
    }

    private void show(String pool) {
        if (registry == null || !poolsShown.add(pool)) {
            return;
        }
        for (int i = 0; i < RESOURCES.length; i++) {
            int resource = i;
            Gauge.builder("labforge.pool.capacity", this, m -> value(m.now().pools().get(pool), resource, true))
                    .strongReference(true).description("A capacity pool's capacity (memory in bytes)")
                    .tag("pool", pool).tag("resource", RESOURCES[i]).register(registry);
            Gauge.builder("labforge.pool.reserved", this, m -> value(m.now().pools().get(pool), resource, false))
                    .strongReference(true).description("What the pool's reservations hold now (memory in bytes)")
                    .tag("pool", pool).tag("resource", RESOURCES[i]).register(registry);
        }
    }

    private static double value(Pool pool, int resource, boolean capacity) {
        if (pool == null) {
            return Double.NaN; // removed (or renamed) since
        }
        return capacity ? pool.capacity()[resource] : pool.reserved()[resource];
    }
}
