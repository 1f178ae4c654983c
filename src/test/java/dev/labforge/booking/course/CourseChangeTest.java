package dev.labforge.booking.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.BookingReconciler;
import dev.labforge.booking.Classroom;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * PATCH /courses/{c}: a merge patch of a course's settings, with If-Match, checked as at creation, and what a change
 * means for what is booked already (existing bookings stay, new ones follow the new rules; the pool and the time
 * zone change only while nothing booked depends on them; a new end action reaches runs not ended).
 */
class CourseChangeTest extends BookingIntegrationTest {

    private static final Instant NOW = Instant.parse("2030-03-25T07:00:00Z");

    @Autowired
    private BookingReconciler reconciler;

    @Test
    void anInstructorChangesTheSettingsWithIfMatchAndAStaleTagChangesNothing() {
        clock.set(NOW);
        Classroom room = Classroom.create(api(), 64, "\"title\":\"Routing\"");
        Response read = room.instructor.get(room.path(""));
        String etag = read.header("ETag");
        assertThat(etag).isNotBlank();

        Response changed = patch(room.instructor, room, """
                {"title":null,"maxSlotMinutes":60,"bookingWindowDays":7,"weeklyAllowanceMinutes":90,
                 "endAction":"reset","timeZone":"Europe/Zurich","consoleTranscripts":true}""", "If-Match", etag);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        JsonNode course = room.instructor.get(room.path("")).json();
        assertThat(course.has("title")).as("removed").isFalse();
        assertThat(course.get("maxSlotMinutes").asInt()).isEqualTo(60);
        assertThat(course.get("bookingWindowDays").asInt()).isEqualTo(7);
        assertThat(course.get("weeklyAllowanceMinutes").asInt()).isEqualTo(90);
        assertThat(course.get("endAction").asString()).isEqualTo("reset");
        assertThat(course.get("timeZone").asString()).isEqualTo("Europe/Zurich");
        assertThat(course.get("consoleTranscripts").asBoolean()).isTrue();
        assertThat(room.instructor.get(room.path("/transcript-setting")).json().get("enabled").asBoolean()).isTrue();

        // someone else's change in between: the old tag no longer matches, and nothing changes
        Response stale = patch(room.instructor, room, "{\"maxSlotMinutes\":30}", "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(room.instructor.get(room.path("")).json().get("maxSlotMinutes").asInt()).isEqualTo(60);

        // null takes a setting back to its default; absent members stay
        assertThat(patch(room.instructor, room, "{\"maxSlotMinutes\":null}", "If-Match", changed.header("ETag"))
                .status()).isEqualTo(200);
        course = room.instructor.get(room.path("")).json();
        assertThat(course.get("maxSlotMinutes").asInt()).isEqualTo(120);
        assertThat(course.get("endAction").asString()).isEqualTo("reset");

        JsonNode audit = api().get("/api/v1/audit?action=course.change&actor=" + room.instructor.username()).json()
                .get("items");
        assertThat(audit).as("two changes; the refused one is not one").hasSize(2);
        assertThat(audit.get(0).get("targetName").asString()).isEqualTo(room.course);
        assertThat(audit.get(1).get("detail").get("endAction").asString()).isEqualTo("reset");
        assertThat(audit.get(0).get("detail").get("maxSlotMinutes").asString()).isEqualTo("120");
    }

    @Test
    void badInputIsRefusedWithAPointerPerFieldAndChangesNothing() {
        clock.set(NOW);
        Classroom room = Classroom.create(api(), 64, "");
        String etag = room.instructor.get(room.path("")).header("ETag");

        Response bad = patch(room.instructor, room, """
                {"maxSlotMinutes":100,"endAction":"explode","timeZone":"+02:00","pool":"no-such-pool",
                 "bookingWindowDays":0}""");
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.pointers()).containsExactlyInAnyOrder("/maxSlotMinutes", "/endAction", "/timeZone", "/pool",
                "/bookingWindowDays");

        Response unknown = patch(room.instructor, room, "{\"colour\":\"blue\",\"title\":\"x\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.pointers()).containsExactly("/colour");
        Response wrongType = patch(room.instructor, room, "{\"maxSlotMinutes\":\"90\"}");
        assertThat(wrongType.status()).isEqualTo(422);
        assertThat(wrongType.pointers()).containsExactly("/maxSlotMinutes");
        Response required = patch(room.instructor, room, "{\"name\":null}");
        assertThat(required.status()).isEqualTo(422);
        assertThat(required.pointers()).containsExactly("/name");
        assertThat(patch(room.instructor, room, "[]").status()).isEqualTo(422);
        Response notMine = patch(room.instructor, room, "{\"templateLab\":\"" + lab(api().newUser()) + "\"}");
        assertThat(notMine.status()).isEqualTo(422);
        assertThat(notMine.pointers()).containsExactly("/templateLab");
        Classroom other = Classroom.create(api(), 64, "");
        Response taken = patch(room.instructor, room, "{\"name\":\"" + other.course + "\"}");
        assertThat(taken.status()).isEqualTo(409);

        assertThat(room.instructor.get(room.path("")).header("ETag")).as("nothing changed").isEqualTo(etag);
        assertThat(room.instructor.get(room.path("")).json().has("title")).isFalse();
    }

    @Test
    void aSmallerAllowanceOrSlotKeepsTheBookingsMadeButRefusesNewOnes() {
        clock.set(NOW);
        Classroom room = Classroom.create(api(), 64, "\"weeklyAllowanceMinutes\":180");
        ApiClient alice = room.enrol("student");
        String booked = bookSlot(alice, room, "2030-03-26T09:00:00Z", "2030-03-26T11:00:00Z");

        assertThat(patch(room.instructor, room, "{\"weeklyAllowanceMinutes\":60,\"maxSlotMinutes\":45}").status())
                .isEqualTo(200);
        assertThat(alice.get("/api/v1/bookings/" + booked).json().get("state").asString()).isEqualTo("booked");
        Response more = book(alice, room, "2030-03-27T09:00:00Z", "2030-03-27T09:30:00Z");
        assertThat(more.status()).as(more.body()).isEqualTo(422);
        assertThat(more.json().get("errors").get(0).get("rule").asString()).isEqualTo("weekly-allowance");
        Response longer = book(alice, room, "2030-04-02T09:00:00Z", "2030-04-02T10:00:00Z");
        assertThat(longer.status()).as(longer.body()).isEqualTo(422);
        assertThat(longer.json().get("errors").get(0).get("rule").asString()).isEqualTo("length");
        assertThat(book(alice, room, "2030-04-02T09:00:00Z", "2030-04-02T09:45:00Z").status()).isEqualTo(201);
    }

    @Test
    void thePoolAndTheTimeZoneChangeOnlyWhileNothingBookedDependsOnThem() {
        clock.set(NOW);
        Classroom room = Classroom.create(api(), 64, "");
        String elsewhere = "pool-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/capacity/pools", "{\"name\":\"" + elsewhere
                + "\",\"vcpus\":16,\"memoryMib\":65536,\"nodes\":100}").status()).isEqualTo(201);
        ApiClient alice = room.enrol("student");
        String booked = bookSlot(alice, room, "2030-03-26T09:00:00Z", "2030-03-26T10:00:00Z");

