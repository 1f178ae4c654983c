package dev.labforge.booking;

import dev.labforge.access.Caller;
import dev.labforge.access.UserDirectory;
import dev.labforge.api.ProblemException;
import dev.labforge.lab.LabRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends ad-hoc runs as bookings end: the lab's event log gets the same warnings before the end
 * ({@code labforge.booking.warn-before}), and at the end the lab is stopped and what is left of its
 * reservation goes back to the pool. Level-triggered like the {@link BookingReconciler}: a pass does
 * whatever is due by the clock, each run in its own transaction that records it, so a restart neither
 * repeats nor misses a duty; only the replica holding the reconciler's lease acts. A lab that a booking
 * holds by then is not stopped: the booking's own end will do that.
 */
@Component
class AdHocRunReconciler implements SmartLifecycle {

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
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    AdHocRunReconciler(AdHocRuns runs, AdHocReservations reservations, LabRunner runner, UserDirectory users,
                       TransactionTemplate transaction, BookingProperties properties, Clock clock) {
        this.runs = runs;
        this.reservations = reservations;
        this.runner = runner;
        this.users = users;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass: every run with a warning or its end due now gets it; how many it acted on. */
    int pass() {
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

    private void loop() {
        if (!running) {
            return;
        }
        Duration wait = properties.reconcileEvery();
        try {
            pass();
            Instant now = clock.instant();
            Instant next = runs.nextDue(properties.warnSeconds()).orElse(null);
            if (next != null && Duration.between(now, next).compareTo(wait) < 0) {
                wait = Duration.between(now, next);
            }
        } catch (RuntimeException e) {
            log.warn("ad-hoc run pass failed: {}", e.toString());
        }
        ScheduledExecutorService s = scheduler;
        if (running && s != null) {
            s.schedule(this::loop, Math.max(wait.toMillis(), 100), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("ad-hoc-runs").factory());
        running = true;
        scheduler.schedule(this::loop, 1, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** As the booking reconciler: after the cluster runtime. */
    @Override
    public int getPhase() {
        return 100;
    }
}
