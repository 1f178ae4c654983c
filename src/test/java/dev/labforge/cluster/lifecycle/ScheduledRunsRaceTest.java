package dev.labforge.cluster.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.HeldConnection;
import dev.labforge.IntegrationTest;
import dev.labforge.access.Caller;
import dev.labforge.cluster.Await;
import dev.labforge.cluster.events.LabEvents;
import dev.labforge.lab.LabRunner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The booking module's starts, stops and destroys ({@link LabRunner}) against the status writer. A scheduled request
 * looks at what the lab is wanted to be before it takes the lab's lock; the status writer may commit a new status
 * row in between (it takes the same lock). A student's reset got "a concurrent request changed the same resource"
 * (409) in four builds: the look had left the lab's runtime row in the transaction, and the write after the lock
 * failed on its version. The test holds the lab's lock so that the request stops right there, writes a status as
 * the status writer would, and lets it go.
 */
class ScheduledRunsRaceTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    LabRunner runner;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    private ApiClient user;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
    }

    @Test
    void aStopWhileTheStatusWriterCommitsIsNotRefused() throws Exception {
        UUID lab = startedLab();
        raceTheStatusWriter(lab, actor -> runner.stop(actor, lab));
        assertThat(desired(lab)).isEqualTo("STOPPED");
    }

    @Test
    void aDestroyWhileTheStatusWriterCommitsIsNotRefused() throws Exception {
        UUID lab = startedLab();
        raceTheStatusWriter(lab, actor -> runner.destroy(actor, lab));
        assertThat(desired(lab)).isEqualTo("DESTROYED");
    }

    @Test
    void aStartWhileTheStatusWriterCommitsIsNotRefused() throws Exception {
        UUID lab = startedLab();
        assertThat(user.post("/api/v1/labs/" + lab + "/stop", "").status()).isEqualTo(202);
        raceTheStatusWriter(lab, actor -> runner.start(actor, lab));
        assertThat(desired(lab)).isEqualTo("RUNNING");
    }

    private void raceTheStatusWriter(UUID lab, Consumer<Caller> request) throws Exception {
        UUID owner = jdbc.sql("select id from users where username = ?").param(user.username()).query(UUID.class)
                .single();
        Caller actor = new Caller(owner, "scheduled run of " + user.username(), true, "test:" + lab, null);
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            HeldConnection.intOf(db, "select 1 from (select pg_advisory_xact_lock(%d, %d)) l".formatted(LabEvents.LOCK_CLASS,
                    LabEvents.lockKey(lab)));
            CompletableFuture<Void> scheduled = CompletableFuture.runAsync(() ->
                    transaction.executeWithoutResult(status -> request.accept(actor)));
            Await.until("the request waiting for the lab's lock", WAIT, () -> scheduled.isDone() || HeldConnection.intOf(db, """
                    select count(*) from pg_locks where locktype = 'advisory' and not granted
                    and classid::bigint = %d and objid::bigint = %d""".formatted(
                    Integer.toUnsignedLong(LabEvents.LOCK_CLASS), Integer.toUnsignedLong(LabEvents.lockKey(lab)))) > 0,
                    () -> "not yet");
            assertThat(scheduled).as("it waits for the lock").isNotDone();
            // a status pass's write to the lab's row, under the lab's lock as StatusRows takes it
            try (PreparedStatement status = db.prepareStatement(
                    "update lab_runtime set version = version + 1, updated_at = now() where lab_id = ?")) {
                status.setObject(1, lab);
                assertThat(status.executeUpdate()).isEqualTo(1);
            }
            db.commit();
            scheduled.get(WAIT.toSeconds(), TimeUnit.SECONDS); // throws if the request failed
        }
    }

    private UUID startedLab() {
        String id = user.post("/api/v1/labs", """
                {"name":"race-%s","nodes":[{"name":"r1","image":"frr"}],"links":[]}""".formatted(
                UUID.randomUUID().toString().substring(0, 8))).json().get("id").asString();
        assertThat(user.post("/api/v1/labs/" + id + "/start", "").status()).isEqualTo(202);
        return UUID.fromString(id);
    }

    private String desired(UUID lab) {
        return jdbc.sql("select desired from lab_runtime where lab_id = ?").param(lab).query(String.class).single();
    }

}
