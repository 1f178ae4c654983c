package dev.labforge.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger on real PostgreSQL, raced by many transactions at once. */
class CapacityLedgerTest extends BookingIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");

    @Autowired
    private CapacityLedger ledger;
    @Autowired
    private CapacityPools pools;
    @Autowired
    private PlatformTransactionManager transactions;

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
