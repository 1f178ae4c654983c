package dev.labforge.booking.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A course's console-transcript setting: off by default, set by its instructors, inherited by its students' labs. */
class CourseTranscriptSettingTest extends BookingIntegrationTest {

    @Test
    void studentsLabsInheritTheCoursesSettingUnlessTheLabSaysOtherwise() {
        Classroom room = Classroom.create(api(), 64, "");
        ApiClient student = room.enrol("student");
        ApiClient assistant = room.enrol("assistant");
        String setting = "/api/v1/labs/" + room.labOf(student) + "/transcript-setting";

        JsonNode before = room.instructor.get(setting).json();
        assertThat(before.get("course").asBoolean()).isFalse();
        assertThat(before.get("effective").asBoolean()).as("off by default").isFalse();
        assertThat(room.instructor.get(room.path("/transcript-setting")).json().get("enabled").asBoolean()).isFalse();

        assertThat(assistant.put(room.path("/transcript-setting"), "{\"enabled\":true}").status()).isEqualTo(403);
        assertThat(student.put(room.path("/transcript-setting"), "{\"enabled\":true}").status()).isEqualTo(403);
        Response missing = room.instructor.put(room.path("/transcript-setting"), "{}");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/enabled");

        assertThat(room.instructor.put(room.path("/transcript-setting"), "{\"enabled\":true}").status())
                .isEqualTo(200);
        JsonNode inherited = room.instructor.get(setting).json();
        assertThat(inherited.get("course").asBoolean()).isTrue();
        assertThat(inherited.get("enabled").isNull()).isTrue();
        assertThat(inherited.get("effective").asBoolean()).as("inherited from the course").isTrue();
        // the student has edit on their lab, not admin: neither the setting nor the transcripts are theirs
        assertThat(student.get(setting).status()).isEqualTo(403);
        assertThat(student.get(setting.replace("transcript-setting", "transcripts")).status()).isEqualTo(403);

        JsonNode own = room.instructor.put(setting, "{\"enabled\":false}").json();
        assertThat(own.get("effective").asBoolean()).as("the lab's own setting wins").isFalse();
        JsonNode follows = room.instructor.put(setting, "{\"enabled\":null}").json();
        assertThat(follows.get("effective").asBoolean()).as("null follows the course again").isTrue();
    }
}
