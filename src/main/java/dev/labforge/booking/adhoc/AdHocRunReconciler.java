package dev.labforge.booking.adhoc;

import dev.labforge.access.Caller;
import dev.labforge.access.UserDirectory;
import dev.labforge.api.ProblemException;
import dev.labforge.booking.timetable.BookingProperties;
import dev.labforge.booking.timetable.ReconcileLoop;
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
 * Ends ad-hoc runs as bookings end: the lab's event log gets the same warnings before the end
 * ({@code labforge.booking.warn-before}), and at the end the lab is stopped and what is left of its
 * reservation goes back to the pool. Level-triggered like the {@link dev.labforge.booking.BookingReconciler}: a pass does
 * whatever is due by the clock, each run in its own transaction that records it, so a restart neither
 * repeats nor misses a duty; only the replica holding the reconciler's lease acts. A lab that a booking
 * holds by then is not stopped: the booking's own end will do that.
 */
@Component
class AdHocRunReconciler extends ReconcileLoop {

    private static final Logger log = LoggerFactory.getLogger(AdHocRunReconciler.class);
    /** Runs looked at per pass, so one pass stays short; the next pass takes the rest. */
    static final int BATCH = 500;

    private final AdHocRuns runs;
    private final AdHocReservations reservations;
    private final LabRunner runner;
    private final UserDirectory users;
    private final TransactionTemplate transaction;
    private final BookingProperties properties;
    private final Clock clock;

    AdHocRunReconciler(AdHocRuns runs, AdHocReservations reservations, LabRunner runner, UserDirectory users,
                       TransactionTemplate transaction, BookingProperties properties, Clock clock) {
        super("ad-hoc-runs", runner, properties, clock);
        this.runs = runs;
        this.reservations = reservations;
        this.runner = runner;
        this.users = users;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass: every run with a warning or its end due now gets it; how many it acted on. */
    @Override
    public int pass() {
        if (!runner.leads()) {
            return 0;
        }
        Instant now = clock.instant();
        int acted = 0;
        for (UUID id : runs.due(now, properties.warnSeconds(), BATCH)) {
            try {
                acted += Boolean.TRUE.equals(transaction.execute(status -> act(id, now))) ? 1 : 0;
            } catch (ProblemException e) {
                log.warn("ad-hoc run {}: {}", id, e.getMessage());
            } catch (RuntimeException e) {
                log.warn("ad-hoc run {} failed; the next pass tries again", id, e);
            }
        }
        return acted;
    }

    private boolean act(UUID id, Instant now) {
        AdHocRun run = runs.lockIfFree(id).orElse(null); // null: finished, or another pass is at it
        AdHocRun.Duty duty = run == null ? AdHocRun.Duty.NONE : run.duty(now, properties.warnBefore());
        switch (duty) {
            case NONE -> {
                return false;
            }
            case WARN -> {
                long minutes = Math.max(1, (Duration.between(now, run.end()).toSeconds() + 59) / 60);
                runner.note(run.labId(), "RunEnding", "the run started outside a booking ends in " + minutes
                        + (minutes == 1 ? " minute" : " minutes") + ", at " + run.end()
                        + "; then the lab is stopped unless the run is extended");
                runs.markWarned(run.id(), run.warningsDue(now, properties.warnBefore()));
            }
            case END -> {
                reservations.finish(run, now);
                if (!runs.bookedNow(run.labId(), now)) {
                    runner.note(run.labId(), "RunEnded", "the run started outside a booking ended at " + run.end());
                    runner.stop(actorFor(run), run.labId());
                }
            }
        }
        return true;
    }

    /**
     * Who stops the lab: the service acting for the run, with a lab-wide admin rank (the starter may have
     * lost their access since, yet an ended run must end), recorded under the starter's id.
     */
    private Caller actorFor(AdHocRun run) {
        return new Caller(run.userId(), "ad-hoc run " + run.id() + " of " + users.username(run.userId()), true,
                "ad-hoc-run:" + run.id(), null);
    }

    @Override
    protected Duration untilDue(Instant now, Duration longest) {
        Instant next = runs.nextDue(properties.warnSeconds()).orElse(null);
        return next != null && Duration.between(now, next).compareTo(longest) < 0 ? Duration.between(now, next)
                : longest;
    }
}