        Response refused = patch(room.instructor, room, "{\"pool\":\"" + elsewhere + "\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("booking " + booked, "nothing was changed");
        assertThat(room.instructor.get(room.path("")).json().get("pool").asString()).isEqualTo(room.pool);
        // a practice booking is an instant: the time zone may change under it
        assertThat(patch(room.instructor, room, "{\"timeZone\":\"Europe/Zurich\"}").status()).isEqualTo(200);

        assertThat(alice.delete("/api/v1/bookings/" + booked).status()).isEqualTo(204);
        Response moved = patch(room.instructor, room, "{\"pool\":\"" + elsewhere + "\"}");
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("pool").asString()).isEqualTo(elsewhere);
        bookSlot(alice, room, "2030-03-26T09:00:00Z", "2030-03-26T10:00:00Z");
        assertThat(vcpusAt(elsewhere, "2030-03-26T09:30:00Z")).as("booked from the new pool").isEqualTo(4);
        assertThat(vcpusAt(room.pool, "2030-03-26T09:30:00Z")).isZero();

        // a class session's occurrences were laid out in the old zone's local times
        Response session = room.instructor.post(room.path("/sessions"), "{\"start\":\"2030-03-28T10:00:00Z\","
                + "\"end\":\"2030-03-28T11:00:00Z\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        Response zone = patch(room.instructor, room, "{\"timeZone\":\"America/New_York\"}");
        assertThat(zone.status()).isEqualTo(409);
        assertThat(zone.json().get("detail").asString()).contains("occurrence 1 of class session "
                + session.json().get("id").asString());
        assertThat(room.instructor.get(room.path("")).json().get("timeZone").asString()).isEqualTo("Europe/Zurich");
    }

    @Test
    void aNewEndActionReachesARunNotEndedYet() {
        passesFrom(NOW);
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"stop\"");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        bookSlot(alice, room, "2030-03-25T08:00:00Z", "2030-03-25T09:00:00Z");
        clock.set(Instant.parse("2030-03-25T07:58:00Z"));
        reconciler.pass();
        await("alice's lab running", () -> labState(alice, lab).equals("RUNNING"));

        assertThat(patch(room.instructor, room, "{\"endAction\":\"destroy\"}").status()).isEqualTo(200);
        clock.set(Instant.parse("2030-03-25T09:00:00Z"));
        reconciler.pass();
        await("alice's lab destroyed, not stopped", () -> {
            JsonNode status = alice.get("/api/v1/labs/" + lab).json().get("status");
            return status == null || status.isNull() || status.get("desired").asString().equals("DESTROYED");
        });
    }

    private static Response patch(ApiClient client, Classroom room, String body, String... headers) {
        return client.send("PATCH", room.path(""), body, "application/merge-patch+json", headers);
    }

    private static Response book(ApiClient student, Classroom room, String start, String end) {
        return student.post("/api/v1/bookings", "{\"course\":\"" + room.course + "\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"}");
    }

    private static String lab(ApiClient owner) {
        Response created = owner.post("/api/v1/labs", Classroom.TEMPLATE.formatted("other-"
                + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
