package dev.labforge.booking.capacity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the ledger's changes ({@code capacity_ledger_changes}, V51) that no kept load ({@link PoolLoads}) needs any
 * more; without it the table grows with every reservation written.
 *
 * <p>A pruning remembers a snapshot P, taken at time t ({@code capacity_ledger_pruning}, V55, so the next replica to
 * hold the reconciler's lease goes on from there). Once {@code kept-load-max-age} plus {@code prune-margin}
 * has passed since t, every load still kept anywhere was read after P, so it sees every transaction P saw: the
 * changes of those transactions tell it nothing, and are deleted; P is recorded as pruned, and a new P taken. Not by
 * {@code changed_at}: a long transaction's change has an early timestamp but may commit after a load was read.
 *
 * <p>Who prunes when is the caller's (the booking module's loop, on the replica holding the reconciler's lease); the
 * row's lock serializes any two prunings that overlap, so one more, from anywhere, changes nothing. Only the Clock
 * decides whether one is due: a clock that went back behind t starts over with a new P (later is always safe).
 */
@Component
public class LedgerPruning {

    static final String PRUNED_METER = "labforge.capacity.ledger.pruned";

    private record Pending(String snapshot, Instant at) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration keep;
    private final Counter pruned;

    LedgerPruning(JdbcClient jdbc, TransactionTemplate transaction, LedgerProperties properties, Clock clock,
                  MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.keep = properties.keep();
        this.pruned = Counter.builder(PRUNED_METER).baseUnit("rows")
                .description("Rows of capacity_ledger_changes deleted once no kept pool load needed them")
                .register(meters);
    }

    /** Prunes once, in a transaction of its own: deletes the changes the pending snapshot saw if it is old enough. */
    public int pruneOnce() {
        Integer deleted = transaction.execute(status -> prune());
        pruned.increment(deleted);
        return deleted;
    }

    private int prune() {
        jdbc.sql("insert into capacity_ledger_pruning default values on conflict do nothing").update();
        Pending pending = jdbc.sql("select pending::text, pending_at from capacity_ledger_pruning for update")
                .query((rs, row) -> rs.getString(1) == null ? null
                        : new Pending(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .optional().orElse(null);
        Instant now = clock.instant();
        boolean clockWentBack = pending != null && now.isBefore(pending.at());
        if (pending != null && !clockWentBack && now.isBefore(pending.at().plus(keep))) {
            return 0;
        }
        int deleted = 0;
        if (pending != null && !clockWentBack) {
            deleted = jdbc.sql("delete from capacity_ledger_changes"
                            + " where pg_visible_in_snapshot(xid, cast(:pending as pg_snapshot))")
                    .param("pending", pending.snapshot()).update();
            jdbc.sql("update capacity_ledger_pruning set pruned = cast(:pending as pg_snapshot)")
                    .param("pending", pending.snapshot()).update();
        }
        String snapshot = jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
        // the time read after the snapshot is taken: a kept load read before it is older than this says
        jdbc.sql("update capacity_ledger_pruning set pending = cast(:snapshot as pg_snapshot), pending_at = :at")
                .param("snapshot", snapshot).param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
        return deleted;
    }
}
