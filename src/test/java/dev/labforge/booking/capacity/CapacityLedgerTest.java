package dev.labforge.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.booking.BookingIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ledger on real PostgreSQL, raced by many transactions at once. */
class CapacityLedgerTest extends BookingIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");

    @Autowired
    private CapacityLedger ledger;
    @Autowired
    private CapacityPools pools;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private JdbcClient jdbc;

    private ExecutorService threads;

    @AfterEach
    void stopThreads() {
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    @Test
    void fiftyConcurrentReservationsForRoomForTenGiveExactlyTenAndFortyRefusalsNamingWhatIsShort()
            throws Exception {
        CapacityPool pool = newPool(20, 1_000_000, 1_000);
        Demand twoCpus = new Demand(2, 1024, 1);
        List<Future<Object>> answers = race(50, i -> ledger.reserve(pool.id(), NINE, NINE.plus(Duration.ofHours(2)),
                twoCpus, "test:" + i));

        List<CapacityExhausted> refusals = new ArrayList<>();
        int accepted = 0;
        for (Future<Object> answer : answers) {
            Object result = answer.get(60, TimeUnit.SECONDS);
            if (result instanceof UUID) {
                accepted++;
            } else {
                refusals.add((CapacityExhausted) result);
            }
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(refusals).hasSize(40).allSatisfy(refusal -> {
            assertThat(refusal.type().slug()).isEqualTo("capacity-exhausted");
            assertThat(refusal.extensions()).containsEntry("resource", "vcpus").containsEntry("shortBy", 2L)
                    .containsEntry("capacity", 20L).containsEntry("reserved", 20L)
                    .containsEntry("interval", java.util.Map.of("start", NINE.toString(),
                            "end", NINE.plus(Duration.ofHours(2)).toString()));
        });
        assertNeverAboveCapacity(pool, NINE.minus(Duration.ofHours(1)), NINE.plus(Duration.ofHours(3)));
    }

    @Test
    void reservationsOfRandomIntervalsRacingEachOtherNeverTakeAPoolAboveCapacityAtAnyInstant() throws Exception {
        CapacityPool pool = newPool(1_000, 16_384, 12);
        Random random = new Random(13);
        List<Instant[]> intervals = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant start = NINE.plus(Duration.ofMinutes(15L * random.nextInt(24)));
            intervals.add(new Instant[] {start, start.plus(Duration.ofMinutes(15L * (2 + random.nextInt(8))))});
        }
        Demand demand = new Demand(1, 2048, 3); // memory allows 8 at once, nodes 4: nodes is the binding limit
        List<Future<Object>> answers = race(intervals.size(),
                i -> ledger.reserve(pool.id(), intervals.get(i)[0], intervals.get(i)[1], demand, "test:" + i));
        int accepted = 0;
        for (Future<Object> answer : answers) {
            Object result = answer.get(60, TimeUnit.SECONDS);
            if (result instanceof UUID) {
                accepted++;
            } else {
                assertThat(((CapacityExhausted) result).extensions()).containsEntry("resource", "nodes");
            }
        }
        assertThat(accepted).isBetween(4, intervals.size() - 1);
        assertNeverAboveCapacity(pool, NINE, NINE.plus(Duration.ofHours(9)));
    }

    @Test
    void aRefusalNamesTheStretchInWhichTheResourceIsShortAndAReleaseMakesRoomAgain() {
        CapacityPool pool = newPool(4, 100_000, 100);
        Instant ten = NINE.plus(Duration.ofHours(1));
        UUID first = inTransaction(() -> ledger.reserve(pool.id(), NINE, ten, new Demand(3, 0, 1), "a"));
        inTransaction(() -> ledger.reserve(pool.id(), ten, ten.plus(Duration.ofHours(1)), new Demand(1, 0, 1), "b"));

        // from 09:30 to 10:30: short of 1 vCPU from 09:30 to 10:00, fine after
        assertThatThrownBy(() -> inTransaction(() -> ledger.reserve(pool.id(), NINE.plus(Duration.ofMinutes(30)),
                ten.plus(Duration.ofMinutes(30)), new Demand(2, 0, 1), "c")))
                .isInstanceOfSatisfying(CapacityExhausted.class, e -> assertThat(e.extensions())
                        .containsEntry("shortBy", 1L).containsEntry("interval", java.util.Map.of(
                                "start", NINE.plus(Duration.ofMinutes(30)).toString(), "end", ten.toString())));
        // back to back is no overlap: [09:00, 10:00) and [10:00, 11:00)
        inTransaction(() -> ledger.reserve(pool.id(), ten, ten.plus(Duration.ofHours(1)), new Demand(3, 0, 1), "d"));

        inTransaction(() -> {
            ledger.release(first);
            return null;
        });
        inTransaction(() -> ledger.reserve(pool.id(), NINE.plus(Duration.ofMinutes(30)), ten, new Demand(4, 0, 1),
                "e"));
        assertNeverAboveCapacity(pool, NINE, ten.plus(Duration.ofHours(1)));
    }

    @Test
    void anExtensionNeedsRoomFromTheOldEndToTheNewOne() {
        CapacityPool pool = newPool(2, 100_000, 100);
        Instant ten = NINE.plus(Duration.ofHours(1));
        UUID mine = inTransaction(() -> ledger.reserve(pool.id(), NINE, ten, new Demand(2, 0, 1), "mine"));
        inTransaction(() -> ledger.reserve(pool.id(), ten.plus(Duration.ofMinutes(30)), ten.plus(Duration.ofHours(1)),
                new Demand(1, 0, 1), "other"));
        inTransaction(() -> {
            ledger.extend(mine, ten.plus(Duration.ofMinutes(30)));
            return null;
        });
        assertThatThrownBy(() -> inTransaction(() -> {
            ledger.extend(mine, ten.plus(Duration.ofMinutes(45)));
            return null;
        })).isInstanceOf(CapacityExhausted.class);
        assertThat(ledger.find(mine).orElseThrow().end()).isEqualTo(ten.plus(Duration.ofMinutes(30)));
    }

    @Test
    void theLoadOfAWindowIsTheSumOfTheReservationsCoveringEachInstantOfIt() {
        CapacityPool pool = newPool(1_000_000, 100_000_000, 100_000);
        Random random = new Random(42);
        List<Object[]> held = new ArrayList<>(); // start, end, vcpus
        for (int i = 0; i < 80; i++) {
            Instant start = NINE.plus(Duration.ofMinutes(5L * random.nextInt(200)));
            Instant end = start.plus(Duration.ofMinutes(5L * (1 + random.nextInt(40))));
            int vcpus = 1 + random.nextInt(5);
            held.add(new Object[] {start, end, vcpus});
            inTransaction(() -> ledger.reserve(pool.id(), start, end, new Demand(vcpus, vcpus * 10L, 1), "sum"));
        }
        Instant from = NINE.plus(Duration.ofMinutes(100));
        Instant to = NINE.plus(Duration.ofMinutes(800));
        List<CapacityLedger.Segment> segments = ledger.load(pool.id(), from, to);

        assertThat(segments.getFirst().start()).isEqualTo(from);
        assertThat(segments.getLast().end()).isEqualTo(to);
        for (int i = 0; i < segments.size(); i++) {
            CapacityLedger.Segment segment = segments.get(i);
            if (i > 0) {
                assertThat(segment.start()).isEqualTo(segments.get(i - 1).end());
            }
            // the load is constant within a segment: check its first and last minute against the rows
            for (Instant at : List.of(segment.start(), segment.end().minusSeconds(60))) {
                long vcpus = 0;
                long nodes = 0;
                for (Object[] h : held) {
                    if (!((Instant) h[0]).isAfter(at) && ((Instant) h[1]).isAfter(at)) {
                        vcpus += (int) h[2];
                        nodes++;
                    }
                }
                assertThat(segment.used()).as("load at %s", at).isEqualTo(new Demand(vcpus, vcpus * 10, nodes));
            }
        }
    }

    /**
     * The free-slot read sums a pool's whole 14 days; with 10,000 bookings in them, a query whose work grows
     * with reservations x cut points (as the first version's join did) took the read past its 100 ms. Counted
     * without a clock: the rows every node of PostgreSQL's plan produced or filtered out, which doubles when
     * the reservations double, and the reservations read from the table, which are only the window's.
     */
    @Test
    void loadingAWindowDoesWorkLinearInItsReservationsAndReadsNoneOutsideIt() {
        CapacityPool pool = newPool(1_000_000, 100_000_000, 100_000);
        Instant from = NINE;
        Instant to = NINE.plus(Duration.ofDays(14));
        // a term's past: reservations that ended before the window, which the read must not touch
        seed(pool, NINE.minus(Duration.ofDays(120)), 4_000);
        seed(pool, from, 300);
        jdbc.sql("analyze capacity_reservations").update();
        long single = planWork(pool, from, to).total();

        seed(pool, from.plus(Duration.ofMinutes(7)), 300);
        jdbc.sql("analyze capacity_reservations").update();
        PlanWork twice = planWork(pool, from, to);

        assertThat(twice.total()).as("rows worked on for 600 reservations against %s for 300", single)
                .isLessThan(single * 5 / 2);
        assertThat(twice.readFromTable()).as("reservations read from the table").isLessThanOrEqualTo(600);
    }

    private record PlanWork(long total, long readFromTable) {
    }

    /** Inserts {@code count} one-hour reservations of the pool, one every 30 minutes from {@code from}. */
    private void seed(CapacityPool pool, Instant from, int count) {
        jdbc.sql("""
                        insert into capacity_reservations (id, pool_id, during, vcpus, memory_mib, nodes, purpose)
                        select gen_random_uuid(), :pool, tstzrange(:from + make_interval(mins => 30 * i),
                            :from + make_interval(mins => 30 * i + 60)), 2, 1024, 1, 'seed'
                        from generate_series(0, :count - 1) i""")
                .param("pool", pool.id()).param("from", CapacityLedger.utc(from)).param("count", count).update();
    }

    private PlanWork planWork(CapacityPool pool, Instant from, Instant to) {
        String plan = jdbc.sql("explain (analyze, format json) " + CapacityLedger.SEGMENTS)
                .param("pool", pool.id()).param("from", CapacityLedger.utc(from)).param("to", CapacityLedger.utc(to))
                .query(String.class).single();
        long[] sums = new long[2];
        walk(JsonMapper.builder().build().readTree(plan).get(0).get("Plan"), sums);
        return new PlanWork(sums[0], sums[1]);
    }

    private static void walk(JsonNode node, long[] sums) {
        long loops = Math.max(1, node.path("Actual Loops").asLong());
        long rows = (node.path("Actual Rows").asLong() + node.path("Rows Removed by Filter").asLong()
                + node.path("Rows Removed by Join Filter").asLong() + node.path("Rows Removed by Index Recheck")
                .asLong()) * loops;
        sums[0] += rows;
        if ("capacity_reservations".equals(node.path("Relation Name").asString(""))) {
            sums[1] += rows;
        }
        for (JsonNode child : node.path("Plans")) {
            walk(child, sums);
        }
    }

    private void assertNeverAboveCapacity(CapacityPool pool, Instant from, Instant to) {
        for (CapacityLedger.Segment segment : ledger.load(pool.id(), from, to)) {
            assertThat(segment.used().vcpus()).as("vCPUs at %s", segment.start())
                    .isLessThanOrEqualTo(pool.capacity().vcpus());
            assertThat(segment.used().memoryMib()).as("memory at %s", segment.start())
                    .isLessThanOrEqualTo(pool.capacity().memoryMib());
            assertThat(segment.used().nodes()).as("nodes at %s", segment.start())
                    .isLessThanOrEqualTo(pool.capacity().nodes());
        }
    }

    /** Runs {@code count} reservations at once, each in its own transaction; each answer is an id or a refusal. */
    private List<Future<Object>> race(int count, java.util.function.IntFunction<UUID> reservation) {
        threads = Executors.newFixedThreadPool(count); // one thread per party: the barrier waits for all of them
        CyclicBarrier start = new CyclicBarrier(count);
        List<Future<Object>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            answers.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    return (Object) inTransaction(() -> reservation.apply(n));
                } catch (CapacityExhausted refused) {
                    return refused;
                }
            }));
        }
        return answers;
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }

    private CapacityPool newPool(long vcpus, long memoryMib, long nodes) {
        String name = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
        return inTransaction(() -> pools.insert(name, new Demand(vcpus, memoryMib, nodes), java.util.Map.of(),
                clock.instant()));
    }
}
