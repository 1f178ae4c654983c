package dev.labforge.booking.calendar;

import dev.labforge.access.Caller;
import dev.labforge.booking.course.Course;
import dev.labforge.booking.course.CourseAccess;
import dev.labforge.booking.course.CourseRole;
import dev.labforge.booking.course.Courses;
import dev.labforge.booking.practice.BookingController;
import dev.labforge.booking.timetable.Booking;
import dev.labforge.booking.timetable.Bookings;
import dev.labforge.booking.timetable.ClassSession;
import dev.labforge.booking.timetable.ClassSessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** iCalendar (RFC 5545) exports of one's bookings and of a course's class sessions, written by ical4j. */
@RestController
@Tag(name = "bookings")
class CalendarController {

    static final String TEXT_CALENDAR = "text/calendar";

    private final Bookings bookings;
    private final Courses courses;
    private final ClassSessions sessions;
    private final CourseAccess access;

    CalendarController(Bookings bookings, Courses courses, ClassSessions sessions, CourseAccess access) {
        this.bookings = bookings;
        this.courses = courses;
        this.sessions = sessions;
        this.access = access;
    }

    @GetMapping(value = "/api/v1/bookings.ics", produces = TEXT_CALENDAR)
    @Operation(operationId = "getBookingsCalendar", summary = "Your bookings as an iCalendar file",
            description = "Every booking of yours that is not cancelled (practice time and class sessions), one"
                    + " VEVENT each, its UID the booking's id.")
    ResponseEntity<String> mine(Caller caller) {
        Calendar calendar = calendar();
        Map<UUID, String> names = new HashMap<>();
        for (Booking b : bookings.of(caller.userId(), BookingController.MAX_LISTED)) {
            if (b.cancelled()) {
                continue;
            }
            String course = names.computeIfAbsent(b.courseId(), id -> courses.byId(id).map(Course::name).orElse("?"));
            VEvent event = new VEvent(b.start(), b.end(), (b.occurrenceId() == null ? "Practice: " : "Class: ")
                    + course);
            event.add(new Uid(b.id() + "@labforge"));
            calendar.add(event);
        }
        return ResponseEntity.ok().header("Content-Type", TEXT_CALENDAR + "; charset=utf-8").body(calendar.toString());
    }

    @GetMapping(value = "/api/v1/courses/{course}/sessions.ics", produces = TEXT_CALENDAR)
    @Operation(operationId = "getSessionsCalendar", summary = "The course's class sessions as an iCalendar file (members)",
            description = "Every occurrence not cancelled, one VEVENT each, its UID the session's id and the occurrence's"
                    + " number.")
    ResponseEntity<String> course(Caller caller, @PathVariable String course) {
        Course found = access.require(caller, course, CourseRole.STUDENT).course();
        Calendar calendar = calendar();
        for (ClassSession session : sessions.of(found.id())) {
            for (ClassSession.Occurrence o : sessions.occurrences(session.id())) {
                if (o.cancelledAt() != null) {
                    continue;
                }
                VEvent event = new VEvent(o.start(), o.end(), "Class: " + found.name()
                        + (found.title() == null ? "" : " (" + found.title() + ")"));
                event.add(new Uid(session.id() + "-" + o.seq() + "@labforge"));
                calendar.add(event);
            }
        }
        return ResponseEntity.ok().header("Content-Type", TEXT_CALENDAR + "; charset=utf-8").body(calendar.toString());
    }

    static Calendar calendar() {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//LabForge//Classroom booking//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        return calendar;
    }
}
