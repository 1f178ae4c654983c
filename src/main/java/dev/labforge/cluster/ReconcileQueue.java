package dev.labforge.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labs waiting to be reconciled. A lab is queued at most once and handled by one worker at a time;
 * a lab woken while it is being handled runs again right after. Failures back off exponentially
 * (API 409/429/5xx, timeouts: the next pass simply tries again from fresh state).
 */
final class ReconcileQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconcileQueue.class);
    /** Unsettled labs are looked at again after this even without an event, in case one was missed. */
    static final Duration UNSETTLED_RECHECK = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);

    private record Item(UUID lab, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Item) other).dueNanos);
        }
    }

    private final DelayQueue<Item> queue = new DelayQueue<>();
    /** Due time of each queued lab, so a lab is in the queue once, at its earliest due time. */
    private final Map<UUID, Long> queued = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> running = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> failures = new ConcurrentHashMap<>();
    private final Predicate<UUID> reconciler;
    private final ExecutorService workers;
    private volatile boolean open = true;

    /** @param reconciler returns true when the lab settled */
    ReconcileQueue(Predicate<UUID> reconciler, int workerCount) {
        this.reconciler = reconciler;
        this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("reconcile-", 0).factory());
        for (int i = 0; i < workerCount; i++) {
            workers.submit(this::work);
        }
    }

    void enqueue(UUID lab) {
        enqueue(lab, Duration.ZERO);
    }

    void enqueue(UUID lab, Duration delay) {
        long due = System.nanoTime() + delay.toNanos();
        Long previous = queued.get(lab);
        if (previous != null && previous <= due) {
            return;
        }
        queued.put(lab, due);
        queue.add(new Item(lab, due));
    }

    private void work() {
        while (open) {
            Item item;
            try {
                item = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (item == null || !queued.remove(item.lab(), item.dueNanos())) {
                continue; // stale entry: the lab was re-queued at another time
            }
            if (running.putIfAbsent(item.lab(), Boolean.TRUE) != null) {
                enqueue(item.lab(), Duration.ofMillis(20)); // another worker has it; look again right after
                continue;
            }
            try {
                handle(item.lab());
            } finally {
                running.remove(item.lab());
            }
        }
    }

    private void handle(UUID lab) {
        try {
            boolean settled = reconciler.test(lab);
            failures.remove(lab);
            if (!settled) {
                enqueue(lab, UNSETTLED_RECHECK);
            }
        } catch (RuntimeException e) {
            int count = failures.merge(lab, 1, Integer::sum);
            Duration backoff = Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(count, 20)));
            log.warn("reconciling lab {} failed (attempt {}), retrying in {}: {}", lab, count, backoff, e.toString());
            enqueue(lab, backoff);
        }
    }

    @Override
    public void close() {
        open = false;
        workers.shutdownNow();
    }
}
