package dev.labforge.booking.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.BookingReconciler;
import dev.labforge.booking.Classroom;
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
 * action and the rest of the class runs on, and students added while the class is under way, who get a lab for it
 * when a seat or the pool allows.
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

    @Test
    void aStudentAddedDuringTheClassGetsALabOnAFreeSeatOrOnCapacityOfTheirOwnWhileThePoolHasRoom() {
        Classroom room = Classroom.create(api(), 12, "");
        ApiClient alice = room.enrol("student");
        ApiClient bob = room.enrol("student");
        assertThat(room.instructor.post(room.path("/sessions"), SESSION).status()).isEqualTo(201);
        clock.set(Instant.parse("2028-02-01T08:55:00Z"));
        reconciler.pass();
        reconciler.pass();
        await("alice's lab running", () -> labState(alice, room.labOf(alice)).equals("RUNNING"));
        assertThat(vcpusAt(room.pool, "2028-02-01T09:10:00Z")).as("two seats of 4").isEqualTo(8);

        // the seats are taken: carol's run is reserved on its own, from now to the class's end
        clock.set(Instant.parse("2028-02-01T09:10:00Z"));
        ApiClient carol = room.enrol("student");
        JsonNode carols = carol.get("/api/v1/bookings").json();
        assertThat(carols).hasSize(1);
        assertThat(carols.get(0).get("start").asString()).isEqualTo("2028-02-01T09:10:00Z");
        assertThat(carols.get(0).get("end").asString()).isEqualTo("2028-02-01T10:00:00Z");
        assertThat(vcpusAt(room.pool, "2028-02-01T09:09:59Z")).isEqualTo(8);
        assertThat(vcpusAt(room.pool, "2028-02-01T09:10:00Z")).isEqualTo(12);
        assertThat(labNotes(carol, room.labOf(carol), "ClassSeated")).singleElement().asString()
                .contains("capacity reserved for it");
        reconciler.pass();
        await("carol's lab running", () -> labState(carol, room.labOf(carol)).equals("RUNNING"));

        // the pool is full now: dave joins from the next occurrence, and his lab's events say why
        clock.set(Instant.parse("2028-02-01T09:15:00Z"));
        ApiClient dave = room.enrol("student");
        assertThat(dave.get("/api/v1/bookings").json()).isEmpty();
        assertThat(labNotes(dave, room.labOf(dave), "ClassSeatRefused")).singleElement().asString()
                .contains("no free seat", "vCPUs", "next occurrence");
        assertThat(vcpusAt(room.pool, "2028-02-01T09:15:00Z")).isEqualTo(12);

        // bob leaves: his seat is free for erin, with nothing more reserved
        clock.set(Instant.parse("2028-02-01T09:20:00Z"));
        assertThat(room.instructor.delete(room.path("/roster/" + bob.username())).status()).isEqualTo(204);
        clock.set(Instant.parse("2028-02-01T09:25:00Z"));
        ApiClient erin = room.enrol("student");
        assertThat(erin.get("/api/v1/bookings").json()).hasSize(1);
        assertThat(labNotes(erin, room.labOf(erin), "ClassSeated")).singleElement().asString()
                .contains("free seat");
        assertThat(vcpusAt(room.pool, "2028-02-01T09:25:00Z")).isEqualTo(12);
        reconciler.pass();
        await("erin's lab running", () -> labState(erin, room.labOf(erin)).equals("RUNNING"));
    }
}
