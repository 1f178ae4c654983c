package dev.labforge.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.RoundTrips;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The free-slot read sums its pool's ledger only when the ledger changed since it last did ({@link PoolLoads}), and
 * every way the ledger changes makes the next read see it. Counted without a clock: the database round trips of the
 * read's own request ({@link RoundTrips}), of which the ledger's sum is one when it happens and none when it does
 * not. The pool fits one run of the template (4 vCPUs), so each reservation shows as a gap in the free slots.
 */
class FreeSlotReadTest extends BookingIntegrationTest {

    private static final Instant NOW = Instant.parse("2030-03-25T07:00:00Z");
    private static final Instant TEN = Instant.parse("2030-03-26T10:00:00Z");

    @Autowired
    private CapacityLedger ledger;
    @Autowired
    private CapacityPools pools;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private LedgerProperties properties;

    private Classroom room;
    private ApiClient student;
    private CapacityPool pool;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        room = Classroom.create(api(), 4, "");
        student = room.enrol("student");
        pool = pools.require(room.pool);
    }

    @Test
    void aSecondReadOfAnUnchangedLedgerAsksOnlyWhetherItChangedAndAnswersTheSame() {
        Read first = read();
        assertThat(first.summedLedger()).as("the first read sums the ledger: %s", first.trips()).isTrue();

        Read second = read();
        assertThat(second.summedLedger()).as("round trips of the second read: %s", second.trips()).isFalse();
        assertThat(second.trips()).as("one question whether the ledger changed")
                .filteredOn(trip -> trip.contains("capacity_ledger_changes")).hasSize(1);
        assertThat(second.free()).isEqualTo(first.free());
    }

    @Test
    void aBookingACancellationAndAClassSessionEachShowInTheNextRead() {
        read();
        String booking = bookSlot(student, room, "2030-03-26T10:00:00Z", "2030-03-26T11:00:00Z");
        assertChangedTo(gapAround(TEN.minus(Duration.ofMinutes(5)), TEN.plus(Duration.ofHours(1)))); // its lead time

        assertThat(student.delete("/api/v1/bookings/" + booking).status()).isEqualTo(204);
        assertChangedTo(List.of());

        Response session = room.instructor.post(room.path("/sessions"),
                "{\"start\":\"2030-03-27T10:00:00Z\",\"end\":\"2030-03-27T12:00:00Z\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        // one seat (the one student), reserved from its lead time
        Instant tenNextDay = Instant.parse("2030-03-27T10:00:00Z");
        assertChangedTo(gapAround(tenNextDay.minus(Duration.ofMinutes(5)), tenNextDay.plus(Duration.ofHours(2))));
    }

    /** What an ad-hoc run does to the ledger (AdHocReservations, AdHocRunController, AdHocRunResize), one by one. */
    @Test
    void reservingExtendingResizingAndShorteningARunEachShowInTheNextRead() {
        read();
        UUID run = inTransaction(() -> ledger.reserve(pool.id(), TEN, TEN.plus(Duration.ofHours(1)),
                new Demand(4, 1024, 2), "ad-hoc:test"));
        assertChangedTo(gapAround(TEN, TEN.plus(Duration.ofHours(1))));

        inTransaction(() -> {
            ledger.extend(run, TEN.plus(Duration.ofHours(2)));
            return null;
        });
        assertChangedTo(gapAround(TEN, TEN.plus(Duration.ofHours(2))));

        // nothing from 11:00 on (a run that no longer holds anything), the hour before as it was
        inTransaction(() -> ledger.resize(run, TEN.plus(Duration.ofHours(1)), new Demand(0, 0, 0)));
        assertChangedTo(gapAround(TEN, TEN.plus(Duration.ofHours(1))));

        inTransaction(() -> {
            ledger.shorten(run, TEN.plus(Duration.ofMinutes(30)));
            return null;
        });
        assertChangedTo(gapAround(TEN, TEN.plus(Duration.ofMinutes(30))));
    }

    /** Another replica, or anyone with SQL: the trigger records the change, whoever wrote it. */
    @Test
    void aChangeWrittenOutsideThisServiceShowsInTheNextRead() {
        read();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into capacity_reservations (id, pool_id, during, vcpus, memory_mib, nodes, purpose)"
                        + " values (?, ?, tstzrange(?, ?), 4, 0, 0, 'elsewhere')")
                .params(id, pool.id(), CapacityLedger.utc(TEN), CapacityLedger.utc(TEN.plus(Duration.ofHours(1))))
                .update();
        assertChangedTo(gapAround(TEN, TEN.plus(Duration.ofHours(1))));

        jdbc.sql("update capacity_reservations set during = tstzrange(lower(during), upper(during) + interval '1 hour')"
                + " where id = ?").param(id).update();
        assertChangedTo(gapAround(TEN, TEN.plus(Duration.ofHours(2))));

        jdbc.sql("delete from capacity_reservations where id = ?").param(id).update();
        assertChangedTo(List.of());
    }

    /**
     * A change by a transaction that began before a read and commits after it, while a later transaction's change
     * committed before the read: a counter or a sequence read then would not show the first (the highest number was
     * the later one's and is still the highest after the commit). The snapshot kept by the read does.
     */
    @Test
    void aChangeCommittedAfterAReadThatItsTransactionBeganBeforeShowsInTheNextRead() throws Exception {
        read();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("insert into capacity_reservations"
                    + " (id, pool_id, during, vcpus, memory_mib, nodes, purpose)"
                    + " values (?, ?, tstzrange(?, ?), 4, 0, 0, 'late commit')")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, pool.id());
                insert.setObject(3, CapacityLedger.utc(TEN));
                insert.setObject(4, CapacityLedger.utc(TEN.plus(Duration.ofHours(1))));
                insert.executeUpdate();
            }
            // a later transaction's change of the pool, committed at once (a month on: outside the free slots)
            Instant later = TEN.plus(Duration.ofDays(30));
            jdbc.sql("insert into capacity_reservations (id, pool_id, during, vcpus, memory_mib, nodes, purpose)"
                            + " values (?, ?, tstzrange(?, ?), 4, 0, 0, 'committed first')")
                    .params(UUID.randomUUID(), pool.id(), CapacityLedger.utc(later),
                            CapacityLedger.utc(later.plus(Duration.ofHours(1)))).update();
            Read during = read();
            assertThat(during.summedLedger()).as("the committed change is read: %s", during.trips()).isTrue();
            assertThat(gaps(during)).as("the open transaction's is not committed yet").isEmpty();
            Read again = read();
            assertThat(again.summedLedger()).as("nothing committed since: %s", again.trips()).isFalse();
            other.commit();
        }
        assertChangedTo(gapAround(TEN, TEN.plus(Duration.ofHours(1))));
    }

    /**
     * A kept load is answered for {@code kept-load-max-age} at most, then summed again though nothing changed: what
     * lets {@link LedgerPruning} delete the changes every younger load has seen. The pruner's state is set as if its
     * snapshot had just been taken and pruned, at NOW: whichever replica (test context) holds the lease, and whatever
     * its clock says, no pruning then falls into the test's time (one would make the read sum again for its own reason).
     */
    @Test
    void aKeptLoadOlderThanTheMaxAgeIsSummedAgain() {
        Duration maxAge = properties.keptLoadMaxAge();
        jdbc.sql("""
                insert into capacity_ledger_pruning (pending, pending_at, pruned)
                values (pg_current_snapshot(), ?, pg_current_snapshot())
                on conflict (only_row) do update set pending = excluded.pending, pending_at = excluded.pending_at,
                    pruned = excluded.pruned""").param(CapacityLedger.utc(NOW)).update();

        assertThat(read().summedLedger()).isTrue();
        clock.set(NOW.plus(maxAge));
        Read oldest = read();
        assertThat(oldest.summedLedger()).as("as old as the max age: still answered: %s", oldest.trips()).isFalse();
        clock.set(NOW.plus(maxAge).plusSeconds(1));
        Read tooOld = read();
        assertThat(tooOld.summedLedger()).as("older: summed again: %s", tooOld.trips()).isTrue();
        assertThat(tooOld.free()).isEqualTo(oldest.free());
        Read after = read();
        assertThat(after.summedLedger()).as("and kept again from then: %s", after.trips()).isFalse();
    }

    /** A pool's capacity is read with the pool on each request: an edit shows at once, with nothing summed again. */
    @Test
    void aPoolsNewCapacityShowsAtOnce() {
        inTransaction(() -> ledger.reserve(pool.id(), TEN, TEN.plus(Duration.ofHours(1)), new Demand(4, 1024, 2),
                "test"));
        assertThat(gaps(read())).isEqualTo(gapAround(TEN, TEN.plus(Duration.ofHours(1))));
        Response grown = api().put("/api/v1/capacity/pools/" + room.pool, "{\"name\":\"" + room.pool
                + "\",\"vcpus\":8,\"memoryMib\":1048576,\"nodes\":1000}");
        assertThat(grown.status()).as(grown.body()).isEqualTo(200);
        Read after = read();
        assertThat(gaps(after)).isEmpty();
        assertThat(after.summedLedger()).isFalse();

        pools.resize(pool.id(), new Demand(4, 1048576, 1000)); // as a derived pool follows its Nodes
        assertThat(gaps(read())).isEqualTo(gapAround(TEN, TEN.plus(Duration.ofHours(1))));
    }

    /** The next read sums the ledger again and answers these gaps (runs of steps that are not free). */
    private void assertChangedTo(List<String> expectedGaps) {
        Read next = read();
        assertThat(next.summedLedger()).as("the read after a change sums the ledger: %s", next.trips()).isTrue();
        assertThat(gaps(next)).isEqualTo(expectedGaps);
    }

    /**
     * The gap a reservation over {@code [start, end)} leaves in the free slots: from the first step whose run would
     * overlap it (a step's run is {@code [step, step + 15 min)}) to the first step whose lead time (5 minutes, the
     * configured default: the template's image has no boots yet) begins at its end or later.
     */
    private static List<String> gapAround(Instant start, Instant end) {
        Instant firstTaken = quarterAfter(start.minus(Duration.ofMinutes(15)));
        Instant firstFree = quarterAfter(end.plus(Duration.ofMinutes(5)).minusNanos(1));
        return List.of(firstTaken + " " + firstFree);
    }

    /** The first quarter hour after {@code instant}. */
    private static Instant quarterAfter(Instant instant) {
        long quarter = Duration.ofMinutes(15).toSeconds();
        return Instant.ofEpochSecond((Math.floorDiv(instant.getEpochSecond(), quarter) + 1) * quarter);
    }

    private record Read(List<String> trips, List<JsonNode> free) {

        boolean summedLedger() {
            return trips.stream().anyMatch(trip -> trip.contains("from capacity_reservations"));
        }
    }

    private Read read() {
        String probe = "probe-" + UUID.randomUUID();
        Response response = student.get(room.path("/free-slots"), RoundTrips.HEADER, probe);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> free = new java.util.ArrayList<>();
        response.json().get("free").forEach(free::add);
        return new Read(RoundTrips.of(probe), free);
    }

    /** The gaps between the free runs, as "start end" of the first step not free and the next free one. */
    private static List<String> gaps(Read read) {
        List<String> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < read.free().size(); i++) {
            gaps.add(read.free().get(i - 1).get("end").asString() + " " + read.free().get(i).get("start").asString());
        }
        return gaps;
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }
}
