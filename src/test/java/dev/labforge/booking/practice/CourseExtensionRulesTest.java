package dev.labforge.booking.practice;

import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Extension rules per course (NETLAB+ lets each class set them): how often a booking may be extended and how close to
 * its end, set at creation and by PATCH, null following the service's defaults (3 times, in the last 15 minutes, as
 * this test's configuration leaves them), checked by the extend endpoint on a moved clock with the course's values
 * as they are at the extension.
 */
class CourseExtensionRulesTest extends BookingIntegrationTest {

    private static final Instant NOW = Instant.parse("2030-03-25T07:00:00Z");

    @BeforeEach
    void setClock() {
        clock.set(NOW);
    }

    @Test
    void aCourseWithoutRulesOfItsOwnFollowsTheDefaultsAndSaysSo() {
        Classroom room = Classroom.create(api(), 64, "");
        JsonNode course = room.instructor.get(room.path("")).json();
        assertThat(course.get("maxExtensions").asInt()).isEqualTo(3);
        assertThat(course.get("extendWithinMinutes").asInt()).isEqualTo(15);
        assertThat(course.get("followsDefault").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("maxExtensions", "extendWithinMinutes");
        ApiClient alice = room.enrol("student");
        assertThat(alice.get(room.path("")).json().get("extendWithinMinutes").asInt()).as("students see the rule too")
                .isEqualTo(15);

        // a change of another setting leaves them following the defaults, not pinned to today's values
        assertThat(patch(room, "{\"maxSlotMinutes\":90}").status()).isEqualTo(200);
        assertThat(room.instructor.get(room.path("")).json().get("followsDefault")).hasSize(2);
    }

    @Test
    void theExtendEndpointUsesTheCoursesRulesAndItsRefusalsNameThem() {
        Classroom room = Classroom.create(api(), 64, "\"maxExtensions\":1,\"extendWithinMinutes\":30");
        JsonNode course = room.instructor.get(room.path("")).json();
        assertThat(course.get("maxExtensions").asInt()).isEqualTo(1);
        assertThat(course.get("extendWithinMinutes").asInt()).isEqualTo(30);
        assertThat(course.get("followsDefault")).isEmpty();
        ApiClient alice = room.enrol("student");
        String id = bookSlot(alice, room, "2030-03-26T09:00:00Z", "2030-03-26T10:00:00Z");

        clock.set(Instant.parse("2030-03-26T09:29:00Z"));
        Response early = extend(alice, id, 15);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("last 30 minutes", "course '" + room.course + "'",
                "2030-03-26T09:30:00Z");
        // 30 minutes before the end: the default (15) would refuse, the course's 30 allows
        clock.set(Instant.parse("2030-03-26T09:30:00Z"));
        Response extended = extend(alice, id, 15);
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("end").asString()).isEqualTo("2030-03-26T10:15:00Z");
        assertThat(extended.json().get("extensions").asInt()).isEqualTo(1);

        // one extension is the course's most (the default would allow three)
        clock.set(Instant.parse("2030-03-26T10:00:00Z"));
        Response again = extend(alice, id, 15);
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("extended 1 time", "at most 1",
                "course '" + room.course + "'");
        assertThat(alice.get("/api/v1/bookings/" + id).json().get("end").asString()).isEqualTo("2030-03-26T10:15:00Z");

        // a change reaches the running booking at its next extension
        assertThat(patch(room, "{\"maxExtensions\":2}").status()).isEqualTo(200);
        Response now = extend(alice, id, 15);
        assertThat(now.status()).as(now.body()).isEqualTo(200);
        assertThat(now.json().get("end").asString()).isEqualTo("2030-03-26T10:30:00Z");
    }

