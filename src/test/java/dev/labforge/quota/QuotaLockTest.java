package dev.labforge.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.TestDatabase;
import dev.labforge.access.Owner;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which quota work waits for which, seen from a second connection holding the locks by hand. */
class QuotaLockTest extends IntegrationTest {

    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"},{"name":"r2","image":"frr"}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""";

    private ApiClient alice;
    private Owner owner;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        alice = api().newUser();
        owner = Owner.user(UUID.fromString(alice.get("/api/v1/me").json().get("id").asString()));
    }

    @Test
    void anOwnerWithoutLimitsCreatesAndStartsWhileAnotherAdmissionOfTheirsIsInFlight() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = connection()) {
            holder.setAutoCommit(false);
            lock(holder, "select pg_advisory_xact_lock(?)", QuotaStore.admissionKey(owner));
            // what a limited owner's admission holds until it commits: nothing of an unlimited owner waits for it
            Future<Integer> work = pool.submit(() -> {
                Response created = alice.post("/api/v1/labs", LAB.formatted("free"));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                return alice.post("/api/v1/labs/" + created.json().get("id").asString() + "/start", null).status();
            });
            assertThat(work.get(20, TimeUnit.SECONDS)).isEqualTo(202);
            holder.rollback();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLimitIsSetOnlyOnceTheAdmissionsThatReadTheOldOnesHaveCommitted() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = connection()) {
            holder.setAutoCommit(false);
            // an admission of the owner that read "no limits" and has not committed yet
            lock(holder, "select pg_advisory_xact_lock_shared(" + QuotaStore.LIMITS_LOCK_CLASS + ", ?)",
                    owner.id().hashCode());
            Future<Response> set = pool.submit(() -> api().put("/api/v1/quotas/users/" + alice.username(),
                    "{\"labs\":0}"));
            awaitWaiter(holder);
            assertThat(set.isDone()).isFalse();
            holder.rollback();
            assertThat(set.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(alice.post("/api/v1/labs", LAB.formatted("too-many")).status()).isEqualTo(403);
    }

    @Test
    void anAdmissionWaitsForALimitBeingSetAndThenObeysIt() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = connection()) {
            holder.setAutoCommit(false);
            // a change of the owner's limits in flight: the admission reads the limits only after it commits
            lock(holder, "select pg_advisory_xact_lock(" + QuotaStore.LIMITS_LOCK_CLASS + ", ?)",
                    owner.id().hashCode());
            Future<Response> create = pool.submit(() -> alice.post("/api/v1/labs", LAB.formatted("raced")));
            awaitWaiter(holder);
            try (PreparedStatement insert = holder.prepareStatement(
                    "insert into quotas (owner_kind, owner_id, labs) values ('user', ?, 0)")) {
                insert.setObject(1, owner.id());
                insert.executeUpdate();
            }
            holder.commit();
            Response answer = create.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Connection connection() throws Exception {
        TestDatabase.Connection db = TestDatabase.get();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    private static void lock(Connection connection, String sql, Object key) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, key);
            statement.executeQuery().close();
        }
    }

    /** Waits until some session waits for an advisory lock that {@code holder}'s session holds. */
    private static void awaitWaiter(Connection holder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection watcher = connection(); PreparedStatement waiting = watcher.prepareStatement("""
                select count(*) from pg_locks w join pg_locks h
                  on h.locktype = 'advisory' and h.granted and h.classid = w.classid and h.objid = w.objid
                  and h.objsubid = w.objsubid
                where w.locktype = 'advisory' and not w.granted and h.pid = ?""")) {
            waiting.setInt(1, holder.unwrap(org.postgresql.PGConnection.class).getBackendPID());
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = waiting.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("nobody waited for the held lock");
    }
}
