package dev.labforge.booking.course;

import static dev.labforge.HeldConnection.async;
import static dev.labforge.HeldConnection.awaitBlockedBy;
import static dev.labforge.HeldConnection.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.HeldConnection;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.BookingReconciler;
import dev.labforge.booking.Classroom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A staff member made a student again while a class of the course is under way, and their own lab (kept from when
 * they were a student) started by hand at that moment. The roster change locks the course's row and then, seating
 * them in the class ({@link LateSeats}), appends to their lab's event log (its event lock); a start by hand takes the
 * lab's locks (row, owner, event lock) and then reads the course's pool with the course's row shared
 * ({@code RunPools.forStart}). Taken in those orders, the two closed a circle: PostgreSQL broke it (40P01) and one of
 * them got a 409. A start outside a booking now takes the course's row before the lab's locks, as the roster does.
 *
 * <p>How they are made to meet: the test holds the class occurrence's row, so the roster change stops at it holding
 * the course's row; the start comes along and waits too (for the course's row: with the old order, holding the lab's
 * event lock by then); the test lets go.
 */
class RosterStartRaceTest extends BookingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SESSION = "{\"start\":\"2029-03-06T09:00:00Z\",\"end\":\"2029-03-06T10:00:00Z\","
            + "\"seats\":2}";

    @Autowired
    private BookingReconciler reconciler;

    @BeforeEach
    void setUp() {
        passesFrom(Instant.parse("2029-03-06T07:00:00Z"));
    }

    @Test
    void aStaffMemberMadeAStudentDuringAClassWhileTheirLabIsStartedByHandGetsBothDone() throws Exception {
        Classroom room = Classroom.create(api(), 64, "");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        assertThat(role(room, alice, "assistant").status()).isEqualTo(200); // she keeps her lab
        Response session = room.instructor.post(room.path("/sessions"), SESSION);
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        clock.set(Instant.parse("2029-03-06T08:55:00Z"));
        reconciler.pass(); // seats the class: no student on the roster
        clock.set(Instant.parse("2029-03-06T09:10:00Z"));

        try (Connection db = open()) {
            try (PreparedStatement hold = db.prepareStatement("select o.id from session_occurrences o"
                    + " join courses c on c.id = o.course_id where c.name = ? for update of o")) {
                hold.setString(1, room.course);
                hold.executeQuery().close();
            }
            int me = HeldConnection.intOf(db, "select pg_backend_pid()");
            CompletableFuture<Response> change = async(() -> role(room, alice, "student"));
            int changing = awaitBlockedBy(db, me, "the roster change", WAIT); // holding the course's row
            CompletableFuture<Response> start = async(() -> alice.post("/api/v1/labs/" + lab + "/start", ""));
            awaitBlockedBy(db, changing, "the start", WAIT);
            db.rollback(); // the roster change seats her in the class (her lab's event lock), then the start goes on

            Response changed = change.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Response started = start.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(started.status()).as(started.body()).isEqualTo(202);
        }
        assertThat(labNotes(alice, lab, "ClassSeated")).singleElement().asString().contains(alice.username());
        assertThat(alice.get("/api/v1/labs/" + lab + "/run").status())
                .as("started on the class's booking the roster change made: no run outside a booking").isEqualTo(404);
    }

    /**
     * The start leaves the course's row alone when a booking holds the lab (the booking reconciler holds the booking's
     * row by then, which a roster's drop locks after the course's). Should the booking be over by the time the start
     * has the lab's locks, the start reserves outside it after all: it then tries the course's row for a moment instead
     * of waiting for it (with the lab's locks held, a wait could close the circle above), and a course still being
     * changed refuses it with a 409 to send again.
     */
    @Test
    void aStartWhoseBookingEndedWhileItWaitedForTheLabIsRefusedRatherThanWaitingForTheCoursesRow() throws Exception {
        Classroom room = Classroom.create(api(), 64, "");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        String booking = bookSlot(alice, room, "2029-03-06T09:00:00Z", "2029-03-06T10:00:00Z");
        clock.set(Instant.parse("2029-03-06T09:59:00Z")); // the booking holds her lab

        try (Connection db = open(); Connection course = open()) {
            try (PreparedStatement hold = db.prepareStatement("select id from bookings where id = ? for update")) {
                hold.setObject(1, java.util.UUID.fromString(booking)); // keeps the booking reconciler off it
                hold.executeQuery().close();
            }
            try (PreparedStatement hold = db.prepareStatement("select id from labs where id = ? for update")) {
                hold.setObject(1, java.util.UUID.fromString(lab));
                hold.executeQuery().close();
            }
            int me = HeldConnection.intOf(db, "select pg_backend_pid()");
            CompletableFuture<Response> start = async(() -> alice.post("/api/v1/labs/" + lab + "/start", ""));
            awaitBlockedBy(db, me, "the start", WAIT); // past its first look at the bookings, at the lab's row
            clock.set(Instant.parse("2029-03-06T10:00:00Z")); // the booking is over
            try (PreparedStatement hold = course.prepareStatement("select c.id from courses c where c.name = ?"
                    + " for no key update")) {
                hold.setString(1, room.course); // as a roster change or a change of the course holds it
                hold.executeQuery().close();
            }
            db.rollback();

            Response refused = start.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("type").asString()).endsWith("/conflict");
            assertThat(refused.json().get("detail").asString()).contains("course of lab " + lab,
                    "being changed right now", "start the lab again");
            course.rollback();
        }
        Response started = alice.post("/api/v1/labs/" + lab + "/start", "");
        assertThat(started.status()).as("once the course is free: " + started.body()).isEqualTo(202);
        assertThat(alice.get("/api/v1/labs/" + lab + "/run").json().get("pool").asString()).isEqualTo(room.pool);
    }

    private static Response role(Classroom room, ApiClient member, String role) {
        return room.instructor.post(room.path("/roster"), "{\"members\":[{\"username\":\"" + member.username()
                + "\",\"role\":\"" + role + "\"}]}");
    }
}
