package dev.labforge.booking.course;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.Permission;
import dev.labforge.access.UserDirectory;
import dev.labforge.api.Conflict;
import dev.labforge.api.PreconditionFailed;
import dev.labforge.lab.CourseLabs;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabDefinitions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Later edits of a course's template reach only labs made after them, unless the instructor asks:
 * then every student lab that is not running takes the template's definition as it is now. Running
 * labs are never touched; the answer says which labs were updated and which were skipped, and why.
 */
@RestController
@RequestMapping("/api/v1/courses/{course}/template")
@Tag(name = "courses")
class TemplateController {

    private final CourseAccess access;
    private final CourseMembers members;
    private final CourseLabs labs;
    private final LabDefinitions definitions;
    private final UserDirectory users;
    private final AuditLog audit;

    TemplateController(CourseAccess access, CourseMembers members, CourseLabs labs, LabDefinitions definitions,
                       UserDirectory users, AuditLog audit) {
        this.access = access;
        this.members = members;
        this.labs = labs;
        this.definitions = definitions;
        this.users = users;
        this.audit = audit;
    }

    @Schema(name = "TemplateApplyRequest")
    record ApplyRequest(@Min(0) @Schema(description = "the template's version you mean (its lab's `version`);"
            + " if it has changed since, 412 and nothing is applied", example = "3") Long templateVersion) {
    }

    @Schema(name = "TemplateApplied")
    record Applied(String student, UUID lab, @Schema(description = "the lab's version now") long version) {
    }

    @Schema(name = "TemplateSkipped")
    record Skipped(String student, UUID lab, String reason) {
    }

    @Schema(name = "TemplateApplyResult")
    record ApplyResult(String course, UUID templateLab, long templateVersion, List<Applied> updated,
                       List<Skipped> skipped) {
    }

    @PostMapping("/apply")
    @Transactional
    @Operation(operationId = "applyTemplate", summary = "Copy the template's definition into every student lab not running (instructors)",
            description = "Each student lab that is not running (never started, or stopped) gets the template's"
                    + " definition as stored now, replacing the student's own edits; its version goes up, so an"
                    + " edit based on the old version gets 412. Running labs are never touched. Give"
                    + " `templateVersion` to be sure of what you apply. All or nothing: a template changed while"
                    + " applying makes a 409 and changes nothing.")
    ApplyResult apply(Caller caller, @PathVariable String course,
                      @RequestBody(required = false) @jakarta.validation.Valid ApplyRequest request) {
        Course found = access.require(caller, course, CourseRole.INSTRUCTOR).course();
        LabDefinition template = definitions.require(caller, found.templateLabId(), Permission.VIEW);
        if (request != null && request.templateVersion() != null
                && request.templateVersion() != template.version()) {
            throw new PreconditionFailed("the template is at version " + template.version() + ", not "
                    + request.templateVersion() + ": look at it again before applying it");
        }
        List<CourseMembers.Member> students = members.of(found.id()).stream()
                .filter(m -> m.role() == CourseRole.STUDENT && m.labId() != null).toList();
        Map<UUID, String> names = users.usernames(students.stream().map(CourseMembers.Member::userId).toList());
        List<Applied> updated = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (CourseMembers.Member student : students) {
            String name = names.get(student.userId());
            if (definitions.find(student.labId()).isEmpty()) {
                skipped.add(new Skipped(name, student.labId(), "the lab was deleted"));
                continue;
            }
            // decided under the lab's lock, which a start takes too: no start commits between the look and the change
            Optional<String> reason = labs.reapply(caller, student.labId(), template.id(),
                    TemplateReapply::skipReason);
            if (reason.isPresent()) {
                skipped.add(new Skipped(name, student.labId(), reason.get()));
                continue;
            }
            updated.add(new Applied(name, student.labId(), definitions.find(student.labId()).orElseThrow().version()));
        }
        if (definitions.find(template.id()).map(LabDefinition::version).orElse(-1L) != template.version()) {
            throw new Conflict("the template changed while it was being applied; nothing was changed: try again");
        }
        audit.record(caller, "course.template.apply", CourseController.target(found),
                Map.of("templateVersion", template.version(), "updated", updated.size(), "skipped", skipped.size()));
        return new ApplyResult(found.name(), template.id(), template.version(), updated, skipped);
    }
}
