package dev.labforge.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The booking reconciler against the simulated cluster, with the clock moved by the test: labs start
 * at the lead time and get the course's end action at the end, and a pass after the service was down
 * catches up. Each test drives passes itself (the background loop may run some too: passes are
 * idempotent, and a booking one pass holds is skipped by another).
 */
class BookingReconcilerTest extends BookingIntegrationTest {

    private static final Instant NOW = Instant.parse("2029-06-05T07:00:00Z");

    @Autowired
    private BookingReconciler reconciler;

    @BeforeEach
    void setUp() {
        passesFrom(NOW);
    }

    @Test
    void theLabStartsAtTheLeadTimeIsReadyAtTheStartAndStopsAtTheEnd() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"stop\"");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        bookSlot(alice, room, "2029-06-06T09:00:00Z", "2029-06-06T10:00:00Z");

        assertThat(reconciler.pass()).isZero(); // nothing due a day ahead
        assertThat(events(alice, lab)).isZero();

        clock.set(Instant.parse("2029-06-06T08:55:00Z"));
        reconciler.pass();
        awaitStatus(alice, lab, "RUNNING", s -> s != null && s.get("state").asString().equals("RUNNING"));
        int events = events(alice, lab);
        clock.set(Instant.parse("2029-06-06T09:30:00Z"));
        reconciler.pass();
        assertThat(events(alice, lab)).as("a second pass asks for nothing again").isEqualTo(events);

        clock.set(Instant.parse("2029-06-06T10:00:00Z"));
        reconciler.pass();
        awaitStatus(alice, lab, "STOPPED", s -> s != null && s.get("state").asString().equals("STOPPED"));
        assertThat(alice.get("/api/v1/bookings").json().get(0).get("state").asString()).isEqualTo("ended");
    }

    @Test
    void aResetCourseGivesTheStudentTheTemplateBackAndNothingRunning() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"reset\"");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        bookSlot(alice, room, "2029-06-06T09:00:00Z", "2029-06-06T10:00:00Z");
        clock.set(Instant.parse("2029-06-06T09:00:00Z"));
        reconciler.pass();
        awaitStatus(alice, lab, "RUNNING", s -> s != null && s.get("state").asString().equals("RUNNING"));

        // the student breaks their lab: one router left
        Response mine = alice.get("/api/v1/labs/" + lab);
        assertThat(alice.put("/api/v1/labs/" + lab, """
                {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":2,"memoryMib":1024}],"links":[]}"""
                .formatted(mine.json().get("name").asString()), "If-Match", mine.header("ETag")).status())
                .isEqualTo(200);

        clock.set(Instant.parse("2029-06-06T10:00:00Z"));
        reconciler.pass();
        awaitStatus(alice, lab, "destroyed", s -> s == null || s.get("desired").asString().equals("DESTROYED"));
        JsonNode after = alice.get("/api/v1/labs/" + lab).json();
        assertThat(after.get("nodes")).hasSize(2);
        assertThat(after.get("permission").asString()).isEqualTo("edit");
    }

    @Test
    void aPassAfterTheServiceWasDownThroughTheStartCatchesUpAndCancellingEndsTheRun() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"destroy\"");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        String id = bookSlot(alice, room, "2029-06-06T09:00:00Z", "2029-06-06T11:00:00Z");

        reconciler.stop(); // the service goes down before the lead time...
        clock.set(Instant.parse("2029-06-06T09:45:00Z"));
        reconciler.start(); // ...and comes back in the middle of the booking
        reconciler.pass();
        awaitStatus(alice, lab, "RUNNING", s -> s != null && s.get("state").asString().equals("RUNNING"));

        assertThat(alice.delete("/api/v1/bookings/" + id).status()).isEqualTo(204);
        reconciler.pass();
        awaitStatus(alice, lab, "destroyed", s -> s == null || s.get("desired").asString().equals("DESTROYED"));
    }

    @Test
    void aBookingCancelledInItsLeadTimeStopsTheLabThatWasStartedForIt() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"stop\"");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        String id = bookSlot(alice, room, "2029-06-06T09:00:00Z", "2029-06-06T10:00:00Z");
        clock.set(Instant.parse("2029-06-06T08:56:00Z"));
        reconciler.pass();
        awaitStatus(alice, lab, "RUNNING", s -> s != null && s.get("state").asString().equals("RUNNING"));
        assertThat(alice.delete("/api/v1/bookings/" + id).status()).isEqualTo(204);
        reconciler.pass();
        awaitStatus(alice, lab, "STOPPED", s -> s != null && s.get("desired").asString().equals("STOPPED"));
    }

    private static JsonNode status(ApiClient client, String lab) {
        JsonNode status = client.get("/api/v1/labs/" + lab).json().get("status");
        return status == null || status.isNull() ? null : status;
    }

    private static int events(ApiClient client, String lab) {
        int requested = 0; // requests only: the simulated cluster adds status events as it goes
        for (JsonNode event : client.get("/api/v1/labs/" + lab + "/events").json().get("items")) {
            requested += event.get("kind").asString().equals("Requested") ? 1 : 0;
        }
        return requested;
    }

    private static void awaitStatus(ApiClient client, String lab, String what, Predicate<JsonNode> done) {
        await("lab " + lab + " " + what, () -> {
            return done.test(status(client, lab));
        });
    }
}
