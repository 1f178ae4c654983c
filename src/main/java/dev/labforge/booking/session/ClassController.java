package dev.labforge.booking.session;

import dev.labforge.access.Caller;
import dev.labforge.access.Credentials;
import dev.labforge.api.ProblemException;
import dev.labforge.api.SseLoop;
import dev.labforge.booking.course.Course;
import dev.labforge.booking.course.CourseAccess;
import dev.labforge.booking.course.CourseRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The instructor's class view: every student's lab at a glance, once or as one live stream for the
 * whole course. One stream per course, not one per student's lab: it reads the roster's statuses in one
 * query each second and sends only the students whose row changed.
 */
@RestController
@Tag(name = "courses")
class ClassController {

    /** How often a stream looks at the class: state changes reach the instructor within it. */
    static final Duration POLL = Duration.ofSeconds(1);
    /** As the lab event streams: the longest a stream outlives its caller's access. */
    static final Duration ACCESS_CHECK = Duration.ofSeconds(2);

    private final CourseAccess access;
    private final ClassView view;
    private final Credentials credentials;
    private final Clock clock;

    ClassController(CourseAccess access, ClassView view, Credentials credentials, Clock clock) {
        this.access = access;
        this.view = view;
        this.credentials = credentials;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/courses/{course}/class", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getClassView", summary = "Every student's lab at a glance (assistants and instructors)",
            description = "Each student on the roster with their lab's state (ready of total nodes, failed nodes with"
                    + " their reasons) and the booking running now (with the seconds left) or their next one, and a"
                    + " count of students per lab state.")
    ClassView.View get(Caller caller, @PathVariable String course) {
        return view.of(access.require(caller, course, CourseRole.ASSISTANT).course(), clock.instant());
    }

    @GetMapping(value = "/api/v1/courses/{course}/class/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamClassView", summary = "The class view as one Server-Sent Events stream",
            description = "One stream for the whole course. First a `class` event with the whole view; then a"
                    + " `student` event (one row of the view) whenever a student's lab state, nodes, failures or"
                    + " booking change, and a `class` event again when the roster changes. Looks every second;"
                    + " a comment every 5 s while nothing changes. Access is checked again every 2 s: a revoked token"
                    + " or a caller no longer staff of the course ends the stream.")
    SseEmitter stream(Caller caller, @PathVariable String course) {
        access.require(caller, course, CourseRole.ASSISTANT);
        return SseLoop.start("class-" + course, POLL, SseLoop.Streams.UNTRACKED, new CourseStream(caller, course));
    }

    /** One staff member's stream of one course's class view. */
    private final class CourseStream implements SseLoop.Source {

        private final Caller caller;
        private final String course;
        private final SseLoop.Every accessCheck = new SseLoop.Every(ACCESS_CHECK);
        private Course found;
        private Map<String, ClassView.Student> sent;

        CourseStream(Caller caller, String course) {
            this.caller = caller;
            this.course = course;
        }

        @Override
        public void open(SseEmitter emitter) {
            found = access.require(caller, course, CourseRole.ASSISTANT).course();
        }

        @Override
        public boolean look(SseEmitter emitter) throws IOException {
            if (!accessCheck.holds(() -> mayStillSee(caller, course))) {
                return false; // the client reconnects, and is refused with the reason
            }
            ClassView.View now = view.of(found, clock.instant());
            Map<String, ClassView.Student> rows = new HashMap<>();
            now.students().forEach(s -> rows.put(s.username(), s));
            if (sent == null || !sent.keySet().equals(rows.keySet())) {
                emitter.send(SseEmitter.event().name("class").data(now, MediaType.APPLICATION_JSON));
            } else {
                for (ClassView.Student row : now.students()) {
                    if (!same(sent.get(row.username()), row)) {
                        emitter.send(SseEmitter.event().name("student").data(row, MediaType.APPLICATION_JSON));
                    }
                }
            }
            sent = rows;
            return true;
        }
    }

    /** Equal but for the seconds left, which change every second and are the client's to count down. */
    private static boolean same(ClassView.Student a, ClassView.Student b) {
        return a.withoutCountdown().equals(b.withoutCountdown());
    }

    private boolean mayStillSee(Caller caller, String course) {
        Optional<Caller> current = credentials.current(caller);
        if (current.isEmpty()) {
            return false;
        }
        try {
            access.require(current.get(), course, CourseRole.ASSISTANT);
            return true;
        } catch (ProblemException refused) {
            return false;
        }
    }
}
