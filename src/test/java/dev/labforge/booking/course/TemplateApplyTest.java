package dev.labforge.booking.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Re-applying an edited template on the instructor's request: every student lab not running takes the
 * new definition, a running one is skipped with its reason, and versions guard both the template and
 * the students' own edits.
 */
class TemplateApplyTest extends BookingIntegrationTest {

    @Test
    void labsNotRunningTakeTheEditedTemplateRunningOnesAreSkippedAndStaleVersionsAreRefused() {
        Classroom room = Classroom.create(api(), 64, "");
        ApiClient alice = room.enrol("student");
        ApiClient bob = room.enrol("student");
        ApiClient assistant = room.enrol("assistant");
        String aliceLab = room.labOf(alice);
        String bobLab = room.labOf(bob);
        assertThat(alice.post("/api/v1/labs/" + aliceLab + "/start", "").status()).isEqualTo(202);
        String bobEtag = bob.get("/api/v1/labs/" + bobLab).header("ETag");

        Response nothingNew = room.instructor.post(room.path("/template/apply"), "{}");
        assertThat(nothingNew.status()).as(nothingNew.body()).isEqualTo(200);
        assertThat(nothingNew.json().get("updated")).isEmpty();
        assertThat(reasons(nothingNew.json())).contains(bobLab + " already the template's definition");

        // the instructor edits the template down to one router
        JsonNode template = room.instructor.get("/api/v1/labs/" + room.templateLab).json();
        long before = template.get("version").asLong();
        Response edited = room.instructor.put("/api/v1/labs/" + room.templateLab, """
                {"name":"%s","nodes":[{"name":"r1","image":"%s","cpu":2,"memoryMib":1024}],"links":[]}"""
                .formatted(template.get("name").asString(), template.get("nodes").get(0).get("image").asString()),
                "If-Match", room.instructor.get("/api/v1/labs/" + room.templateLab).header("ETag"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(alice.get("/api/v1/labs/" + aliceLab).json().get("nodes")).as("not without asking").hasSize(2);

        // staff other than instructors may not; a stale template version changes nothing
        assertThat(assistant.post(room.path("/template/apply"), "{}").status()).isEqualTo(403);
        assertThat(alice.post(room.path("/template/apply"), "{}").status()).isEqualTo(403);
        Response stale = room.instructor.post(room.path("/template/apply"), "{\"templateVersion\":" + before + "}");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(bob.get("/api/v1/labs/" + bobLab).json().get("nodes")).hasSize(2);

        long now = room.instructor.get("/api/v1/labs/" + room.templateLab).json().get("version").asLong();
        Response applied = room.instructor.post(room.path("/template/apply"), "{\"templateVersion\":" + now + "}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        assertThat(applied.json().get("templateVersion").asLong()).isEqualTo(now);
        assertThat(applied.json().get("updated")).hasSize(1);
        assertThat(applied.json().get("updated").get(0).get("student").asString()).isEqualTo(bob.username());
        assertThat(reasons(applied.json())).singleElement().asString().startsWith(aliceLab + " started");
        assertThat(bob.get("/api/v1/labs/" + bobLab).json().get("nodes")).hasSize(1);
        assertThat(alice.get("/api/v1/labs/" + aliceLab).json().get("nodes")).as("running: untouched").hasSize(2);

        // bob's edit based on the version before is refused, not lost silently
        Response bobsStaleEdit = bob.put("/api/v1/labs/" + bobLab, """
                {"name":"x","nodes":[],"links":[]}""", "If-Match", bobEtag);
        assertThat(bobsStaleEdit.status()).isEqualTo(412);
    }

    private static java.util.List<String> reasons(JsonNode result) {
        java.util.List<String> reasons = new java.util.ArrayList<>();
        result.get("skipped").forEach(s -> reasons.add(s.get("lab").asString() + " " + s.get("reason").asString()));
        return reasons;
    }
}
