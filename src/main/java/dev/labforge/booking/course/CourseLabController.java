package dev.labforge.booking.course;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.api.NotFound;
import dev.labforge.booking.timetable.Bookings;
import dev.labforge.lab.CourseLabs;
import dev.labforge.lab.LabRunner;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student's course lab back to the template on demand: the student at any time, or the course's staff.
 * Permissions are the lab's own (edit to reset it), checked by the lab module as for any edit.
 */
@RestController
@Tag(name = "courses")
class CourseLabController {

    @Schema(name = "CourseLabReset")
    record ResetView(UUID lab, @Schema(description = "whether it was started again: a booking runs it now")
                     boolean restarted) {
    }

    private final CourseAccess access;
    private final CourseMembers members;
    private final Bookings bookings;
    private final CourseLabs labs;
    private final LabRunner runner;
    private final AuditLog audit;
    private final Clock clock;

    CourseLabController(CourseAccess access, CourseMembers members, Bookings bookings, CourseLabs labs,
                        LabRunner runner, AuditLog audit, Clock clock) {
        this.access = access;
        this.members = members;
        this.bookings = bookings;
        this.labs = labs;
        this.runner = runner;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/api/v1/courses/{course}/labs/{lab}/reset")
    @Transactional
    @Operation(operationId = "resetCourseLab", summary = "Reset a student's lab to the course's template",
            description = "The student whose lab it is may do it at any time; so may the course's instructors. The"
                    + " lab is removed from the cluster, its definition becomes the template's as it is now, and if"
                    + " a booking runs it now it is started again. Needs edit on the lab.")
    ResponseEntity<ResetView> reset(Caller caller, @PathVariable String course, @PathVariable UUID lab) {
        Course found = access.require(caller, course, CourseRole.STUDENT).course();
        members.of(found.id()).stream().filter(m -> lab.equals(m.labId())).findFirst()
                .orElseThrow(() -> new NotFound("course '" + course + "' has no student lab " + lab));
        labs.lockForReset(lab);
        runner.destroy(caller, lab); // checks the caller may operate it: a stranger's lab is not found
        labs.reset(caller, lab, found.templateLabId()); // checks edit, under the lab's lock
        Instant now = clock.instant();
        boolean restart = bookings.running(lab, now);
        if (restart) {
            runner.start(caller, lab);
        }
        runner.note(lab, "LabReset", caller.username() + " reset the lab to the template of course '" + course + "'");
        audit.record(caller, "course.lab.reset", new AuditLog.Target("lab", lab.toString(), found.name()),
                Map.of("restarted", restart));
        return ResponseEntity.accepted().body(new ResetView(lab, restart));
    }
}
