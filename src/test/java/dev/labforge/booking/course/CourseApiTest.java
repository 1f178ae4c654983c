package dev.labforge.booking.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CourseApiTest extends BookingIntegrationTest {

    @Test
    void eachStudentGetsACopyOfTheTemplateToEditAndTheInstructorAdministersIt() {
        Classroom room = Classroom.create(api(), 64, "\"maxSlotMinutes\":90,\"endAction\":\"reset\","
                + "\"timeZone\":\"Europe/Zurich\"");
        JsonNode course = room.instructor.get(room.path("")).json();
        assertThat(course.get("yourRole").asString()).isEqualTo("instructor");
        assertThat(course.get("endAction").asString()).isEqualTo("reset");
        assertThat(course.get("timeZone").asString()).isEqualTo("Europe/Zurich");

        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        assertThat(lab).isNotEqualTo(room.templateLab);
        JsonNode copy = alice.get("/api/v1/labs/" + lab).json();
        assertThat(copy.get("permission").asString()).isEqualTo("edit");
        assertThat(copy.get("nodes")).hasSize(2);
        assertThat(room.instructor.get("/api/v1/labs/" + lab).json().get("permission").asString()).isEqualTo("admin");

        // later edits of the template reach only labs made after them
        String etag = room.instructor.get("/api/v1/labs/" + room.templateLab).header("ETag");
        assertThat(room.instructor.put("/api/v1/labs/" + room.templateLab, """
                {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":2,"memoryMib":1024}],"links":[]}"""
                .formatted(room.instructor.get("/api/v1/labs/" + room.templateLab).json().get("name").asString()),
                "If-Match", etag).status()).isEqualTo(200);
        ApiClient bob = room.enrol("student");
        assertThat(bob.get("/api/v1/labs/" + room.labOf(bob)).json().get("nodes")).hasSize(1);
        assertThat(alice.get("/api/v1/labs/" + lab).json().get("nodes")).hasSize(2);

        // students see nothing of each other's labs; an assistant operates them all
        assertThat(bob.get("/api/v1/labs/" + lab).status()).isEqualTo(404);
        ApiClient assistant = room.enrol("assistant");
        assertThat(assistant.get("/api/v1/labs/" + lab).json().get("permission").asString()).isEqualTo("operate");
        assertThat(assistant.get("/api/v1/labs/" + room.labOf(bob)).json().get("permission").asString())
                .isEqualTo("operate");
        ApiClient second = room.enrol("instructor");
        assertThat(second.get("/api/v1/labs/" + lab).json().get("permission").asString()).isEqualTo("admin");
    }

    @Test
    void aCourseWithoutATimeZoneIsInUtcAndSaysSoByName() {
        Classroom room = Classroom.create(api(), 64, "");
        assertThat(room.instructor.get(room.path("")).json().get("timeZone").asString()).isEqualTo("UTC");
        Classroom etc = Classroom.create(api(), 64, "\"timeZone\":\"Etc/UTC\"");
        assertThat(etc.instructor.get(etc.path("")).json().get("timeZone").asString()).isEqualTo("Etc/UTC");
    }

    @Test
    void aStudentDroppedFromTheRosterLosesTheirLabWhichStaysWithTheCourse() {
        Classroom room = Classroom.create(api(), 64, "");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        assertThat(room.instructor.delete(room.path("/roster/" + alice.username())).status()).isEqualTo(204);
        assertThat(alice.get("/api/v1/labs/" + lab).status()).isEqualTo(404);
        assertThat(alice.get(room.path("")).status()).isEqualTo(404);
        assertThat(room.instructor.get("/api/v1/labs/" + lab).status()).isEqualTo(200);

        // back again: a fresh copy under a name of its own
        room.instructor.post(room.path("/roster"), "{\"members\":[{\"username\":\"" + alice.username() + "\"}]}");
        String again = room.labOf(alice);
        assertThat(again).isNotEqualTo(lab);
        assertThat(alice.get("/api/v1/labs/" + again).json().get("name").asString()).endsWith("-2");
        assertThat(room.instructor.delete(room.path("/roster/" + room.instructor.username())).status())
                .isEqualTo(409);
        assertThat(room.instructor.post(room.path("/roster"), "{\"members\":[{\"username\":\""
                + room.instructor.username() + "\",\"role\":\"student\"}]}").status()).isEqualTo(409);
        assertThat(room.instructor.get(room.path("")).json().get("yourRole").asString()).isEqualTo("instructor");
    }

    @Test
    void aCsvRosterAndAJoinCodeEnrolStudentsAndOneUnknownNameAddsNobody() {
        Classroom room = Classroom.create(api(), 64, "");
        ApiClient a = api().newUser();
        ApiClient b = api().newUser();
        Response unknown = room.instructor.send("POST", room.path("/roster"),
                "username\n" + a.username() + "\nno-such-user\n", "text/csv");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/2");
        assertThat(a.get(room.path("")).status()).isEqualTo(404);

        Response csv = room.instructor.send("POST", room.path("/roster"),
                "username,role\n" + a.username() + "\n" + b.username() + ",assistant\n", "text/csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(a.get(room.path("")).json().get("yourRole").asString()).isEqualTo("student");
        assertThat(b.get(room.path("")).json().get("yourRole").asString()).isEqualTo("assistant");
        assertThat(b.get(room.path("/roster")).json().get("members")).hasSize(3);

        String code = room.instructor.post(room.path("/join-code"), null).json().get("joinCode").asString();
        ApiClient c = api().newUser();
        Response joined = c.post("/api/v1/courses/join", "{\"code\":\"" + code + "\"}");
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.json().get("yourRole").asString()).isEqualTo("student");
        assertThat(joined.json().has("joinCode")).isFalse();
        assertThat(c.get("/api/v1/labs/" + joined.json().get("yourLab").asString()).json().get("permission")
                .asString()).isEqualTo("edit");
        Response wrong = api().newUser().post("/api/v1/courses/join", "{\"code\":\"" + code + "x\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/code");
    }

    @Test
    void aBadCourseIsRefusedWithPointersAndNothingIsStored() {
        Classroom room = Classroom.create(api(), 64, "");
        ApiClient other = api().newUser();
        String name = "bad-" + UUID.randomUUID().toString().substring(0, 8);
        Response bad = other.post("/api/v1/courses", "{\"name\":\"" + name + "\",\"templateLab\":\""
                + room.templateLab + "\",\"pool\":\"no-such-pool\",\"maxSlotMinutes\":100,\"endAction\":\"explode\","
                + "\"timeZone\":\"+02:00\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder(
                "/pool", "/templateLab", "/maxSlotMinutes", "/endAction", "/timeZone");
        assertThat(bad.body()).contains("fixed offset");
        assertThat(other.get("/api/v1/courses/" + name).status()).isEqualTo(404);

        String tiny = "tiny-" + UUID.randomUUID().toString().substring(0, 8);
        api().post("/api/v1/capacity/pools", "{\"name\":\"" + tiny + "\",\"vcpus\":2,\"memoryMib\":8192,\"nodes\":8}");
        Response doesNotFit = room.instructor.post("/api/v1/courses", "{\"name\":\"" + name + "\",\"templateLab\":\""
                + room.templateLab + "\",\"pool\":\"" + tiny + "\"}");
        assertThat(doesNotFit.status()).isEqualTo(422);
        assertThat(doesNotFit.json().get("errors").get(0).get("detail").asString()).contains("needs 4 vCPUs");
        assertThat(room.instructor.post("/api/v1/courses", "{\"name\":\"" + room.course + "\",\"templateLab\":\""
                + room.templateLab + "\",\"pool\":\"" + room.pool + "\"}").status()).isEqualTo(409);
    }
}
