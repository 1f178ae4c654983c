package dev.labforge.booking.practice;

import dev.labforge.api.ServiceUnavailable;
import dev.labforge.booking.timetable.BookingProperties;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lets the writes that reserve from one capacity pool take their turn <em>before</em> they take a database
 * connection. The ledger serializes them anyway (each locks the pool's row, {@link dev.labforge.booking.capacity.CapacityLedger}), so
 * without this a class's worth of students booking at once would each hold a connection while waiting for
 * that lock, empty the connection pool, and the last ones would fail waiting for a connection. Here they
 * wait in line in the service instead, holding nothing; the row lock stays what makes overbooking
 * impossible, across replicas too (each replica has its own line, and the lines meet at the lock).
 */
@Component
class PoolTurns {

    private final Map<UUID, Semaphore> turns = new ConcurrentHashMap<>();
    private final TransactionTemplate transactions;
    private final Duration patience;

    PoolTurns(TransactionTemplate transactions, BookingProperties properties) {
        this.transactions = transactions;
        this.patience = properties.poolTurnPatience();
    }

    /** Runs {@code work} in a transaction of its own once it is this pool's turn ({@code null}: no pool, no line). */
    <T> T inTransaction(UUID poolId, Supplier<T> work) {
        if (poolId == null) {
            return transactions.execute(status -> work.get());
        }
        Semaphore turn = turns.computeIfAbsent(poolId, id -> new Semaphore(1, true));
        boolean mine;
        try {
            mine = turn.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable("the request was interrupted while waiting for its turn; send it again");
        }
        if (!mine) {
            throw new ServiceUnavailable("too many requests are reserving capacity from this pool at once; send it"
                    + " again in a moment");
        }
        try {
            return transactions.execute(status -> work.get());
        } finally {
            turn.release();
        }
    }

    /** How many requests wait in this pool's line now. */
    int waiting(UUID poolId) {
        Semaphore turn = turns.get(poolId);
        return turn == null ? 0 : turn.getQueueLength();
    }
}
