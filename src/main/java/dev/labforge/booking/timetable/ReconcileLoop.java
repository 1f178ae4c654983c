package dev.labforge.booking.timetable;

import dev.labforge.lab.LabRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The schedule of the booking module's reconcilers: a pass on a virtual thread of its own a second after the
 * start, then again when {@link #untilDue} says something is due, and at least every
 * {@code labforge.booking.reconcile-every} so rows written meanwhile are picked up. Passes run only on the replica
 * holding the reconciler's lease; the others keep the same schedule, so a replica that takes the lease over acts on
 * time. A failed pass is logged and the schedule goes on.
 */
public abstract class ReconcileLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReconcileLoop.class);
    /** The shortest wait between passes, so a row due again at once cannot spin the loop. */
    private static final Duration SHORTEST = Duration.ofMillis(100);

    private final String name;
    private final LabRunner runner;
    private final BookingProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean running;

    protected ReconcileLoop(String name, LabRunner runner, BookingProperties properties, Clock clock) {
        this.name = name;
        this.runner = runner;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass: does what is due now; how many rows it acted on. */
    public abstract int pass();

    /** How long from {@code now} until the next pass is due, at most {@code longest}. */
    protected abstract Duration untilDue(Instant now, Duration longest);

    /** One turn of the loop on {@code on}, the scheduler it was started with: a loop outlived by stop() ends there. */
    private void loop(ScheduledExecutorService on) {
        if (!running || on != scheduler) {
            return;
        }
        Duration wait = properties.reconcileEvery();
        try {
            if (runner.leads()) {
                pass();
            }
            wait = untilDue(clock.instant(), wait);
        } catch (RuntimeException e) {
            log.warn("{} pass failed: {}", name, e.toString());
        }
        synchronized (this) { // a stop() and start() while this pass ran gave the schedule to a new loop
            if (running && on == scheduler) {
                on.schedule(() -> loop(on), Math.max(wait.toMillis(), SHORTEST.toMillis()), TimeUnit.MILLISECONDS);
            }
        }
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService on = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name(name).factory());
        scheduler = on;
        running = true;
        on.schedule(() -> loop(on), 1, TimeUnit.SECONDS);
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

    /** After the cluster runtime (phase 0 by default): it stops after, and starts before, nothing it needs. */
    @Override
    public int getPhase() {
        return 100;
    }
}
