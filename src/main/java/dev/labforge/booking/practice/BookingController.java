package dev.labforge.booking.practice;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.api.Conflict;
import dev.labforge.api.InvalidField;
import dev.labforge.api.NotFound;
import dev.labforge.api.ValidationFailed;
import dev.labforge.booking.capacity.CapacityLedger;
import dev.labforge.booking.capacity.CapacityPool;
import dev.labforge.booking.capacity.CapacityPools;
import dev.labforge.booking.capacity.Demand;
import dev.labforge.booking.capacity.PoolLoads;
import dev.labforge.booking.capacity.TemplateDemand;
import dev.labforge.booking.course.Course;
import dev.labforge.booking.course.CourseAccess;
import dev.labforge.booking.course.CourseMembers;
import dev.labforge.booking.course.CourseRole;
import dev.labforge.booking.course.Courses;
import dev.labforge.booking.timetable.Booking;
import dev.labforge.booking.timetable.BookingProperties;
import dev.labforge.booking.timetable.Bookings;
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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Practice time: a student books a slot on their own lab; its capacity is reserved in the course's
 * pool from the lead time to the end, or the booking is refused and nothing changes.
 */
@RestController
@Tag(name = "bookings", description = "Practice time students book on their course lab")
public class BookingController {

    /** What {@code GET /bookings} lists at most: a term of practice fits many times over. */
    public static final int MAX_LISTED = 500;
    static final Duration FREE_SLOT_HORIZON = Duration.ofDays(14);

    private final Bookings bookings;
    private final Courses courses;
    private final CourseMembers members;
    private final CourseAccess access;
    private final CapacityLedger ledger;
    private final CapacityPools pools;
    private final WeeklyAllowance allowance;
    private final TemplateDemand demand;
    private final LabDefinitions labs;
    private final BookingProperties properties;
    private final AuditLog audit;
    private final ClassSessions sessions;
    private final LeadTimes leadTimes;
    private final PoolTurns turns;
    private final PoolLoads poolLoads;
    private final Clock clock;

