package dev.labforge.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.booking.BookingIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ledger's changes are deleted once no kept load can need them ({@link LedgerPruning}), and a kept load never
 * answers after a change it did not see, pruned or not ({@link PoolLoads}). Time is moved on the Clock; the prunings
 * are run by the test once this replica holds the reconciler's lease, so that no other replica's loop prunes by a
 * clock of its own meanwhile; this one's loop may run them too, by the test's Clock: a pruning does what the Clock
 * says is due, so one more changes nothing. Each test counts only its own pool's changes.
 */
class LedgerPrunerTest extends BookingIntegrationTest {

    private static final Instant T0 = Instant.parse("2032-05-03T08:00:00Z");
    private static final Instant TEN = Instant.parse("2032-05-04T10:00:00Z");

    @Autowired
    private LedgerPruning pruning;
    @Autowired
    private PoolLoads loads;
    @Autowired
    private CapacityLedger ledger;
    @Autowired
    private CapacityPools pools;
    @Autowired
    private LedgerProperties properties;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private MeterRegistry meters;

    private CapacityPool pool;
    /** How long after its snapshot is taken the changes it saw are deleted: max age plus margin. */
    private Duration keep;

    @BeforeEach
    void setUp() {
        passesFrom(T0);
        keep = properties.keep();
        String name = "prune-" + UUID.randomUUID().toString().substring(0, 8);
        pool = new TransactionTemplate(transactions).execute(status -> pools.insert(name,
                new Demand(4, 1_000_000, 1_000), java.util.Map.of(), clock.instant()));
    }

    @Test
    void aPoolsChangesAreDeletedOnceEveryKeptLoadWasReadAfterThem() {
        snapshotTakenAt(T0);
        reserve();
        assertThat(changes()).isEqualTo(1);
        double prunedBefore = meters.get(LedgerPruning.PRUNED_METER).counter().count();

        pruneAt(T0.plus(keep)); // deletes what the snapshot of T0 saw: not the change, made after it
        assertThat(changes()).as("a load read just before the change may still be kept").isEqualTo(1);
        pruneAt(T0.plus(keep).plus(keep).minusSeconds(1));
        assertThat(changes()).as("not yet: the snapshot that saw it is younger than max age plus margin").isEqualTo(1);
        pruneAt(T0.plus(keep).plus(keep));
        assertThat(changes()).isZero();
        assertThat(meters.get(LedgerPruning.PRUNED_METER).counter().count()).isGreaterThan(prunedBefore);
    }

    @Test
    void aChangeThatALiveKeptLoadHasNotSeenIsKeptAndShows() {
        snapshotTakenAt(T0);
        Instant read = T0.plus(properties.pruneMargin());
        clock.set(read);
        assertThat(load(loads)).as("nothing reserved yet").isEmpty();
        reserve(); // after the pending snapshot of T0, not seen by the load kept

        pruneAt(read.plus(properties.keptLoadMaxAge())); // the snapshot of T0 is due; the load is just not too old
        assertThat(changes()).as("the kept load has not seen it").isEqualTo(1);
        assertThat(load(loads)).as("the change shows").hasSize(1);
    }

    /** A replica whose clock lags the pruner's by more than the margin still sees a change pruned away. */
    @Test
    void aLoadKeptByAReplicaWhoseClockLagsIsReadAgainOnceAChangeItMissedIsPruned() {
        snapshotTakenAt(T0);
        PoolLoads lagging = new PoolLoads(jdbc, ledger, Clock.fixed(T0, ZoneOffset.UTC), properties);
        assertThat(load(lagging)).isEmpty();
        reserve();

        pruneAt(T0.plus(keep));
        pruneAt(T0.plus(keep).plus(keep)); // the snapshot taken after the change is pruned: the change is deleted
        assertThat(changes()).isZero();
        assertThat(load(lagging)).as("its kept load was read before the pruned snapshot: read again").hasSize(1);
    }

    /** The pending snapshot taken now and at {@code at} (the pruning a keep before does whatever was due). */
    private void snapshotTakenAt(Instant at) {
        pruneAt(at.minus(keep));
        pruneAt(at);
        assertThat(jdbc.sql("select pending_at from capacity_ledger_pruning").query(java.sql.Timestamp.class).single()
                .toInstant()).isEqualTo(at);
    }

    private void pruneAt(Instant at) {
        clock.set(at);
        pruning.pruneOnce();
    }

    private void reserve() {
        new TransactionTemplate(transactions).execute(status -> ledger.reserve(pool.id(), TEN,
                TEN.plus(Duration.ofHours(1)), new Demand(4, 1024, 1), "test"));
    }

    /** The segments of the pool's load, as {@code from} answers it, in which something is reserved. */
    private List<CapacityLedger.Segment> load(PoolLoads from) {
        return from.load(pool.id(), TEN.minus(Duration.ofHours(2)), TEN.plus(Duration.ofHours(2))).stream()
                .filter(segment -> segment.used().vcpus() > 0).toList();
    }

    private long changes() {
        return jdbc.sql("select count(*) from capacity_ledger_changes where pool_id = ?").param(pool.id())
                .query(Long.class).single();
    }
}
