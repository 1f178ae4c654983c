package dev.labforge.booking.adhoc;

import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import static dev.labforge.HeldConnection.async;
import static dev.labforge.HeldConnection.awaitBlockedBy;
import static dev.labforge.HeldConnection.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.HeldConnection;
import dev.labforge.cluster.Await;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A student's start of their lab outside a booking and a change of the course's pool, made to meet: the run reserves
 * in the pool the course has when the start commits, or the change is refused because the run holds capacity; never
 * a run in the old pool of a course that moved to the new one.
 *
 * <p>How they are made to meet: the change renames the course as well, to a name this test's own transaction has
 * given another course and not committed, so the change stops at its update, holding the course's row and the old
 * pool's lock; the start comes along meanwhile; the test rolls back, the change commits, and the start goes on.
 */
class PoolChangeRaceTest extends BookingIntegrationTest {

    /** JSON merge patch (RFC 7396), what {@code PATCH /courses/{c}} takes. */
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aStartThatComesWhileThePoolChangesReservesInTheNewPool() throws Exception {
        Classroom room = Classroom.create(api(), 64, "");
        Classroom other = Classroom.create(api(), 64, ""); // its pool is the new one; its name is taken meanwhile
        ApiClient student = room.enrol("student");
        String lab = room.labOf(student);
        String renamed = room.course + "-moved";
        try (Connection db = open()) {
            try (PreparedStatement hold = db.prepareStatement("update courses set name = ? where name = ?")) {
                hold.setString(1, renamed);
                hold.setString(2, other.course);
                assertThat(hold.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Response> change = async(() -> room.instructor.send("PATCH", room.path(""),
                    "{\"pool\":\"" + other.pool + "\",\"name\":\"" + renamed + "\"}", MERGE_PATCH));
            int changing = awaitBlockedBy(db, HeldConnection.intOf(db, "select pg_backend_pid()"), "the change", WAIT);
            CompletableFuture<Response> start = async(() -> student.post("/api/v1/labs/" + lab + "/start", ""));
            awaitBlockedBy(db, changing, "the start", WAIT);
            db.rollback(); // the name is free again: the change commits, then the start goes on

            Response changed = change.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            Response started = start.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
        }
        UUID runPool = jdbc.sql("select pool_id from ad_hoc_runs where lab_id = ?").param(UUID.fromString(lab))
                .query(UUID.class).single();
        UUID coursePool = jdbc.sql("select pool_id from courses where name = ?").param(renamed).query(UUID.class)
                .single();
        UUID newPool = jdbc.sql("select id from capacity_pools where name = ?").param(other.pool).query(UUID.class)
                .single();
        assertThat(coursePool).isEqualTo(newPool);
        assertThat(runPool).as("the run reserves in the course's pool as the start found it").isEqualTo(newPool);
    }

    /**
     * The other order: a start under way (held at the pool's lock by this test) when the pool change comes; the
     * change waits for it and is refused, naming the run. Start first takes the course's row shared, the change
     * takes it first of all: no circle.
     */
    @Test
    void aPoolChangeThatComesWhileAStartIsUnderWayIsRefusedNamingTheRun() throws Exception {
        Classroom room = Classroom.create(api(), 64, "");
        Classroom other = Classroom.create(api(), 64, "");
        ApiClient student = room.enrol("student");
        String lab = room.labOf(student);
        try (Connection db = open()) {
            try (PreparedStatement hold = db.prepareStatement("select id from capacity_pools where name = ? for update")) {
                hold.setString(1, room.pool);
                hold.executeQuery().close();
            }
            int me = HeldConnection.intOf(db, "select pg_backend_pid()");
            CompletableFuture<Response> start = async(() -> student.post("/api/v1/labs/" + lab + "/start", ""));
            int starting = awaitBlockedBy(db, me, "the start", WAIT);
            CompletableFuture<Response> change = async(() -> room.instructor.send("PATCH", room.path(""),
                    "{\"pool\":\"" + other.pool + "\"}", MERGE_PATCH));
            Await.until("the change waiting", WAIT, () -> HeldConnection.intOf(db, """
                    select count(*) from pg_stat_activity where pid not in (%d, pg_backend_pid())
                    and pg_blocking_pids(pid) && array[%d, pg_backend_pid()]""".formatted(starting, starting)) > 0,
                    () -> "none yet");
            db.commit();

            Response started = start.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            Response refused = change.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.json().get("detail").asString()).contains("the run of lab " + lab);
        }
    }
}
