package dev.labforge.booking.course;

import dev.labforge.booking.timetable.BookingProperties;
import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.api.Conflict;
import dev.labforge.api.DatabaseErrors;
import dev.labforge.api.InvalidField;
import dev.labforge.api.ValidationFailed;
import dev.labforge.booking.capacity.CapacityPool;
import dev.labforge.booking.capacity.CapacityPools;
import dev.labforge.lab.LabDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Courses: an instructor creates one from a lab they may edit; students join with a code or by roster. */
@RestController
@RequestMapping("/api/v1/courses")
@Tag(name = "courses", description = "Courses, their template lab and booking rules")
class CourseController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Courses courses;
    private final CourseMembers members;
    private final CourseAccess access;
    private final CapacityPools pools;
    private final CourseSettings settings;
    private final Enrolment enrolment;
    private final AuditLog audit;
    private final BookingProperties defaults;
    private final Clock clock;

    CourseController(Courses courses, CourseMembers members, CourseAccess access, CapacityPools pools,
                     CourseSettings settings, Enrolment enrolment, AuditLog audit, BookingProperties defaults,
                     Clock clock) {
        this.defaults = defaults;
        this.courses = courses;
        this.members = members;
        this.access = access;
        this.pools = pools;
        this.settings = settings;
        this.enrolment = enrolment;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping
    @Transactional
    @Operation(operationId = "createCourse", summary = "Create a course from a lab you may edit; you are its instructor",
            description = "Names a template lab you may edit and a capacity pool it fits in, with the booking rules: longest slot, booking window, weekly allowance per student, how often and how close to its end a booking may be extended (by default the service's rule), what happens to a lab at the end of a booking (stop, destroy or reset) and the course's time zone.")
    ResponseEntity<CourseDocument.CourseView> create(Caller caller,
                                                     @Valid @RequestBody CourseDocument.CourseRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        CourseSettings.Checked settings = this.settings.check(caller, request, null, errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        CapacityPool pool = settings.pool();
        LabDefinition template = settings.template();
        if (courses.byName(request.name()).isPresent()) {
            throw new Conflict("a course named '" + request.name() + "' exists already");
        }
        Course course = new Course(UUID.randomUUID(), request.name(), request.title(), template.id(), pool.id(),
                settings.maxSlot(), settings.bookingWindow(), settings.weeklyAllowance(), settings.endAction(),
                settings.zone(), null, caller.userId(), clock.instant(),
                Boolean.TRUE.equals(request.consoleTranscripts()), settings.maxExtensions(), settings.extendWithin(),
                1);
        try {
            courses.insert(course);
        } catch (DataIntegrityViolationException e) {
            throw DatabaseErrors.violates(e, "courses_name_unique")
                    ? new Conflict("a course named '" + request.name() + "' exists already") : e;
        }
        enrolment.enrol(caller, course, caller.userId(), caller.username(), CourseRole.INSTRUCTOR);
        audit.record(caller, "course.create", target(course), Map.of("templateLab", template.id().toString(),
                "pool", pool.name()));
        return ResponseEntity.created(URI.create("/api/v1/courses/" + course.name())).eTag(CourseChanges.tag(course))
                .body(CourseDocument.CourseView.from(course, pool.name(), CourseRole.INSTRUCTOR, null,
                        course.extensionRules(defaults)));
    }

    @GetMapping
    @Operation(operationId = "listCourses", summary = "The courses you are in (administrators: all)",
            description = "Each course with your role in it (instructor, assistant or student) and its booking rules.")
    List<CourseDocument.CourseView> list(Caller caller) {
        return courses.visibleTo(caller.userId(), caller.admin()).stream().map(course -> {
            CourseMembers.Member me = members.find(course.id(), caller.userId()).orElse(null);
            CourseRole role = caller.admin() ? CourseRole.INSTRUCTOR : me.role();
            return view(course, role, me);
        }).toList();
    }

    @GetMapping("/{course}")
    @Operation(operationId = "getCourse", summary = "A course you are in",
            description = "The course's template, pool and booking rules; instructors also see the join code. The ETag"
                    + " is the version of its settings, for If-Match on PATCH.")
    ResponseEntity<CourseDocument.CourseView> get(Caller caller, @PathVariable String course) {
        CourseAccess.Enrolled enrolled = access.require(caller, course, CourseRole.STUDENT);
        return ResponseEntity.ok().eTag(CourseChanges.tag(enrolled.course())).body(view(enrolled.course(),
                enrolled.role(), members.find(enrolled.course().id(), caller.userId()).orElse(null)));
    }

    @PostMapping("/{course}/join-code")
    @Transactional
    @Operation(operationId = "newJoinCode", summary = "Make a new join code, replacing the old one (instructors)",
            description = "Students redeem a join code to enrol themselves; the old code stops working at once.")
    CourseDocument.JoinCodeView newJoinCode(Caller caller, @PathVariable String course) {
        Course found = access.require(caller, course, CourseRole.INSTRUCTOR).course();
        // 80 bits: guessing one of even thousands of live codes stays hopeless
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        String code = found.name() + "-" + HexFormat.of().formatHex(bytes);
        courses.setJoinCode(found.id(), code);
        audit.record(caller, "course.join-code", target(found));
        return new CourseDocument.JoinCodeView(code);
    }

    @PostMapping("/join")
    @Transactional
    @Operation(operationId = "joinCourse", summary = "Join a course as a student with its join code",
            description = "Enrols you as a student of the course the code belongs to and makes your copy of its template lab.")
    CourseDocument.CourseView join(Caller caller, @Valid @RequestBody CourseDocument.JoinRequest request) {
        Course course = courses.byJoinCode(request.code()).orElseThrow(() -> new ValidationFailed(List.of(
                InvalidField.at("/code", "no course has this join code; ask your instructor for the current one"))));
        if (members.find(course.id(), caller.userId()).isEmpty()) {
            enrolment.enrol(caller, course, caller.userId(), caller.username(), CourseRole.STUDENT);
            audit.record(caller, "course.join", target(course));
        }
        CourseMembers.Member me = members.find(course.id(), caller.userId()).orElseThrow();
        return view(course, me.role(), me);
    }

    private CourseDocument.CourseView view(Course course, CourseRole role, CourseMembers.Member me) {
        String pool = pools.byId(course.poolId()).map(CapacityPool::name).orElse(null);
        return CourseDocument.CourseView.from(course, pool, role, me == null ? null : me.labId(),
                course.extensionRules(defaults));
    }

    static AuditLog.Target target(Course course) {
        return new AuditLog.Target("course", course.id().toString(), course.name());
    }
}
