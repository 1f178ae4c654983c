package dev.labforge.cluster.simulated;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys to work on, as in client-go's workqueue: a key is handled by one thread at a time, a key added while queued
 * is handled once, a key added while being handled is handled again after, and a failure retries with backoff.
 */
final class WorkQueue {

    private static final Logger log = LoggerFactory.getLogger(WorkQueue.class);

    /** Failures here are the API being briefly unhappy; start fast, never hammer it. */
    private static final Duration FIRST_RETRY = Duration.ofMillis(50);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final ScheduledExecutorService executor;
    private final Consumer<String> handler;
    private final Set<String> queued = new HashSet<>();
    private final Set<String> running = new HashSet<>();
    private final Set<String> again = new HashSet<>();
    private final Map<String, Integer> failures = new HashMap<>();

    WorkQueue(ScheduledExecutorService executor, Consumer<String> handler) {
        this.executor = executor;
        this.handler = handler;
    }

    void add(String key) {
        synchronized (this) {
            if (running.contains(key)) {
                again.add(key);
                return;
            }
            if (!queued.add(key)) {
                return;
            }
        }
        try {
            executor.execute(() -> handle(key));
        } catch (RejectedExecutionException e) {
            log.debug("not handling {}: the simulator is stopping", key);
        }
    }

    /** Nothing queued, nothing being handled (a retry waiting out its backoff does not count). */
    synchronized boolean idle() {
        return queued.isEmpty() && running.isEmpty() && again.isEmpty();
    }

    void addAfter(String key, Duration delay) {
        try {
            executor.schedule(() -> add(key), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("not scheduling {}: the simulator is stopping", key);
        }
    }

    private void handle(String key) {
        synchronized (this) {
            queued.remove(key);
            running.add(key);
        }
        Duration retry = null;
        try {
            handler.accept(key);
            synchronized (this) {
                failures.remove(key);
            }
        } catch (RuntimeException e) {
            retry = failed(key, e);
        } finally {
            boolean rerun;
            synchronized (this) {
                running.remove(key);
                rerun = again.remove(key);
            }
            if (rerun) {
                add(key);
            } else if (retry != null) {
                addAfter(key, retry);
            }
        }
    }

    private Duration failed(String key, RuntimeException e) {
        int failed;
        synchronized (this) {
            failed = failures.merge(key, 1, Integer::sum);
        }
        Duration retry = backoff(failed);
        if (executor.isShutdown()) {
            log.debug("simulated virt-controller stopped while handling {}: {}", key, e.toString());
        } else {
            log.warn("simulated virt-controller failed on {} ({} in a row), retrying in {} ms: {}",
                    key, failed, retry.toMillis(), e.toString());
        }
        return retry;
    }

    private static Duration backoff(int failures) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 16));
        return delay.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : delay;
    }
}
