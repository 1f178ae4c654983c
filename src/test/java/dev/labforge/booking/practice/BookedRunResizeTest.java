package dev.labforge.booking.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.BookingReconciler;
import dev.labforge.booking.Classroom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A lab running for a booking that is edited to take more holds more of its pool until the booking's end, or the
 * edit is refused with what is short and when; one edited to take less gives the rest back. For practice time the
 * reservation is the booking's own; in a class session it is the occurrence's, shared by its seats.
 */
class BookedRunResizeTest extends BookingIntegrationTest {

    @Autowired
    private BookingReconciler reconciler;

    @Test
    void aBookedLabThatGrowsHoldsMoreUntilTheBookingsEndOrItsEditIsRefusedAndOneThatShrinksGivesBack() {
        passesFrom(Instant.parse("2032-04-05T07:00:00Z"));
        Classroom room = Classroom.create(api(), 8, "");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        bookSlot(alice, room, "2032-04-05T08:00:00Z", "2032-04-05T09:00:00Z");
        clock.set(Instant.parse("2032-04-05T07:58:00Z"));
        reconciler.pass();
        await("alice's lab running", () -> labState(alice, lab).equals("RUNNING"));

        clock.set(Instant.parse("2032-04-05T08:30:00Z"));
        Response grown = alice.put("/api/v1/labs/" + lab, routers(alice, lab, 3));
        assertThat(grown.status()).as(grown.body()).isEqualTo(200);
        assertThat(vcpusAt(room.pool, "2032-04-05T08:29:59Z")).as("the past as it was").isEqualTo(4);
        assertThat(vcpusAt(room.pool, "2032-04-05T08:30:00Z")).isEqualTo(6);
        assertThat(vcpusAt(room.pool, "2032-04-05T08:59:59Z")).isEqualTo(6);
        assertThat(vcpusAt(room.pool, "2032-04-05T09:00:00Z")).isZero();
        assertThat(labNotes(alice, lab, "RunResized")).singleElement().asString().contains("6 vCPUs");

        clock.set(Instant.parse("2032-04-05T08:40:00Z"));
        Response refused = alice.put("/api/v1/labs/" + lab, routers(alice, lab, 5));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).endsWith("/capacity-exhausted");
        assertThat(problem.get("resource").asString()).isEqualTo("vcpus");
        assertThat(problem.get("shortBy").asLong()).isEqualTo(2);
        assertThat(problem.get("interval").get("start").asString()).isEqualTo("2032-04-05T08:40:00Z");
        assertThat(problem.get("interval").get("end").asString()).isEqualTo("2032-04-05T09:00:00Z");
        assertThat(alice.get("/api/v1/labs/" + lab).json().get("nodes")).as("nothing changed").hasSize(3);
        assertThat(vcpusAt(room.pool, "2032-04-05T08:40:00Z")).isEqualTo(6);

        Response shrunk = alice.put("/api/v1/labs/" + lab, routers(alice, lab, 1));
        assertThat(shrunk.status()).as(shrunk.body()).isEqualTo(200);
        assertThat(vcpusAt(room.pool, "2032-04-05T08:39:59Z")).isEqualTo(6);
        assertThat(vcpusAt(room.pool, "2032-04-05T08:40:00Z")).isEqualTo(2);
    }

    @Test
    void aLabInAClassSessionGrowsWithinWhatTheOthersLeaveOfTheOccurrencesReservation() {
        passesFrom(Instant.parse("2032-04-06T07:00:00Z"));
        Classroom room = Classroom.create(api(), 8, "");
        ApiClient alice = room.enrol("student");
        ApiClient bob = room.enrol("student");
        Response session = room.instructor.post(room.path("/sessions"), "{\"start\":\"2032-04-06T09:00:00Z\","
                + "\"end\":\"2032-04-06T10:00:00Z\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        clock.set(Instant.parse("2032-04-06T08:55:00Z"));
        reconciler.pass(); // seats the class
        reconciler.pass(); // starts its labs
        await("bob's lab running", () -> labState(bob, room.labOf(bob)).equals("RUNNING"));
        await("alice's lab running", () -> labState(alice, room.labOf(alice)).equals("RUNNING"));
        assertThat(vcpusAt(room.pool, "2032-04-06T09:10:00Z")).as("two seats of 4 fill the pool").isEqualTo(8);

        clock.set(Instant.parse("2032-04-06T09:10:00Z"));
        Response full = alice.put("/api/v1/labs/" + room.labOf(alice), routers(alice, room.labOf(alice), 3));
        assertThat(full.status()).as(full.body()).isEqualTo(409);
        assertThat(full.json().get("shortBy").asLong()).isEqualTo(2);
        assertThat(full.json().get("interval").get("end").asString()).isEqualTo("2032-04-06T10:00:00Z");

        Response shrunk = bob.put("/api/v1/labs/" + room.labOf(bob), routers(bob, room.labOf(bob), 1));
        assertThat(shrunk.status()).as(shrunk.body()).isEqualTo(200);
        assertThat(vcpusAt(room.pool, "2032-04-06T09:10:00Z")).isEqualTo(6);
        clock.set(Instant.parse("2032-04-06T09:20:00Z"));
        Response grown = alice.put("/api/v1/labs/" + room.labOf(alice), routers(alice, room.labOf(alice), 3));
        assertThat(grown.status()).as(grown.body()).isEqualTo(200);
        assertThat(vcpusAt(room.pool, "2032-04-06T09:15:00Z")).isEqualTo(6);
        assertThat(vcpusAt(room.pool, "2032-04-06T09:20:00Z")).isEqualTo(8);
        assertThat(labNotes(alice, room.labOf(alice), "RunResized")).singleElement().asString()
                .contains("6 vCPUs", "class session");
    }

    /** The lab with {@code count} routers of 2 vCPUs and 1 GiB on its own image. */
    private static String routers(ApiClient owner, String lab, int count) {
        JsonNode current = owner.get("/api/v1/labs/" + lab).json();
        String image = current.get("nodes").get(0).get("image").asString();
        StringBuilder nodes = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            nodes.append(i > 1 ? "," : "").append("{\"name\":\"r").append(i).append("\",\"image\":\"").append(image)
                    .append("\",\"cpu\":2,\"memoryMib\":1024}");
        }
        return "{\"name\":\"" + current.get("name").asString() + "\",\"nodes\":[" + nodes + "],\"links\":[]}";
    }
}
