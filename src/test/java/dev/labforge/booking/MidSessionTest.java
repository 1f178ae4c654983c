package dev.labforge.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What happens in the middle of a class session: the booking reconciler going down and coming back
 * (as in a restart of the service: it keeps nothing in memory, everything is in the rows), and a
 * student dropped from the roster, who loses their lab at once while the lab gets the course's end
 * action and the rest of the class runs on.
 */
class MidSessionTest extends BookingIntegrationTest {

    private static final Instant NOW = Instant.parse("2028-02-01T07:00:00Z");
    private static final String SESSION = "{\"start\":\"2028-02-01T09:00:00Z\",\"end\":\"2028-02-01T10:00:00Z\"}";

    @Autowired
    private BookingReconciler reconciler;
    @Autowired
    private dev.labforge.lab.LabRunner runner;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        await("this replica to hold the reconciler lease", () -> runner.leads());
    }

    @Test
    void aReconcilerDownThroughTheEndOfASessionEndsItsLabsWhenItIsBackAndStartsNothingTwice() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"stop\"");
        List<ApiClient> students = List.of(room.enrol("student"), room.enrol("student"));
        Response session = room.instructor.post(room.path("/sessions"), SESSION);
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        clock.set(Instant.parse("2028-02-01T08:55:00Z"));
        reconciler.pass(); // seats the class
        reconciler.pass(); // starts its labs
        for (ApiClient student : students) {
            await("lab of " + student.username() + " running", () -> labState(student, room.labOf(student)).equals("RUNNING"));
        }

        reconciler.stop(); // down in the middle of the session...
        clock.set(Instant.parse("2028-02-01T10:05:00Z"));
        reconciler.start(); // ...and back after its end: its own loop, no pass driven by the test, catches up
        for (ApiClient student : students) {
            String lab = room.labOf(student);
            await("lab of " + student.username() + " stopped", () -> labState(student, lab).equals("STOPPED"));
            assertThat(labNotes(student, lab, "BookingStarted")).as("started once only").hasSize(1);
            assertThat(student.get("/api/v1/bookings").json().get(0).get("state").asString()).isEqualTo("ended");
        }
        assertThat(room.instructor.get(room.path("/sessions/" + session.json().get("id").asString())).json()
                .get("occurrences").get(0).get("state").asString()).isEqualTo("ended");
    }

    @Test
    void aStudentDroppedMidSessionLosesTheirLabAtOnceItIsResetAsTheCourseSaysAndTheOthersRunOn() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"reset\"");
        ApiClient alice = room.enrol("student");
        ApiClient bob = room.enrol("student");
        String aliceLab = room.labOf(alice);
        String bobLab = room.labOf(bob);
        assertThat(room.instructor.post(room.path("/sessions"), SESSION).status()).isEqualTo(201);
        clock.set(Instant.parse("2028-02-01T08:55:00Z"));
        reconciler.pass();
        reconciler.pass();
        await("bob's lab running", () -> labState(bob, bobLab).equals("RUNNING"));
        await("alice's lab running", () -> labState(alice, aliceLab).equals("RUNNING"));
        // bob breaks his lab in class: one router left
        Response mine = bob.get("/api/v1/labs/" + bobLab);
        assertThat(bob.put("/api/v1/labs/" + bobLab, """
                {"name":"%s","nodes":[{"name":"r1","image":"%s","cpu":2,"memoryMib":1024}],"links":[]}"""
                .formatted(mine.json().get("name").asString(),
                        mine.json().get("nodes").get(0).get("image").asString()), "If-Match", mine.header("ETag"))
                .status()).isEqualTo(200);

        clock.set(Instant.parse("2028-02-01T09:30:00Z"));
        assertThat(room.instructor.delete(room.path("/roster/" + bob.username())).status()).isEqualTo(204);
        // at once, before any pass: no lab, no course, no booking to act on
        assertThat(bob.get("/api/v1/labs/" + bobLab).status()).isEqualTo(404);
        assertThat(bob.post("/api/v1/labs/" + bobLab + "/start", "").status()).isEqualTo(404);
        assertThat(bob.get(room.path("")).status()).isEqualTo(404);
        JsonNode bookings = bob.get("/api/v1/bookings").json();
        assertThat(bookings.get(0).get("end").asString()).as("his booking ends now").isEqualTo("2028-02-01T09:30:00Z");

        reconciler.pass();
        await("bob's lab destroyed", () -> {
            JsonNode status = room.instructor.get("/api/v1/labs/" + bobLab).json().get("status");
            return status == null || status.isNull() || status.get("desired").asString().equals("DESTROYED");
        });
        assertThat(room.instructor.get("/api/v1/labs/" + bobLab).json().get("nodes")).as("reset to the template")
                .hasSize(2);
        assertThat(labState(alice, aliceLab)).as("the class runs on").isEqualTo("RUNNING");
        assertThat(alice.get("/api/v1/bookings").json().get(0).get("end").asString())
                .isEqualTo("2028-02-01T10:00:00Z");
    }
}
