package dev.labforge.booking.course;

import static dev.labforge.HeldConnection.async;
import static dev.labforge.HeldConnection.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.HeldConnection;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import dev.labforge.cluster.Await;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Re-applying the template and a student's start of the same lab, made to meet: a lab is either re-applied before it
 * starts (and runs the template's definition) or left alone because it started, never redefined once started. The
 * test holds the student's quota lock, which a start and an edit both take after the lab's row lock, so that one of
 * the two stops inside its transaction while the other comes along; nothing waits on time.
 */
class TemplateApplyRaceTest extends BookingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** QuotaStore.LIMITS_LOCK_CLASS: an owner's limits, taken shared by every admission (a start, an edit). */
    private static final int LIMITS_LOCK_CLASS = 0x4C616251;

    @Test
    void aStartUnderWayWhenTheTemplateIsReappliedLeavesTheLabAlone() throws Exception {
        Race race = race();
        try (Connection db = open()) {
            holdQuotaLock(db, race.student);
            CompletableFuture<Response> start = async(() -> race.studentClient.post(race.labPath() + "/start", ""));
            int starting = awaitWaiterOnQuotaLock(db, race.student);
            CompletableFuture<Response> apply = async(() -> race.room.instructor.post(race.room.path("/template/apply"),
                    "{}"));
            awaitAnotherWaiter(db, starting);
            db.commit(); // the quota lock goes: the start commits, then the re-apply looks at the lab

            assertThat(start.get(WAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(202);
            Response applied = apply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(applied.status()).as(applied.body()).isEqualTo(200);
            assertThat(applied.json().get("updated")).as(applied.body()).isEmpty();
            assertThat(applied.json().get("skipped").get(0).get("reason").asString()).startsWith("started");
            assertThat(race.nodes()).as("the student's definition, untouched").isEqualTo(2);
        }
    }

    @Test
    void aReapplyUnderWayWhenTheLabIsStartedRunsTheTemplatesDefinition() throws Exception {
        Race race = race();
        try (Connection db = open()) {
            holdQuotaLock(db, race.student);
            CompletableFuture<Response> apply = async(() -> race.room.instructor.post(race.room.path("/template/apply"),
                    "{}"));
            int applying = awaitWaiterOnQuotaLock(db, race.student);
            CompletableFuture<Response> start = async(() -> race.studentClient.post(race.labPath() + "/start", ""));
            awaitAnotherWaiter(db, applying);
            db.commit();

            Response applied = apply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(applied.status()).as(applied.body()).isEqualTo(200);
            assertThat(applied.json().get("updated")).as(applied.body()).hasSize(1);
            assertThat(start.get(WAIT.toSeconds(), TimeUnit.SECONDS).status()).isEqualTo(202);
            assertThat(race.nodes()).as("the template's definition").isEqualTo(1);
            Await.until("the lab running the template's one router", WAIT, Duration.ofMillis(50), () -> {
                JsonNode status = race.studentClient.get(race.labPath()).json().get("status");
                return status != null && status.get("state").asString().equals("RUNNING")
                        && status.get("total").asInt() == 1;
            }, () -> race.studentClient.get(race.labPath()).body());
        }
    }

    @Test
    void aResetWhileAStartWaitsForTheOwnersLockQueuesBehindItInsteadOfDeadlocking() throws Exception {
        Race race = race();
        // started and stopped once, so that the reset's destroy has a run to end and takes the lab's event lock
        assertThat(race.studentClient.post(race.labPath() + "/start", "").status()).isEqualTo(202);
        assertThat(race.studentClient.post(race.labPath() + "/stop", "").status()).isEqualTo(202);
        try (Connection db = open()) {
            holdQuotaLock(db, race.student);
            CompletableFuture<Response> start = async(() -> race.studentClient.post(race.labPath() + "/start", ""));
            int starting = awaitWaiterOnQuotaLock(db, race.student); // holding the lab's row, shared
            CompletableFuture<Response> reset = async(() -> race.studentClient.post(
                    race.room.path("/labs/" + race.lab + "/reset"), ""));
            awaitAnotherWaiter(db, starting);
            db.commit(); // the start goes on to its event lock: a reset holding that one would close a circle

            Response started = start.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            Response done = reset.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(done.status()).as(done.body()).isEqualTo(202);
            assertThat(race.nodes()).as("the template's definition").isEqualTo(1);
        }
    }

    /** A course whose template was edited down to one router since the student's two-router lab was copied. */
    private Race race() {
        Classroom room = Classroom.create(api(), 64, "");
        ApiClient student = room.enrol("student");
        String lab = room.labOf(student);
        JsonNode template = room.instructor.get("/api/v1/labs/" + room.templateLab).json();
        Response edited = room.instructor.put("/api/v1/labs/" + room.templateLab, """
                {"name":"%s","nodes":[{"name":"r1","image":"%s","cpu":1,"memoryMib":512}],"links":[]}"""
                .formatted(template.get("name").asString(), template.get("nodes").get(0).get("image").asString()));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        UUID owner = UUID.fromString(student.get("/api/v1/labs/" + lab).json().get("owner").get("id").asString());
        Race race = new Race(room, student, lab, owner);
        assertThat(race.nodes()).isEqualTo(2);
        return race;
    }

    private record Race(Classroom room, ApiClient studentClient, String lab, UUID student) {
        String labPath() {
            return "/api/v1/labs/" + lab;
        }

        int nodes() {
            return studentClient.get(labPath()).json().get("nodes").size();
        }
    }

    private static void holdQuotaLock(Connection db, UUID owner) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, LIMITS_LOCK_CLASS);
            lock.setInt(2, owner.hashCode());
            lock.executeQuery().close();
        }
    }

    /** The backend that waits for the owner's quota lock, once one does. */
    private static int awaitWaiterOnQuotaLock(Connection db, UUID owner) {
        int[] found = {0};
        Await.until("a request waiting for the student's quota lock", WAIT, () -> {
            found[0] = HeldConnection.intOf(db, """
                    select coalesce(min(pid), 0) from pg_locks where locktype = 'advisory' and not granted
                    and objsubid = 2 and classid::bigint = %d and objid::bigint = %d""".formatted(LIMITS_LOCK_CLASS,
                    Integer.toUnsignedLong(owner.hashCode())));
            return found[0] != 0;
        }, () -> "none yet");
        return found[0];
    }

    /** Until a second request waits, behind this test's lock or behind the first one. */
    private static void awaitAnotherWaiter(Connection db, int first) {
        Await.until("the second request waiting", WAIT, () -> HeldConnection.intOf(db, """
                select count(*) from pg_stat_activity where pid not in (%d, pg_backend_pid())
                and pg_blocking_pids(pid) && array[%d, pg_backend_pid()]""".formatted(first, first)) > 0,
                () -> "none yet");
    }
}
