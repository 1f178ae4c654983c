package dev.labforge.booking.timetable;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A row lock taken without waiting ({@code skip locked}), tried again for a moment before giving up. An edit of a
 * running lab may not wait for a booking's or a run's row (the reconciler holding it may be waiting for the lab's
 * locks, which the edit holds), but most holders are short passes that are done within milliseconds: a user should
 * not get "send the edit again" for those. Whoever still holds the row after {@link #PATIENCE} may be waiting for
 * this edit, so the edit gives up and its 409 lets them go on.
 */
public final class BriefRetry {

    static final Duration PATIENCE = Duration.ofSeconds(1);
    private static final Duration PAUSE = Duration.ofMillis(25);

    private BriefRetry() {
    }

    /** The lock's row once {@code attempt} finds it free, or empty if it stays held for {@link #PATIENCE}. */
    public static <T> Optional<T> lock(Supplier<Optional<T>> attempt) {
        long tries = PATIENCE.toMillis() / PAUSE.toMillis();
        for (long i = 0; ; i++) {
            Optional<T> row = attempt.get();
            if (row.isPresent() || i >= tries) {
                return row;
            }
            try {
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return row;
            }
        }
    }
}
