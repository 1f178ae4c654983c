package dev.labforge.booking.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.BookingReconciler;
import dev.labforge.booking.Classroom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Class sessions: recurring in the course's time zone, all occurrences' capacity reserved at once or
 * none, seated for the roster at the lead time and run by the booking reconciler, cancelled one by
 * one or as a series.
 */
class ClassSessionTest extends BookingIntegrationTest {

    private static final Instant NOW = Instant.parse("2027-01-01T08:00:00Z");
    private static final String WEEKLY = "{\"start\":\"2027-01-05T09:00:00+01:00\",\"end\":\"2027-01-05T11:00:00+01:00\","
            + "\"recurrence\":\"FREQ=WEEKLY;UNTIL=20270330\"%s}";

    @Autowired
    private BookingReconciler reconciler;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
    }

    @Test
    void aWeeklySessionKeepsItsLocalTimeAcrossTheClockChangeAndHoldsCapacityForEveryOccurrence() {
        Classroom room = Classroom.create(api(), 64, "\"timeZone\":\"Europe/Zurich\",\"endAction\":\"stop\"");
        room.enrol("student");
        room.enrol("student");
        Response booked = room.instructor.post(room.path("/sessions"), WEEKLY.formatted(""));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode session = booked.json();
        assertThat(session.get("seats").asInt()).as("one per student on the roster").isEqualTo(2);
        JsonNode occurrences = session.get("occurrences");
        assertThat(occurrences).hasSize(13);
        assertThat(occurrences.get(0).get("start").asString()).isEqualTo("2027-01-05T08:00:00Z");
        // Zurich moves to summer time on 28 March: the class stays at 09:00 there
        assertThat(occurrences.get(12).get("start").asString()).isEqualTo("2027-03-30T07:00:00Z");
        assertThat(occurrences.get(12).get("end").asString()).isEqualTo("2027-03-30T09:00:00Z");

        // 2 runs of 4 vCPUs held in each occurrence from its lead time to its end: 5 minutes to boot, and a
        // minute to start both at the configured rate
        JsonNode load = api().get("/api/v1/capacity/pools/" + room.pool + "/load?from=2027-03-30T06:00:00Z"
                + "&to=2027-03-30T10:00:00Z").json().get("segments");
        assertThat(vcpusAt(load, "2027-03-30T06:54:00Z")).isEqualTo(8);
        assertThat(vcpusAt(load, "2027-03-30T06:53:59Z")).isZero();
        assertThat(vcpusAt(load, "2027-03-30T09:00:00Z")).isZero();
        assertThat(room.enrol("student").get(room.path("/sessions")).json().get(0).get("occurrences")).hasSize(13);
    }

    @Test
    void aSessionThatDoesNotFitInOneOccurrenceIsRefusedNamingItAndNothingIsBooked() {
        Classroom room = Classroom.create(api(), 8, "\"timeZone\":\"Europe/Zurich\"");
        room.enrol("student");
        // another course on the same pool fills it on the third Tuesday: 2 runs x 4 vCPUs = 8
        Response other = room.instructor.post("/api/v1/courses", "{\"name\":\"" + room.course + "-b\","
                + "\"templateLab\":\"" + room.templateLab + "\",\"pool\":\"" + room.pool + "\"}");
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        assertThat(room.instructor.post("/api/v1/courses/" + room.course + "-b/sessions", "{\"start\":"
                + "\"2027-01-19T10:00:00+01:00\",\"end\":\"2027-01-19T10:30:00+01:00\",\"seats\":2}").status())
                .isEqualTo(201);

        Response refused = room.instructor.post(room.path("/sessions"), WEEKLY.formatted(""));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).endsWith("/capacity-exhausted");
        assertThat(problem.get("occurrence").get("seq").asInt()).isEqualTo(3);
        assertThat(problem.get("occurrence").get("start").asString()).isEqualTo("2027-01-19T08:00:00Z");
        assertThat(problem.get("pool").asString()).isEqualTo(room.pool);
        assertThat(problem.get("resource").asString()).isEqualTo("vcpus");
        assertThat(problem.get("shortBy").asLong()).isEqualTo(4);
        assertThat(problem.get("detail").asString()).startsWith("occurrence 3 of 13");
        assertThat(room.instructor.get(room.path("/sessions")).json()).as("nothing booked").isEmpty();
        JsonNode load = api().get("/api/v1/capacity/pools/" + room.pool + "/load?from=2027-01-05T07:00:00Z"
                + "&to=2027-01-05T11:00:00Z").json().get("segments");
        assertThat(vcpusAt(load, "2027-01-05T08:30:00Z")).as("occurrences 1 and 2 released too").isZero();
    }

    @Test
    void theRosterIsSeatedAtTheLeadTimeTheirLabsRunAndOneOccurrenceOrTheSeriesCanBeCancelled() {
        awaitReconcilerLease();
        Classroom room = Classroom.create(api(), 64, "\"timeZone\":\"Europe/Zurich\",\"endAction\":\"stop\"");
        ApiClient alice = room.enrol("student");
        ApiClient bob = room.enrol("student");
        String session = room.instructor.post(room.path("/sessions"), WEEKLY.formatted("")).json().get("id")
                .asString();
        // practice during a class is refused: the student's lab is in class then
        Response clash = alice.post("/api/v1/bookings", "{\"course\":\"" + room.course + "\","
                + "\"start\":\"2027-01-05T08:30:00Z\",\"end\":\"2027-01-05T09:30:00Z\"}");
        assertThat(clash.status()).as(clash.body()).isEqualTo(409);

        clock.set(Instant.parse("2027-01-05T07:55:00Z"));
        reconciler.pass();
        for (ApiClient student : List.of(alice, bob)) {
            String lab = room.labOf(student);
            await("lab of " + student.username() + " running", () -> labState(student, lab).equals("RUNNING"));
            JsonNode bookings = student.get("/api/v1/bookings").json();
            assertThat(bookings).hasSize(1);
            assertThat(bookings.get(0).get("start").asString()).isEqualTo("2027-01-05T08:00:00Z");
        }
        clock.set(Instant.parse("2027-01-05T10:00:00Z"));
        reconciler.pass();
        await("alice's lab stopped", () -> labState(alice, room.labOf(alice)).equals("STOPPED"));

        // one occurrence cancelled: its capacity is free, the others stay
        assertThat(room.instructor.delete(room.path("/sessions/" + session + "/occurrences/2")).status())
                .isEqualTo(204);
        assertThat(room.instructor.delete(room.path("/sessions/" + session + "/occurrences/2")).status())
                .isEqualTo(409);
        assertThat(alice.delete(room.path("/sessions/" + session + "/occurrences/3")).status()).isEqualTo(403);
        JsonNode occurrences = room.instructor.get(room.path("/sessions/" + session)).json().get("occurrences");
        assertThat(occurrences.get(0).get("state").asString()).isEqualTo("ended");
        assertThat(occurrences.get(1).get("state").asString()).isEqualTo("cancelled");
        assertThat(occurrences.get(2).get("state").asString()).isEqualTo("booked");
        assertThat(vcpusAt(load(room, "2027-01-12T07:00:00Z", "2027-01-12T11:00:00Z"), "2027-01-12T08:30:00Z"))
                .isZero();
        assertThat(vcpusAt(load(room, "2027-01-19T07:00:00Z", "2027-01-19T11:00:00Z"), "2027-01-19T08:30:00Z"))
                .isEqualTo(8);

        // the series: every occurrence still ahead is cancelled and released
        assertThat(room.instructor.delete(room.path("/sessions/" + session)).status()).isEqualTo(204);
        JsonNode after = room.instructor.get(room.path("/sessions/" + session)).json();
        List<String> states = new ArrayList<>();
        after.get("occurrences").forEach(o -> states.add(o.get("state").asString()));
        assertThat(states.subList(1, 13)).containsOnly("cancelled");
        assertThat(vcpusAt(load(room, "2027-01-19T07:00:00Z", "2027-01-19T11:00:00Z"), "2027-01-19T08:30:00Z"))
                .isZero();
    }

    @Test
    void badSessionsAreRefusedWithPointersAndStudentsCannotBookThem() {
        Classroom room = Classroom.create(api(), 64, "\"timeZone\":\"Europe/Zurich\"");
        ApiClient student = room.enrol("student");
        assertThat(student.post(room.path("/sessions"), WEEKLY.formatted("")).status()).isEqualTo(403);
        assertThat(api().newUser().post(room.path("/sessions"), WEEKLY.formatted("")).status()).isEqualTo(404);

        Response unbounded = room.instructor.post(room.path("/sessions"), "{\"start\":\"2027-01-05T09:00:00+01:00\","
                + "\"end\":\"2027-01-05T11:00:00+01:00\",\"recurrence\":\"FREQ=WEEKLY\"}");
        assertThat(unbounded.status()).isEqualTo(422);
        assertThat(unbounded.json().get("errors").findValuesAsString("pointer")).containsExactly("/recurrence");
        Response reversed = room.instructor.post(room.path("/sessions"), "{\"start\":\"2027-01-05T09:10:00+01:00\","
                + "\"end\":\"2027-01-05T09:00:00+01:00\",\"recurrence\":\"FREQ=NEVER\"}");
        assertThat(reversed.status()).isEqualTo(422);
        assertThat(reversed.json().get("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/start", "/end", "/recurrence");
        Response local = room.instructor.post(room.path("/sessions"), "{\"start\":\"2027-01-05T09:00:00\","
                + "\"end\":\"2027-01-05T11:00:00+01:00\"}");
        assertThat(local.json().get("errors").findValuesAsString("pointer")).containsExactly("/start");
        Response tooMany = room.instructor.post(room.path("/sessions"), WEEKLY.formatted("")
                .replace("FREQ=WEEKLY;UNTIL=20270330", "FREQ=DAILY;COUNT=400"));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(room.instructor.get(room.path("/sessions")).json()).isEmpty();
    }

    private JsonNode load(Classroom room, String from, String to) {
        return api().get("/api/v1/capacity/pools/" + room.pool + "/load?from=" + from + "&to=" + to).json()
                .get("segments");
    }

    private static long vcpusAt(JsonNode segments, String at) {
        Instant t = Instant.parse(at);
        for (JsonNode s : segments) {
            if (!t.isBefore(Instant.parse(s.get("start").asString())) && t.isBefore(Instant.parse(s.get("end")
                    .asString()))) {
                return s.get("vcpus").asLong();
            }
        }
        throw new AssertionError(at + " is in no segment of " + segments);
    }
}
