package dev.labforge.booking.course;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.UserDirectory;
import dev.labforge.api.InvalidField;
import dev.labforge.api.NotFound;
import dev.labforge.api.ValidationFailed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A course's roster. Instructors add members (JSON, or a CSV of usernames, one per line with an
 * optional role) and remove them; assistants read it. Adding is all or nothing: one unknown username
 * and nobody is added.
 */
@RestController
@RequestMapping("/api/v1/courses/{course}/roster")
@Tag(name = "courses")
class RosterController {

    static final int MAX_LINES = 2000;

    private final CourseAccess access;
    private final CourseMembers members;
    private final Enrolment enrolment;
    private final UserDirectory users;
    private final AuditLog audit;

    RosterController(CourseAccess access, CourseMembers members, Enrolment enrolment, UserDirectory users,
                     AuditLog audit) {
        this.access = access;
        this.members = members;
        this.enrolment = enrolment;
        this.users = users;
        this.audit = audit;
    }

    @GetMapping
    @Operation(operationId = "getRoster", summary = "Who is in the course, with each student's lab (assistants and"
            + " instructors)",
            description = "Every member with their role; each student with the id of their copy of the template lab.")
    CourseDocument.RosterView get(Caller caller, @PathVariable String course) {
        return view(access.require(caller, course, CourseRole.ASSISTANT).course());
    }

    @PostMapping(consumes = "application/json")
    @Transactional
    @Operation(operationId = "addToRoster", summary = "Add members or change their roles (instructors)",
            description = "Each new student gets their own copy of the template lab. With Content-Type text/csv,"
                    + " the body is one username per line, optionally followed by ,role; errors then point at the"
                    + " line as /<0-based line>.")
    CourseDocument.RosterView add(Caller caller, @PathVariable String course,
                                  @Valid @RequestBody CourseDocument.RosterRequest request) {
        Course found = access.require(caller, course, CourseRole.INSTRUCTOR).course();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < request.members().size(); i++) {
            CourseDocument.MemberRequest member = request.members().get(i);
            entries.add(new Entry("/members/" + i, member.username(), member.role()));
        }
        return add(caller, found, entries);
    }

    @PostMapping(consumes = "text/csv")
    @Transactional
    @Operation(operationId = "addToRosterCsv", summary = "Add members from a CSV of usernames (instructors)",
            description = "The body is one username per line, optionally followed by `,role`; all or nothing: an unknown user or a bad line is a 422 pointing at its line, and nobody is added.")
    CourseDocument.RosterView addCsv(Caller caller, @PathVariable String course, @RequestBody String csv) {
        Course found = access.require(caller, course, CourseRole.INSTRUCTOR).course();
        List<Entry> entries = new ArrayList<>();
        String[] lines = csv.split("\\r?\\n", -1);
        if (lines.length > MAX_LINES) {
            throw new ValidationFailed(List.of(InvalidField.at("", "at most " + MAX_LINES + " lines")));
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("username"))) {
                continue; // blank lines and a header row
            }
            String[] cells = line.split(",", -1);
            entries.add(new Entry("/" + i, cells[0].strip(), cells.length > 1 ? cells[1].strip() : null));
        }
        return add(caller, found, entries);
    }

    @DeleteMapping("/{username}")
    @Transactional
    @Operation(operationId = "removeFromRoster", summary = "Remove a member (instructors)",
            description = "A student loses access to their lab (which stays, owned by the course) and their future"
                    + " bookings are cancelled; staff lose access to the students' labs.")
    ResponseEntity<Void> remove(Caller caller, @PathVariable String course, @PathVariable String username) {
        Course found = access.require(caller, course, CourseRole.INSTRUCTOR).course();
        UUID userId = users.idOf(username).orElseThrow(() -> new NotFound("'" + username + "' is not in course '"
                + course + "'"));
        enrolment.drop(caller, found, userId, username);
        audit.record(caller, "course.roster.remove", CourseController.target(found), Map.of("user", username));
        return ResponseEntity.noContent().build();
    }

    /** One line of a roster request; {@code at} points at it for errors. */
    private record Entry(String at, String username, String role) {
    }

    private CourseDocument.RosterView add(Caller caller, Course course, List<Entry> entries) {
        List<InvalidField> errors = new ArrayList<>();
        List<Runnable> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Entry entry : entries) {
            CourseRole role = entry.role() == null || entry.role().isEmpty() ? CourseRole.STUDENT
                    : CourseRole.parse(entry.role()).orElse(null);
            if (role == null) {
                errors.add(InvalidField.at(entry.at() + (entry.at().startsWith("/members") ? "/role" : ""),
                        "one of instructor, assistant, student"));
            }
            UUID userId = users.idOf(entry.username()).orElse(null);
            if (userId == null) {
                errors.add(InvalidField.at(entry.at() + (entry.at().startsWith("/members") ? "/username" : ""),
                        "there is no user named '" + shorten(entry.username()) + "'"));
            } else if (!seen.add(entry.username())) {
                errors.add(InvalidField.at(entry.at(), "'" + entry.username() + "' is listed twice"));
            }
            if (role != null && userId != null) {
                changes.add(() -> {
                    if (enrolment.enrol(caller, course, userId, entry.username(), role)) {
                        audit.record(caller, "course.roster.add", CourseController.target(course),
                                Map.of("user", entry.username(), "role", role.label()));
                    }
                });
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        changes.forEach(Runnable::run);
        return view(course);
    }

    private CourseDocument.RosterView view(Course course) {
        List<CourseMembers.Member> roster = members.of(course.id());
        Map<UUID, String> names = users.usernames(roster.stream().map(CourseMembers.Member::userId).toList());
        return new CourseDocument.RosterView(course.name(), roster.stream().map(m -> new CourseDocument.MemberView(
                names.get(m.userId()), m.role(), m.labId(), m.addedAt(), m.source())).toList());
    }

    private static String shorten(String name) {
        return name.length() <= 64 ? name : name.substring(0, 64) + "...";
    }
}
