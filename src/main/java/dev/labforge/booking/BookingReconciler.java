package dev.labforge.booking;

import dev.labforge.access.Caller;
import dev.labforge.access.UserDirectory;
import dev.labforge.api.ProblemException;
import dev.labforge.booking.course.Course;
import dev.labforge.booking.course.Courses;
import dev.labforge.booking.timetable.Booking;
import dev.labforge.booking.timetable.BookingProperties;
import dev.labforge.booking.timetable.Bookings;
import dev.labforge.booking.timetable.ClassSession;
import dev.labforge.booking.timetable.ClassSessions;
import dev.labforge.booking.timetable.LeadTimes;
import dev.labforge.booking.timetable.ReconcileLoop;
import dev.labforge.lab.CourseLabs;
import dev.labforge.lab.LabRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes each booking's lab what the clock and the booking's row say it should be: started from the
 * lead time, and given the course's end action (stop, destroy or reset) once the booking is over. It is
 * level-triggered: a pass looks at every booking with something due, whatever woke it, so a pass after
 * a restart, or after the service was down through a start, catches up. Each booking is handled in its
 * own transaction, which makes the request and records it on the row together; a booking another
 * pass holds is skipped. Only the replica holding the reconciler's lease acts. Labs are started and
 * stopped through the lab module's {@link LabRunner}, which the cluster module implements.
 *
 * <p>It wakes at the next instant a booking has something due, and at least every
 * {@code labforge.booking.reconcile-every}, so bookings made meanwhile are picked up.
 */
@Component
public class BookingReconciler extends ReconcileLoop {

    private static final Logger log = LoggerFactory.getLogger(BookingReconciler.class);
    /** Bookings looked at per pass, so one pass stays short; the next pass takes the rest. */
    static final int BATCH = 500;
    /** How often passes look while a booked lab is booting: the resolution of learned boot times. */
    static final Duration BOOT_WATCH = Duration.ofSeconds(2);

    private final Bookings bookings;
    private final ClassSessions sessions;
    private final Courses courses;
    private final LabRunner runner;
    private final CourseLabs labs;
    private final UserDirectory users;
    private final TransactionTemplate transaction;
    private final LeadTimes leadTimes;
    private final java.util.List<dev.labforge.lab.LabStatusSource> statuses;
    private final dev.labforge.lab.LabDefinitions definitions;
    private final BookingProperties properties;
    private final Clock clock;

