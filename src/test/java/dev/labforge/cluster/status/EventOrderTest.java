package dev.labforge.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.TestDatabase;
import dev.labforge.cluster.Await;
import dev.labforge.cluster.LifecycleApiTest;
import dev.labforge.cluster.events.LabEvent;
import dev.labforge.cluster.events.LabEvents;
import java.sql.DriverManager;
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
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
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
        CompletableFuture<Integer> secondBackend = new CompletableFuture<>();
        CompletableFuture<Void> second = inThread(() -> tx.executeWithoutResult(t -> {
            secondBackend.complete(backend()); // the transaction's connection, which the append below uses
            events.append(lab, "Test", null, "second");
        }));

        int backend = secondBackend.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Await.until("the second writer waiting for the lab's event lock", WAIT,
                () -> waitsForEventLock(backend, lab), () -> "its locks: " + locksOf(backend));
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
        // the batch on a connection of its own, so that its backend is known: the service's follower and passes may
        // wait for this lab's lock too meanwhile
        TestDatabase.Connection db = TestDatabase.get();
        try (java.sql.Connection own = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            int backend = backend(own);
            StatusRows batchRows = StatusRows.sharing(new SingleConnectionDataSource(own, true));
            // a batch that changes nothing still takes the lock of every lab in it, before it writes any row
            CompletableFuture<Void> batch = inThread(() -> batchRows.write(List.of(
                    new StatusRows.Change(row, null, row.observedSpec(), Map.of()))));

            Await.until("the follower's batch waiting for the lab's event lock", WAIT,
                    () -> waitsForEventLock(backend, lab), () -> "its locks: " + locksOf(backend));
            assertThat(batch).isNotDone();
            release.countDown();
            writer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            batch.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
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

    /** The backend of the calling thread's transaction. */
    private int backend() {
        return jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
    }

    private static int backend(java.sql.Connection connection) throws java.sql.SQLException {
        try (var statement = connection.createStatement();
             var result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    /** Whether that backend, and no other, waits for the lab's event lock (two-key advisory locks have objsubid 2). */
    private boolean waitsForEventLock(int backend, UUID lab) {
        return jdbc.sql("""
                select count(*) from pg_locks where pid = ? and locktype = 'advisory' and not granted
                and objsubid = 2 and classid::bigint = ? and objid::bigint = ?""")
                .params(backend, LabEvents.LOCK_CLASS, Integer.toUnsignedLong(LabEvents.lockKey(lab)))
                .query(Long.class).single() > 0;
    }

    private List<String> locksOf(int backend) {
        return jdbc.sql("select locktype || ' ' || classid || '/' || objid || '/' || objsubid || ' granted '"
                + " || granted from pg_locks where pid = ? and locktype = 'advisory'").param(backend)
                .query(String.class).list();
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
