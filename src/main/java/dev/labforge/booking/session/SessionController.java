package dev.labforge.booking.session;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.api.Conflict;
import dev.labforge.api.DatabaseErrors;
import dev.labforge.api.InvalidField;
import dev.labforge.api.NotFound;
import dev.labforge.api.ValidationFailed;
import dev.labforge.booking.capacity.CapacityExhausted;
import dev.labforge.booking.capacity.CapacityLedger;
import dev.labforge.booking.capacity.Demand;
import dev.labforge.booking.capacity.TemplateDemand;
import dev.labforge.booking.course.Course;
import dev.labforge.booking.course.CourseAccess;
import dev.labforge.booking.course.CourseMembers;
import dev.labforge.booking.course.CourseRole;
import dev.labforge.booking.course.Courses;
import dev.labforge.booking.practice.PracticeRules;
import dev.labforge.booking.timetable.Bookings;
import dev.labforge.booking.timetable.ClassSession;
import dev.labforge.booking.timetable.ClassSessions;
import dev.labforge.booking.timetable.LeadTimes;
import dev.labforge.booking.timetable.TimeTaken;
import dev.labforge.lab.LabDefinitions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
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
 * Class sessions: an instructor books the course's labs for the roster, once or recurring. Capacity
 * for every occurrence is reserved in the one transaction that books the session, or nothing is
 * booked and the refusal names the occurrence, the pool, the resource short and by how much.
 */
@RestController
@RequestMapping("/api/v1/courses/{course}/sessions")
@Tag(name = "sessions", description = "Class sessions instructors book for the whole roster")
class SessionController {

    private final CourseAccess access;
    private final Courses courses;
    private final ClassSessions sessions;
    private final CourseMembers members;
    private final Bookings bookings;
    private final CapacityLedger ledger;
    private final TemplateDemand demand;
    private final LabDefinitions labs;
    private final LeadTimes leadTimes;
    private final AuditLog audit;
    private final Clock clock;

