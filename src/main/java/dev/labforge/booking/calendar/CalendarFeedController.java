package dev.labforge.booking.calendar;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.UserDirectory;
import dev.labforge.api.NotFound;
import dev.labforge.booking.course.Course;
import dev.labforge.booking.course.Courses;
import dev.labforge.booking.practice.BookingController;
import dev.labforge.booking.timetable.Booking;
import dev.labforge.booking.timetable.Bookings;
import dev.labforge.booking.timetable.ClassSession;
import dev.labforge.booking.timetable.ClassSessions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Uid;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A calendar feed a calendar app can subscribe to: apps fetch a URL and cannot send an Authorization
 * header, so each user gets a secret URL of their own (outside {@code /api}, where bearer tokens are
 * required). It lists their practice bookings and the class sessions of every course they are in.
 * The secret is checked at every fetch, so a new feed, a revoked one or a disabled user stops the old
 * URL at the next fetch; a user dropped from a course stops seeing its sessions at once.
 */
@RestController
@Tag(name = "bookings")
class CalendarFeedController {

    static final String FEED_PATH = "/calendar/";

    private final CalendarFeeds feeds;
    private final Bookings bookings;
    private final Courses courses;
    private final ClassSessions sessions;
    private final UserDirectory users;
    private final AuditLog audit;
    private final Clock clock;

    CalendarFeedController(CalendarFeeds feeds, Bookings bookings, Courses courses, ClassSessions sessions,
                           UserDirectory users, AuditLog audit, Clock clock) {
        this.feeds = feeds;
        this.bookings = bookings;
        this.courses = courses;
        this.sessions = sessions;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Schema(name = "CalendarFeed")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record FeedView(@Schema(description = "the feed's secret URL: shown once, when made; anyone with it reads"
            + " your bookings and class sessions") String url, Instant createdAt) {
    }

    @PostMapping("/api/v1/calendar-feed")
    @Transactional
    @Operation(operationId = "newCalendarFeed", summary = "Make your secret calendar feed URL, replacing the old one",
            description = "For a calendar app's subscription (webcal): a URL that needs no Authorization header, listing"
                    + " your practice bookings and the class sessions of your courses. The URL is shown once; the one"
                    + " it replaces stops working at once.")
    ResponseEntity<FeedView> renew(Caller caller) {
        Instant now = clock.instant();
        String secret = feeds.renew(caller.userId(), now);
        audit.record(caller, "calendar-feed.create", AuditLog.Target.user(caller.userId(), caller.username()));
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(FEED_PATH + secret + ".ics")
                .toUriString();
        return ResponseEntity.created(URI.create("/api/v1/calendar-feed")).body(new FeedView(url, now));
    }

    @GetMapping("/api/v1/calendar-feed")
    @Operation(operationId = "getCalendarFeed", summary = "Whether you have a calendar feed, and since when",
            description = "The URL itself is never shown again: make a new one if it is lost.")
    FeedView get(Caller caller) {
        return feeds.createdAt(caller.userId()).map(at -> new FeedView(null, at))
                .orElseThrow(() -> new NotFound("you have no calendar feed"));
    }

    @DeleteMapping("/api/v1/calendar-feed")
    @Transactional
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke your calendar feed URL",
            description = "The URL stops working at once.")
    ResponseEntity<Void> revoke(Caller caller) {
        if (!feeds.revoke(caller.userId())) {
            throw new NotFound("you have no calendar feed");
        }
        audit.record(caller, "calendar-feed.revoke", AuditLog.Target.user(caller.userId(), caller.username()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = FEED_PATH + "{secret}.ics", produces = CalendarController.TEXT_CALENDAR)
    @SecurityRequirements
    @Operation(operationId = "getCalendarFeedIcs", summary = "A calendar feed, by its secret URL (no Authorization header)",
            description = "iCalendar (written by ical4j): the user's practice bookings (UID the booking's id) and every"
                    + " class session occurrence of their courses (UID the session's id and the occurrence's number)."
                    + " 404 for a secret that is not a current feed, or whose user is disabled.")
    ResponseEntity<String> feed(@PathVariable String secret) {
        UUID userId = feeds.owner(secret).filter(users::active)
                .orElseThrow(() -> new NotFound("no calendar feed at this URL: it was revoked or replaced"));
        Calendar calendar = CalendarController.calendar();
        Map<UUID, String> names = new HashMap<>();
        for (Booking b : bookings.of(userId, BookingController.MAX_LISTED)) {
            if (b.cancelled() || b.occurrenceId() != null) { // class bookings are the sessions below
                continue;
            }
            String course = names.computeIfAbsent(b.courseId(), id -> courses.byId(id).map(Course::name).orElse("?"));
            VEvent event = new VEvent(b.start(), b.end(), "Practice: " + course);
            event.add(new Uid(b.id() + "@labforge"));
            calendar.add(event);
        }
        for (Course course : courses.visibleTo(userId, false)) {
            for (ClassSession session : sessions.of(course.id())) {
                for (ClassSession.Occurrence o : sessions.occurrences(session.id())) {
                    if (o.cancelledAt() != null) {
                        continue;
                    }
                    VEvent event = new VEvent(o.start(), o.end(), "Class: " + course.name()
                            + (course.title() == null ? "" : " (" + course.title() + ")"));
                    event.add(new Uid(session.id() + "-" + o.seq() + "@labforge"));
                    calendar.add(event);
                }
            }
        }
        return ResponseEntity.ok().header("Content-Type", CalendarController.TEXT_CALENDAR + "; charset=utf-8")
                .header("Cache-Control", "private, no-store").body(calendar.toString());
    }
}
