package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Within one lab, event ids are in commit order: an event that commits later never has a lower id than one a reader
 * already saw, so a stream resuming after the last id it sent (Last-Event-ID) misses nothing. Ids come from one
 * sequence; what keeps the order is the lab's event lock, held by a writer from before it draws an id to its commit.
 * Each test holds a first writer's transaction open and shows the second one waiting for it on PostgreSQL.
 */
class EventOrderTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    LabEvents events;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aSecondAppendWaitsForTheFirstToCommitSoNoReaderSeesALaterIdFirst() throws Exception {
        UUID lab = UUID.randomUUID();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = inThread(() -> tx.executeWithoutResult(t -> {
            events.append(lab, "Test", null, "first");
            appended.countDown();
            await(release);
        }));
        assertThat(appended.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        long waitingBefore = waitingForEventLocks();
        CompletableFuture<Void> second = inThread(() -> tx.executeWithoutResult(t ->
                events.append(lab, "Test", null, "second")));

        Await.until("the second writer waiting for the lab's event lock", WAIT,
                () -> waitingForEventLocks() > waitingBefore, () -> "waiting: " + waitingForEventLocks());
        assertThat(second).isNotDone();
        assertThat(events.after(lab, 0, 10)).as("nothing committed yet").isEmpty();

        release.countDown();
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(events.after(lab, 0, 10)).extracting(LabEvent::message).containsExactly("first", "second");
    }

    @Test
    void theStatusFollowersBatchWaitsForAWriterOfOneOfItsLabs() throws Exception {
        Catalog.ensure(api());
        ApiClient user = api().newUser();
        UUID lab = LifecycleApiTest.runningLab(user, "event-order");
        StatusRows rows = StatusRows.sharing(dataSource);
        StatusRows.Lab row = rows.load(List.of(lab)).get(lab);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> writer = inThread(() -> tx.executeWithoutResult(t -> {
            events.lock(lab);
            locked.countDown();
            await(release);
        }));
        assertThat(locked.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        long waitingBefore = waitingForEventLocks();
        // a batch that changes nothing still takes the lock of every lab in it, before it writes any row
        CompletableFuture<Void> batch = inThread(() -> rows.write(List.of(
                new StatusRows.Change(row, null, row.observedSpec(), Map.of()))));

        Await.until("the follower's batch waiting for the lab's event lock", WAIT,
                () -> waitingForEventLocks() > waitingBefore, () -> "waiting: " + waitingForEventLocks());
        assertThat(batch).isNotDone();
        release.countDown();
        writer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        batch.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** On a thread of its own: the common pool may have a single thread here, busy with the first writer. */
    private static CompletableFuture<Void> inThread(Runnable work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                work.run();
                done.complete(null);
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private long waitingForEventLocks() {
        return jdbc.sql("select count(*) from pg_locks where locktype = 'advisory' and not granted"
                + " and objsubid = 2 and classid::bigint = ?").param(LabEvents.LOCK_CLASS).query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