    BookingReconciler(Bookings bookings, ClassSessions sessions, Courses courses, LabRunner runner, CourseLabs labs, UserDirectory users,
                      TransactionTemplate transaction, BookingProperties properties, Clock clock, LeadTimes leadTimes,
                      java.util.List<dev.labforge.lab.LabStatusSource> statuses,
                      dev.labforge.lab.LabDefinitions definitions) {
        super("bookings", runner, properties, clock);
        this.leadTimes = leadTimes;
        this.statuses = statuses;
        this.definitions = definitions;
        this.bookings = bookings;
        this.sessions = sessions;
        this.courses = courses;
        this.runner = runner;
        this.labs = labs;
        this.users = users;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * One pass: every booking with something due now gets it done.
     *
     * @return how many bookings it acted on (0 when this replica does not hold the lease)
     */
    @Override
    public int pass() {
        if (!runner.leads()) {
            return 0;
        }
        Instant now = clock.instant();
        int acted = 0;
        for (UUID id : sessions.dueForSeating(now, BATCH)) {
            try {
                acted += Boolean.TRUE.equals(transaction.execute(status -> seat(id, now))) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("class session occurrence {} could not be seated; the next pass tries again", id, e);
            }
        }
        for (UUID id : bookings.due(now, properties.warnSeconds(), BATCH)) {
            try {
                Boolean done = transaction.execute(status -> act(id, now));
                acted += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (ProblemException e) {
                // a lab deleted, a quota reached: the next pass tries again, the log says why meanwhile
                log.warn("booking {}: {}", id, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("booking {} failed; the next pass tries again", id, e);
            }
        }
        observeBoots(now);
        return acted;
    }

    /**
     * Learns boot times: a started booking whose lab is now RUNNING with every node READY took from its
     * start to now to boot, a sample for each of its images. Seen at a pass, so a sample is late by at
     * most the time between passes (a few seconds while labs are booting); the lead time rounds up anyway.
     */
    private void observeBoots(Instant now) {
        java.util.List<Object[]> waiting = bookings.awaitingReady(BATCH);
        if (waiting.isEmpty()) {
            return;
        }
        java.util.Map<UUID, dev.labforge.lab.LabStatus> status = new java.util.HashMap<>();
        java.util.List<UUID> labIds = waiting.stream().map(w -> (UUID) w[1]).toList();
        statuses.forEach(source -> status.putAll(source.statusesOf(labIds)));
        for (Object[] w : waiting) {
            dev.labforge.lab.LabStatus s = status.get((UUID) w[1]);
            if (s == null || !"RUNNING".equals(s.state()) || s.total() == 0 || s.ready() < s.total()) {
                continue;
            }
            java.util.List<String> images = definitions.find((UUID) w[1]).map(l -> l.topology().nodes().stream()
                    .map(dev.labforge.topology.Node::image).distinct().toList()).orElse(java.util.List.of());
            transaction.executeWithoutResult(tx -> {
                bookings.markReady((UUID) w[0], now);
                leadTimes.record((UUID) w[0], images, (Instant) w[2], now);
            });
        }
    }

    /**
     * Seats an occurrence whose lead time has come: a booking for each student on the roster now (up to
     * the seats), which the booking duties below then start and end like any other.
     */
    private boolean seat(UUID occurrenceId, Instant now) {
        ClassSession.Occurrence o = sessions.lockForSeating(occurrenceId).orElse(null);
        if (o == null) {
            return false;
        }
        int seated = bookings.seat(o, sessions.seats(o.sessionId()), leadTimes.gap(), now);
        sessions.markSeated(o.id(), now);
        log.info("class session occurrence {} ({} to {}): {} students seated", o.id(), o.start(), o.end(), seated);
        return true;
    }

    /**
     * Does the booking's duty in a transaction of its own, which also records it on the row: one
     * failing booking does not hold up the rest, and a crash leaves either both or neither.
     */
    private boolean act(UUID id, Instant now) {
        Booking booking = bookings.lockIfFree(id).orElse(null); // null: another pass is at it
        Booking.Duty duty = booking == null ? Booking.Duty.NONE : booking.duty(now, properties.warnBefore());
        if (duty == Booking.Duty.NONE) {
            return false;
        }
        Course course = courses.byId(booking.courseId()).orElseThrow();
        Caller actor = actorFor(course, booking);
        switch (duty) {
            case START -> {
                runner.start(actor, booking.labId());
                runner.note(booking.labId(), "BookingStarted", "booking " + booking.id() + " runs until "
                        + booking.end() + (booking.occurrenceId() == null ? "" : " (class session)"));
                bookings.markStarted(booking.id(), now);
            }
            case WARN -> {
                long minutes = Math.max(1, (Duration.between(now, booking.end()).toSeconds() + 59) / 60);
                runner.note(booking.labId(), "BookingEnding", "booking " + booking.id() + " ends in " + minutes
                        + (minutes == 1 ? " minute" : " minutes") + ", at " + booking.end() + "; then the lab is "
                        + course.endAction().past());
                bookings.markWarned(booking.id(), booking.warningsDue(now, properties.warnBefore()));
            }
            case END -> {
                if (!bookings.labHeldByAnother(booking.labId(), booking.id(), now)) { // the next one runs on
                    end(actor, course, booking);
                }
                bookings.markFinished(booking.id(), now);
            }
            case CLOSE -> bookings.markFinished(booking.id(), now);
            default -> throw new IllegalStateException(duty.name());
        }
        return true;
    }

    private void end(Caller actor, Course course, Booking booking) {
        switch (course.endAction()) {
            case STOP -> runner.stop(actor, booking.labId());
            case DESTROY -> runner.destroy(actor, booking.labId());
            case RESET -> {
                labs.lockForReset(booking.labId());
                runner.destroy(actor, booking.labId());
                labs.reset(actor, booking.labId(), course.templateLabId());
            }
        }
    }

    /**
     * Who the requests are made as: the service acting for the booking, with the booking's authority
     * on its one lab (a lab-wide admin rank: the student may have been dropped since and the course's
     * creator may have left it, yet a booking that ended must still end its run), recorded under the
     * student's id and named for the booking in the audit log and the lab's events.
     */
    private Caller actorFor(Course course, Booking booking) {
        String student = users.username(booking.userId());
        // no expiry: it acts within one pass and is never asked again
        return new Caller(booking.userId(), "booking " + booking.id() + " of " + student + " in " + course.name(),
                true, "booking:" + booking.id(), null);
    }

    @Override
    protected Duration untilDue(Instant now, Duration longest) {
        Instant next = earliest(bookings.nextDue(now, properties.warnSeconds()).orElse(null),
                sessions.nextSeating(now).orElse(null));
        Duration untilDue = next == null ? longest : Duration.between(now, next);
        if (!bookings.awaitingReady(1).isEmpty()) { // labs booting: see them ready soon, for the boot times
            untilDue = untilDue.compareTo(BOOT_WATCH) < 0 ? untilDue : BOOT_WATCH;
        }
        return untilDue.compareTo(longest) < 0 ? untilDue : longest;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