    @Test
    void nullTakesARuleBackToTheDefaultWhichTheExtendEndpointThenUses() {
        Classroom room = Classroom.create(api(), 64, "\"extendWithinMinutes\":45,\"maxExtensions\":0");
        ApiClient alice = room.enrol("student");
        String id = bookSlot(alice, room, "2030-03-26T09:00:00Z", "2030-03-26T10:00:00Z");
        clock.set(Instant.parse("2030-03-26T09:30:00Z"));
        Response none = extend(alice, id, 15);
        assertThat(none.status()).as(none.body()).isEqualTo(409);
        assertThat(none.json().get("detail").asString()).contains("at most 0");

        Response restored = patch(room, "{\"extendWithinMinutes\":null,\"maxExtensions\":null}");
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().get("extendWithinMinutes").asInt()).isEqualTo(15);
        assertThat(restored.json().get("maxExtensions").asInt()).isEqualTo(3);
        assertThat(restored.json().get("followsDefault")).hasSize(2);
        Response early = extend(alice, id, 15);
        assertThat(early.status()).as("the default's 15 minutes, not the course's 45 any more").isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("last 15 minutes");
        clock.set(Instant.parse("2030-03-26T09:45:00Z"));
        assertThat(extend(alice, id, 15).status()).isEqualTo(200);

        JsonNode audit = api().get("/api/v1/audit?action=course.change&actor=" + room.instructor.username()).json()
                .get("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("detail").get("extendWithinMinutes").asString()).as("back to the default")
                .isEmpty();
        assertThat(audit.get(0).get("detail").get("maxExtensions").asString()).isEmpty();
    }

    @Test
    void badRulesAreRefusedWithAPointerEachAndChangeNothing() {
        Classroom room = Classroom.create(api(), 64, "\"maxSlotMinutes\":60");
        String etag = room.instructor.get(room.path("")).header("ETag");

        Response bad = patch(room, "{\"maxExtensions\":21,\"extendWithinMinutes\":4}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.pointers()).containsExactlyInAnyOrder("/maxExtensions", "/extendWithinMinutes");
        assertThat(patch(room, "{\"maxExtensions\":-1}").pointers()).containsExactly("/maxExtensions");
        assertThat(patch(room, "{\"maxExtensions\":\"two\"}").pointers()).containsExactly("/maxExtensions");

        // no longer than the course's longest slot, as it is after the patch
        Response longer = patch(room, "{\"extendWithinMinutes\":75}");
        assertThat(longer.status()).isEqualTo(422);
        assertThat(longer.pointers()).containsExactly("/extendWithinMinutes");
        assertThat(longer.json().get("errors").get(0).get("detail").asString()).contains("60");
        assertThat(patch(room, "{\"extendWithinMinutes\":50,\"maxSlotMinutes\":45}").pointers())
                .containsExactly("/extendWithinMinutes");
        assertThat(room.instructor.get(room.path("")).header("ETag")).as("nothing changed").isEqualTo(etag);
        Response both = patch(room, "{\"extendWithinMinutes\":75,\"maxSlotMinutes\":90}");
        assertThat(both.status()).as(both.body()).isEqualTo(200);
        assertThat(both.json().get("extendWithinMinutes").asInt()).isEqualTo(75);

        // the same rules at creation
        String create = "{\"name\":\"" + room.course + "-b\",\"templateLab\":\"" + room.templateLab + "\",\"pool\":\""
                + room.pool + "\",";
        Response made = room.instructor.post("/api/v1/courses", create
                + "\"maxExtensions\":30,\"extendWithinMinutes\":3}");
        assertThat(made.status()).as(made.body()).isEqualTo(422);
        assertThat(made.pointers()).containsExactlyInAnyOrder("/maxExtensions", "/extendWithinMinutes");
        Response longerThanASlot = room.instructor.post("/api/v1/courses", create + "\"extendWithinMinutes\":200}");
        assertThat(longerThanASlot.status()).as(longerThanASlot.body()).isEqualTo(422);
        assertThat(longerThanASlot.pointers()).as("the default longest slot is 120")
                .containsExactly("/extendWithinMinutes");
        assertThat(room.instructor.get("/api/v1/courses/" + room.course + "-b").status()).isEqualTo(404);
    }

    private static Response patch(Classroom room, String body) {
        return room.instructor.send("PATCH", room.path(""), body, "application/merge-patch+json");
    }

    private static Response extend(ApiClient student, String booking, int minutes) {
        return student.post("/api/v1/bookings/" + booking + "/extend", "{\"minutes\":" + minutes + "}");
    }
}