    BookingController(Bookings bookings, Courses courses, CourseMembers members, CourseAccess access,
                      CapacityLedger ledger, CapacityPools pools, WeeklyAllowance allowance, TemplateDemand demand,
                      LabDefinitions labs, BookingProperties properties, AuditLog audit, ClassSessions sessions,
                      LeadTimes leadTimes, PoolTurns turns, PoolLoads poolLoads, Clock clock) {
        this.leadTimes = leadTimes;
        this.poolLoads = poolLoads;
        this.turns = turns;
        this.sessions = sessions;
        this.bookings = bookings;
        this.courses = courses;
        this.members = members;
        this.access = access;
        this.ledger = ledger;
        this.pools = pools;
        this.allowance = allowance;
        this.demand = demand;
        this.labs = labs;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @PostMapping("/api/v1/bookings")
    @Operation(operationId = "createBooking", summary = "Book practice time on your lab of a course",
            description = "30 minutes to the course's maximum, on quarter hours, in the future, within the booking"
                    + " window and your weekly allowance. Refused with 409 capacity-exhausted (naming the resource,"
                    + " by how much and when) if the pool is full then.")
    ResponseEntity<BookingDocument.BookingView> create(Caller caller,
                                                       @Valid @RequestBody BookingDocument.BookingRequest request) {
        // in line for the course's pool first, then a connection and a transaction (PoolTurns says why)
        UUID poolId = courses.byName(request.course()).map(Course::poolId).orElse(null);
        return turns.inTransaction(poolId, () -> createInTurn(caller, request));
    }

    private ResponseEntity<BookingDocument.BookingView> createInTurn(Caller caller,
                                                                     BookingDocument.BookingRequest request) {
        List<InvalidField> errors = new ArrayList<>();
        Instant start = instant("/start", request.start(), errors);
        Instant end = instant("/end", request.end(), errors);
        Course named = courses.byName(request.course()).orElse(null);
        CourseMembers.Member me = named == null ? null : members.find(named.id(), caller.userId()).orElse(null);
        if (me == null) {
            errors.add(InvalidField.at("/course", "you are in no course named '" + request.course() + "'"));
        } else if (me.role() != CourseRole.STUDENT || me.labId() == null) {
            errors.add(InvalidField.at("/course", "you are " + me.role().label() + " of course '" + named.name()
                    + "'; students book practice time on their own lab"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        members.lock(named.id(), caller.userId()); // this student's bookings are decided one at a time
        // the course as it is under the lock: a change of its settings (CourseChanges) waits for this booking, or
        // this booking for it, and then follows its rules and its pool
        Course course = courses.byId(named.id()).orElseThrow(() -> CourseAccess.notFound(request.course()));
        Instant now = clock.instant();
        errors.addAll(PracticeRules.check(course, now, start, end));
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        refuseOverlap(course, caller.userId(), start, end, null);
        refuseClass(course, start, end, null);
        allowance.check(course, caller.userId(), start, end, "/end").ifPresent(broken -> {
            throw new ValidationFailed(List.of(broken));
        });
        UUID id = UUID.randomUUID();
        Demand needs = demand.of(labs.find(me.labId()).orElseThrow(() -> new Conflict("your lab in course '"
                + course.name() + "' no longer exists; ask your instructor")).topology());
        Instant labFrom = start.minus(leadTimes.of(labs.find(me.labId()).orElseThrow().topology(), 1));
        UUID reservation = ledger.reserve(course.poolId(), labFrom, end, needs, "booking:" + id);
        Booking booking = new Booking(id, course.id(), caller.userId(), me.labId(), reservation, start, end, labFrom,
                0, null, null, null, now, null, 0);
        bookings.insert(booking);
        audit.record(caller, "booking.create", target(booking, course), Map.of("start", start.toString(),
                "end", end.toString()));
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + id)).body(view(booking, course.name(), now));
    }

    @GetMapping("/api/v1/bookings")
    @Operation(operationId = "listBookings", summary = "Your bookings, latest start first",
            description = "Every booking of yours in every course, past and future, with its state (booked, active, ended or cancelled) and lab.")
    List<BookingDocument.BookingView> mine(Caller caller) {
        Instant now = clock.instant();
        Map<UUID, String> names = new java.util.HashMap<>();
        return bookings.of(caller.userId(), MAX_LISTED).stream().map(b -> view(b,
                names.computeIfAbsent(b.courseId(), id -> courses.byId(id).map(Course::name).orElse(null)), now))
                .toList();
    }

    @GetMapping("/api/v1/bookings/{id}")
    @Operation(operationId = "getBooking", summary = "A booking: yours, or of a student in a course you teach",
            description = "One booking with its course, lab, interval, state, extensions and when capacity is held from. Students see their own; instructors and assistants see their course's.")
    BookingDocument.BookingView get(Caller caller, @PathVariable UUID id) {
        Booking booking = bookings.find(id).orElseThrow(() -> notFound(id));
        Course course = visible(caller, booking, CourseRole.ASSISTANT);
        return view(booking, course.name(), clock.instant());
    }

    @DeleteMapping("/api/v1/bookings/{id}")
    @Transactional
    @Operation(operationId = "cancelBooking", summary = "Cancel a booking, or end a running one now",
            description = "Yours, or any in a course you teach. Capacity not used any more is released.")
    ResponseEntity<Void> cancel(Caller caller, @PathVariable UUID id) {
        Booking found = bookings.find(id).orElseThrow(() -> notFound(id));
        Course course = visible(caller, found, CourseRole.INSTRUCTOR);
        Booking booking = bookings.lock(id).orElseThrow(() -> notFound(id));
        Instant now = clock.instant();
        if (booking.cancelled() || !now.isBefore(booking.end())) {
            throw new Conflict("booking " + id + " is " + booking.state(now) + " already");
        }
        bookings.cancel(booking, now);
        audit.record(caller, "booking.cancel", target(booking, course), Map.of());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/bookings/{id}/extend")
    @Transactional
    @Operation(operationId = "extendBooking", summary = "Make a booking longer, while the pool has room",
            description = "In its last minutes and a limited number of times, as its course says (extendWithinMinutes"
                    + " and maxExtensions of the course; by default the last 15 minutes and 3 times,"
                    + " labforge.booking.extend-within and max-extensions): a 409 names the rule. The course's rules as"
                    + " they are at the extension apply, also to a booking made before they changed. Within your"
                    + " weekly allowance, while the pool has room: a 409 capacity-exhausted says what is short. The"
                    + " end-of-slot warnings start over for the new end.")
    BookingDocument.BookingView extend(Caller caller, @PathVariable UUID id,
                                       @Valid @RequestBody BookingDocument.ExtensionRequest request) {
        Booking found = bookings.find(id).orElseThrow(() -> notFound(id));
        Course visible = visible(caller, found, CourseRole.INSTRUCTOR);
        if (request.minutes() % 15 != 0) {
            throw new ValidationFailed(List.of(InvalidField.rule("/minutes", "step", "a multiple of 15")));
        }
        members.lock(visible.id(), found.userId());
        Course course = courses.byId(visible.id()).orElseThrow(() -> notFound(id)); // its settings under the lock
        Booking booking = bookings.lock(id).orElseThrow(() -> notFound(id));
        Instant now = clock.instant();
        if (booking.cancelled() || !now.isBefore(booking.end())) {
            throw new Conflict("booking " + id + " is " + booking.state(now) + "; only a booking that has not"
                    + " ended can be extended");
        }
        course.extensionRules(properties).requireExtendable(booking, now);
        Instant newEnd = booking.end().plus(Duration.ofMinutes(request.minutes()));
        refuseOverlap(course, booking.userId(), booking.end(), newEnd, booking.id());
        refuseClass(course, booking.end(), newEnd, booking.occurrenceId());
        allowance.check(course, booking.userId(), booking.end(), newEnd, "/minutes").ifPresent(broken -> {
            throw new ValidationFailed(List.of(broken));
        });
        Instant from = booking.end();
        bookings.extend(booking, newEnd, () -> ledger.reserve(course.poolId(), from, newEnd,
                demand.of(labs.find(booking.labId()).orElseThrow(() -> new Conflict("the lab of booking " + id
                        + " no longer exists")).topology()), "booking:" + id));
        audit.record(caller, "booking.extend", target(booking, course), Map.of("end", newEnd.toString()));
        return view(bookings.find(id).orElseThrow(), course.name(), now);
    }

    @GetMapping("/api/v1/courses/{course}/free-slots")
    @Operation(operationId = "getFreeSlots", summary = "Where the course's template still fits, for the next 14 days",
            description = "Runs of free 15-minute steps, up to the course's booking window. Capacity only: your"
                    + " allowance and other bookings of yours are not subtracted.")
    BookingDocument.FreeSlotsView freeSlots(Caller caller, @PathVariable String course) {
        CourseAccess.Enrolled enrolled = access.require(caller, course, CourseRole.STUDENT);
        Course found = enrolled.course();
        CapacityPool pool = pools.byId(found.poolId()).orElseThrow();
        dev.labforge.topology.Topology template = labs.find(found.templateLabId()).orElseThrow(() -> new Conflict(
                "the template lab of course '" + course + "' no longer exists")).topology();
        Demand needs = demand.of(template);
        Duration lead = leadTimes.of(template, 1);
        Instant now = clock.instant();
        Instant from = PracticeRules.nextStep(now.plusNanos(1));
        Duration horizon = found.bookingWindow().compareTo(FREE_SLOT_HORIZON) < 0 ? found.bookingWindow()
                : FREE_SLOT_HORIZON;
        Instant to = PracticeRules.stepBefore(now.plus(horizon)); // no slot reaching past the booking window
        List<CapacityLedger.Segment> load = poolLoads.load(pool.id(), from.minus(lead), to);
        List<BookingDocument.SlotView> free = FreeSlots.find(load, pool.capacity(), needs, lead,
                        from, to).stream().map(s -> new BookingDocument.SlotView(s.start(), s.end())).toList();
        return new BookingDocument.FreeSlotsView(found.name(), pool.name(), from, to, "PT15M", needs, free);
    }

    /** Two bookings of one student in one course cannot overlap: they share one lab. */
    private void refuseOverlap(Course course, UUID userId, Instant start, Instant end, UUID except) {
        bookings.overlapping(course.id(), userId, start, end).stream().filter(b -> !b.id().equals(except))
                .findFirst().ifPresent(other -> {
                    throw new TimeTaken("your booking " + other.id() + " from " + other.start() + " to " + other.end()
                            + " overlaps this one; you have one lab in course '" + course.name() + "'");
                });
    }

    /** A student's lab is in class during the course's sessions: practice time cannot overlap one. */
    private void refuseClass(Course course, Instant start, Instant end, UUID except) {
        sessions.overlapping(course.id(), start, end).stream().filter(o -> !o.id().equals(except)).findFirst()
                .ifPresent(o -> {
                    throw new TimeTaken("course '" + course.name() + "' has a class session from " + o.start()
                            + " to " + o.end() + "; your lab is in class then");
                });
    }

    /** The booking's course, if the caller booked it or has {@code staff} in the course; else not found. */
    private Course visible(Caller caller, Booking booking, CourseRole staff) {
        Course course = courses.byId(booking.courseId()).orElseThrow(() -> notFound(booking.id()));
        if (booking.userId().equals(caller.userId())) {
            return course;
        }
        CourseRole role = caller.admin() ? CourseRole.INSTRUCTOR
                : members.roleOf(course.id(), caller.userId()).orElse(null);
        if (role == null || role == CourseRole.STUDENT) {
            throw notFound(booking.id());
        }
        if (!role.includes(staff)) {
            throw new dev.labforge.api.Forbidden("you are an assistant of course '" + course.name()
                    + "'; this needs an instructor or the student who booked");
        }
        return course;
    }

    private BookingDocument.BookingView view(Booking booking, String courseName, Instant now) {
        return new BookingDocument.BookingView(booking.id(), courseName, booking.labId(), booking.start(),
                booking.end(), booking.state(now), booking.extensions(),
                booking.labFrom(), booking.createdAt());
    }

    private static Instant instant(String pointer, String value, List<InvalidField> errors) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            boolean local = isLocal(value);
            errors.add(InvalidField.at(pointer, local
                    ? "'" + value + "' has no offset; give one (2030-01-08T09:00:00+01:00) or Z: a local time is"
                    + " ambiguous when clocks change"
                    : "'" + value + "' is not an ISO-8601 time such as 2030-01-08T09:00:00+01:00"));
            return null;
        }
    }

    private static boolean isLocal(String value) {
        try {
            LocalDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static NotFound notFound(UUID id) {
        return new NotFound("no booking with id " + id);
    }

    private static AuditLog.Target target(Booking booking, Course course) {
        return new AuditLog.Target("booking", booking.id().toString(), course.name());
    }
}
