package dev.labforge.cluster.reconcile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The reconciler's timers: how long a pass takes, by how it ended, and how far recorded status trails the cluster. Both
 * publish histogram buckets, so that a dashboard can show quantiles over all replicas and any window.
 */
final class ReconcileMeters {

    static final String PASS = "labforge.reconcile.pass";
    static final String STATUS_LAG = "labforge.status.lag";

    /** How a pass ended: the tag's only values. */
    enum Outcome {
        /** Nothing moving any more. */
        SETTLED,
        /** Still moving: looked at again later. */
        UNSETTLED,
        /** Threw: retried with backoff. */
        FAILED
    }

    private final Map<Outcome, Timer> passes;
    private final Timer statusLag;

    ReconcileMeters(MeterRegistry registry) {
        passes = new java.util.EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            passes.put(outcome, histogram(Timer.builder(PASS)
                    .description("Reconcile passes of one lab on the lease holder, by how they ended")
                    .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))).register(registry));
        }
        statusLag = histogram(Timer.builder(STATUS_LAG)
                .description("From a lab's first VM status change not yet recorded to the commit that recorded it"))
                .register(registry);
    }

    /** Buckets from a millisecond to a minute: a pass or a status change outside that range is news either way. */
    private static Timer.Builder histogram(Timer.Builder timer) {
        return timer.publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1));
    }

    void passed(Outcome outcome, long nanos) {
        passes.get(outcome).record(nanos, TimeUnit.NANOSECONDS);
    }

    void statusLag(long nanos) {
        statusLag.record(nanos, TimeUnit.NANOSECONDS);
    }
}