    SessionController(CourseAccess access, Courses courses, ClassSessions sessions, CourseMembers members, Bookings bookings,
                      CapacityLedger ledger, TemplateDemand demand, LabDefinitions labs, LeadTimes leadTimes,
                      AuditLog audit, Clock clock) {
        this.access = access;
        this.courses = courses;
        this.sessions = sessions;
        this.members = members;
        this.bookings = bookings;
        this.ledger = ledger;
        this.demand = demand;
        this.labs = labs;
        this.leadTimes = leadTimes;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping
    @Transactional
    @Operation(operationId = "createClassSession", summary = "Book a class session for the roster (instructors)",
            description = "Once, or recurring by an RFC 5545 RRULE in the course's time zone (FREQ=WEEKLY;UNTIL=20270330:"
                    + " every week at the first start's local time, across daylight-saving changes). Each occurrence"
                    + " reserves seats x one run of the template from its lead time to its end, all in one"
                    + " transaction: a 409 capacity-exhausted names the first occurrence that does not fit (seq,"
                    + " start), the pool, the resource and by how much, and nothing is booked. Students' practice"
                    + " bookings that overlap an occurrence and have not started are cancelled. At each occurrence's"
                    + " lead time every student on the roster then (up to the seats) gets a booking on their lab.")
    ResponseEntity<SessionDocument.SessionView> create(Caller caller, @PathVariable String course,
                                                       @Valid @RequestBody SessionDocument.SessionRequest request) {
        Course named = access.require(caller, course, CourseRole.INSTRUCTOR).course();
        courses.lock(named.id()); // one at a time with changes of the course's settings: its pool, its time zone
        Course found = courses.byId(named.id()).orElseThrow(() -> CourseAccess.notFound(course));
        Instant now = clock.instant();
        List<InvalidField> errors = new ArrayList<>();
        Instant start = instant("/start", request.start(), errors);
        Instant end = instant("/end", request.end(), errors);
        if (start != null && end != null) {
            errors.addAll(rules(now, start, end));
        }
        // a body that failed its annotations had these checks with them (SessionTimeRules); here all come together
        List<ZonedDateTime> starts = start == null ? List.of()
                : Recurrence.starts(start.atZone(found.zone()), request.recurrence(), errors);
        int seats = request.seats() != null ? request.seats() : studentsOf(found);
        if (seats == 0) {
            errors.add(InvalidField.at("/seats", "course '" + found.name() + "' has no students yet: enrol them"
                    + " first, or give the number of seats to hold"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Duration length = Duration.between(start, end);
        Demand oneRun = demand.of(labs.find(found.templateLabId()).orElseThrow(() -> new Conflict("the template lab"
                + " of course '" + found.name() + "' no longer exists")).topology());
        Duration lead = leadTimes.of(labs.find(found.templateLabId()).orElseThrow().topology(), seats);
        ClassSession session = new ClassSession(UUID.randomUUID(), found.id(), start, length,
                request.recurrence() == null || request.recurrence().isBlank() ? null : request.recurrence().strip(),
                seats, caller.userId(), now, null);
        sessions.insert(session);
        List<ClassSession.Occurrence> occurrences = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            Instant s = starts.get(i).toInstant();
            Instant e = s.plus(length);
            Instant labFrom = s.minus(lead);
            // the class replaces its students' practice then: first, so their capacity is the class's to take
            bookings.lockUnstartedPractice(found.id(), s, e).forEach(b -> bookings.cancel(b, now));
            UUID reservation;
            try {
                reservation = ledger.reserve(found.poolId(), labFrom, e, oneRun.times(seats),
                        "session:" + session.id() + "#" + (i + 1));
            } catch (CapacityExhausted short_) {
                throw short_.inOccurrence(i + 1, starts.size(), s, e);
            }
            ClassSession.Occurrence o = new ClassSession.Occurrence(UUID.randomUUID(), session.id(), found.id(), i + 1,
                    s, e, labFrom, reservation, null, null);
            try {
                sessions.insert(o);
            } catch (DataIntegrityViolationException x) {
                if (DatabaseErrors.violates(x, "session_occurrences_no_overlap")) {
                    throw new TimeTaken("occurrence " + (i + 1) + " (" + s + " to " + e + ") overlaps another class"
                            + " session of course '" + found.name() + "'");
                }
                throw x;
            }
            occurrences.add(o);
        }
        audit.record(caller, "session.create", target(session, found), Map.of("start", start.toString(),
                "occurrences", occurrences.size(), "seats", seats));
        return ResponseEntity.created(URI.create("/api/v1/courses/" + found.name() + "/sessions/" + session.id()))
                .body(view(found, session, occurrences, oneRun, now));
    }

    @GetMapping
    @Operation(operationId = "listClassSessions", summary = "The course's class sessions (members)",
            description = "Every session with its occurrences and their state, earliest first.")
    List<SessionDocument.SessionView> list(Caller caller, @PathVariable String course) {
        Course found = access.require(caller, course, CourseRole.STUDENT).course();
        Demand oneRun = oneRun(found);
        Instant now = clock.instant();
        return sessions.of(found.id()).stream()
                .map(s -> view(found, s, sessions.occurrences(s.id()), oneRun, now)).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getClassSession", summary = "A class session with its occurrences (members)",
            description = "Its rule, seats, what each occurrence holds of the pool and the state of each.")
    SessionDocument.SessionView get(Caller caller, @PathVariable String course, @PathVariable UUID id) {
        Course found = access.require(caller, course, CourseRole.STUDENT).course();
        ClassSession session = sessions.find(found.id(), id).orElseThrow(() -> notFound(id));
        return view(found, session, sessions.occurrences(id), oneRun(found), clock.instant());
    }

    @DeleteMapping("/{id}")
    @Transactional
    @Operation(operationId = "cancelClassSession", summary = "Cancel a whole series (instructors)",
            description = "Every occurrence not over yet is cancelled and its capacity released; one running ends"
                    + " now, and its labs get the course's end action.")
    ResponseEntity<Void> cancel(Caller caller, @PathVariable String course, @PathVariable UUID id) {
        Course found = access.require(caller, course, CourseRole.INSTRUCTOR).course();
        ClassSession session = sessions.lock(found.id(), id).orElseThrow(() -> notFound(id));
        if (session.cancelledAt() != null) {
            throw new Conflict("class session " + id + " is cancelled already");
        }
        Instant now = clock.instant();
        for (ClassSession.Occurrence o : sessions.occurrences(id)) {
            if (o.cancelledAt() == null && now.isBefore(o.end())) {
                cancel(o, now);
            }
        }
        sessions.cancelSession(id, now);
        audit.record(caller, "session.cancel", target(session, found), Map.of());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id}/occurrences/{seq}")
    @Transactional
    @Operation(operationId = "cancelClassSessionOccurrence", summary = "Cancel one occurrence (instructors)",
            description = "Its capacity is released; if it is running it ends now and its labs get the course's end"
                    + " action. The other occurrences stay.")
    ResponseEntity<Void> cancelOne(Caller caller, @PathVariable String course, @PathVariable UUID id,
                                   @PathVariable int seq) {
        Course found = access.require(caller, course, CourseRole.INSTRUCTOR).course();
        ClassSession session = sessions.lock(found.id(), id).orElseThrow(() -> notFound(id));
        ClassSession.Occurrence o = sessions.lockOccurrence(id, seq).orElseThrow(() -> new NotFound(
                "class session " + id + " has no occurrence " + seq));
        Instant now = clock.instant();
        if (o.cancelledAt() != null || !now.isBefore(o.end())) {
            throw new Conflict("occurrence " + seq + " of class session " + id + " is " + o.state(now) + " already");
        }
        cancel(o, now);
        audit.record(caller, "session.occurrence.cancel", target(session, found), Map.of("seq", seq,
                "start", o.start().toString()));
        return ResponseEntity.noContent().build();
    }

    /** Releases the occurrence's capacity (what is left of it) and ends its seated bookings. */
    private void cancel(ClassSession.Occurrence o, Instant now) {
        sessions.cancelOccurrence(o.id(), now);
        if (o.reservationId() != null) {
            ledger.shorten(o.reservationId(), now);
        }
        bookings.lockOfOccurrence(o.id()).forEach(b -> bookings.cancel(b, now));
    }

    private int studentsOf(Course course) {
        return (int) members.of(course.id()).stream()
                .filter(m -> m.role() == CourseRole.STUDENT && m.labId() != null).count();
    }

    private Demand oneRun(Course course) {
        return labs.find(course.templateLabId()).map(l -> demand.of(l.topology())).orElse(Demand.NONE);
    }

    static List<InvalidField> rules(Instant now, Instant start, Instant end) {
        List<InvalidField> errors = new ArrayList<>();
        if (!PracticeRules.aligned(start)) {
            errors.add(InvalidField.rule("/start", "step", "must fall on a quarter hour (:00, :15, :30, :45)"));
        }
        if (!PracticeRules.aligned(end)) {
            errors.add(InvalidField.rule("/end", "step", "must fall on a quarter hour (:00, :15, :30, :45)"));
        }
        if (!start.isAfter(now)) {
            errors.add(InvalidField.rule("/start", "future", "must be in the future; it is " + now + " now"));
        }
        if (!end.isAfter(start)) {
            errors.add(InvalidField.rule("/end", "order", "must be after start"));
        } else if (Duration.between(start, end).compareTo(Duration.ofHours(24)) > 0) {
            errors.add(InvalidField.rule("/end", "length", "a class session lasts at most 24 hours"));
        }
        return errors;
    }

    private SessionDocument.SessionView view(Course course, ClassSession s, List<ClassSession.Occurrence> occurrences,
                                             Demand oneRun, Instant now) {
        return new SessionDocument.SessionView(s.id(), course.name(), s.firstStart(), s.firstStart().plus(s.duration()),
                s.recurrence(), s.seats(), oneRun.times(s.seats()), s.createdAt(), s.cancelledAt(),
                occurrences.stream().map(o -> SessionDocument.OccurrenceView.from(o, now)).toList());
    }

    static Instant instant(String pointer, String value, List<InvalidField> errors) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(InvalidField.at(pointer, "'" + value + "' is not an ISO-8601 time with an offset or Z, such as"
                    + " 2027-01-05T09:00:00+01:00"));
            return null;
        }
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("no class session with id " + id);
    }

    private static AuditLog.Target target(ClassSession session, Course course) {
        return new AuditLog.Target("session", session.id().toString(), course.name());
    }
}
