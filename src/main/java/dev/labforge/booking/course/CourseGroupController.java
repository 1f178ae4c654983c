package dev.labforge.booking.course;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.api.Forbidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The identity-provider group a course's roster follows. As for teams, only administrators link a
 * course to a group: the group's members are whoever the provider says, and following it enrols them
 * without anyone in LabForge naming them. Staff of the course see which group it follows.
 */
@RestController
@RequestMapping("/api/v1/courses/{course}/idp-group")
@Tag(name = "courses")
class CourseGroupController {

    private final CourseAccess access;
    private final CourseGroups groups;
    private final AuditLog audit;

    CourseGroupController(CourseAccess access, CourseGroups groups, AuditLog audit) {
        this.access = access;
        this.groups = groups;
        this.audit = audit;
    }

    @GetMapping
    @Operation(operationId = "getCourseIdpGroup", summary = "The identity-provider group the roster follows (assistants and instructors)",
            description = "The group whose members are enrolled at sign-in or null when there is none")
    CourseDocument.IdpGroupView get(Caller caller, @PathVariable String course) {
        Course found = access.require(caller, course, CourseRole.ASSISTANT).course();
        return new CourseDocument.IdpGroupView(found.name(), groups.of(found.id()).orElse(null));
    }

    @PutMapping
    @Transactional
    @Operation(operationId = "setCourseIdpGroup", summary = "Make the roster follow an identity-provider group (administrators)",
            description = "Whoever signs in with single sign-on and has this group in their groups claim is enrolled as a"
                    + " student (their own copy of the template); a student the group brought in is dropped at their"
                    + " first sign-in without it, or after the course stops following it, as if an instructor had"
                    + " removed them. Members added by hand or by join code are never touched. Users are enrolled at"
                    + " their next sign-in, not when the group is set.")
    CourseDocument.IdpGroupView set(Caller caller, @PathVariable String course,
                                    @Valid @RequestBody CourseDocument.IdpGroupRequest request) {
        Course found = adminOnly(caller, course);
        groups.set(found.id(), request.idpGroup());
        audit.record(caller, "course.idp-group.set", CourseController.target(found),
                Map.of("idpGroup", request.idpGroup()));
        return new CourseDocument.IdpGroupView(found.name(), request.idpGroup());
    }

    @DeleteMapping
    @Transactional
    @Operation(operationId = "clearCourseIdpGroup", summary = "Stop following an identity-provider group (administrators)",
            description = "Students the group brought in are dropped at their next sign-in.")
    ResponseEntity<Void> clear(Caller caller, @PathVariable String course) {
        Course found = adminOnly(caller, course);
        Map<String, Object> detail = new HashMap<>();
        detail.put("idpGroup", groups.of(found.id()).orElse(null));
        groups.set(found.id(), null);
        audit.record(caller, "course.idp-group.clear", CourseController.target(found), detail);
        return ResponseEntity.noContent().build();
    }

    private Course adminOnly(Caller caller, String course) {
        Course found = access.require(caller, course, CourseRole.INSTRUCTOR).course();
        if (!caller.admin()) {
            throw new Forbidden("only administrators link courses to identity provider groups");
        }
        return found;
    }
}
