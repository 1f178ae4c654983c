package dev.labforge.cluster;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for a condition with a deadline, and says what it saw when the deadline passes: never an untimed wait.
 * Long waits print their progress every {@link #PROGRESS_EVERY}, so a run's log shows where it is.
 */
public final class Await {

    static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    private Await() {
    }

    /**
     * @param progress what things look like now, for the failure message
     * @throws AssertionError when {@code timeout} passes first
     */
    public static void until(String what, Duration timeout, BooleanSupplier done, Supplier<String> progress) {
        until(what, timeout, Duration.ofMillis(10), done, progress);
    }

    /** The same, looking every {@code every}. */
    public static void until(String what, Duration timeout, Duration every, BooleanSupplier done, Supplier<String> progress) {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        long nextReport = started + PROGRESS_EVERY.toNanos();
        while (!done.getAsBoolean()) {
            long now = System.nanoTime();
            if (now - nextReport > 0) {
                System.out.printf("  ... %d s waiting for %s: %s%n", Duration.ofNanos(now - started).toSeconds(), what,
                        progress.get());
                nextReport = now + PROGRESS_EVERY.toNanos();
            }
            if (now - deadline > 0) {
                throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what
                        + "; " + progress.get());
            }
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what + "; " + progress.get(), e);
            }
        }
    }
}
