package dev.labforge.booking.course;

import dev.labforge.access.Caller;
import dev.labforge.api.InvalidField;
import dev.labforge.api.ValidationFailed;
import dev.labforge.lab.InheritedLabSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A course's console-transcript setting: switched on by an instructor, it holds for every student's lab of the course
 * (their consoles are transcribed, and the course's instructors, admins on those labs, may read the transcripts).
 * Off by default. The console module reads it through {@link InheritedLabSettings}.
 */
@RestController
@Tag(name = "courses")
class CourseTranscripts implements InheritedLabSettings {

    @Schema(name = "CourseTranscriptSetting")
    record Setting(@Schema(description = "whether the consoles of the course's students' labs are transcribed")
                   Boolean enabled) {
    }

    private final CourseAccess access;
    private final JdbcClient jdbc;

    CourseTranscripts(CourseAccess access, JdbcClient jdbc) {
        this.access = access;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/courses/{course}/transcript-setting")
    @Operation(operationId = "getCourseTranscriptSetting", summary = "Whether the course's labs' consoles are transcribed",
            description = "The course's assistants and instructors.")
    Setting get(Caller caller, @PathVariable String course) {
        Course found = access.require(caller, course, CourseRole.ASSISTANT).course();
        return new Setting(jdbc.sql("select console_transcripts from courses where id = ?").param(found.id())
                .query(Boolean.class).single());
    }

    @PutMapping("/api/v1/courses/{course}/transcript-setting")
    @Operation(operationId = "putCourseTranscriptSetting", summary = "Transcribe the consoles of the course's labs",
            description = "Instructors only. Every student's lab of the course inherits it; a lab may also be switched"
                    + " on by itself (PUT /api/v1/labs/{id}/transcript-setting). Sessions opened from now on are"
                    + " transcribed.")
    Setting put(Caller caller, @PathVariable String course, @RequestBody Setting setting) {
        Course found = access.require(caller, course, CourseRole.INSTRUCTOR).course();
        if (setting == null || setting.enabled() == null) {
            throw new ValidationFailed(java.util.List.of(InvalidField.at("/enabled", "must be true or false")));
        }
        boolean enabled = setting.enabled();
        jdbc.sql("update courses set console_transcripts = ?, version = version + 1 where id = ?").params(enabled, found.id()).update();
        return new Setting(enabled);
    }

    @Override
    public boolean consoleTranscripts(UUID labId) {
        return jdbc.sql("select exists (select 1 from course_members m join courses c on c.id = m.course_id"
                + " where m.lab_id = ? and c.console_transcripts)").param(labId).query(Boolean.class).single();
    }
}
