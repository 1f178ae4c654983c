package dev.labforge.booking.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** An edit's lock on a booking's or run's row: tried again for a moment, then given up on. */
class BriefRetryTest {

    @Test
    void aRowFreedWithinTheMomentIsTaken() {
        AtomicInteger tries = new AtomicInteger();
        Optional<String> row = BriefRetry.lock(() -> tries.incrementAndGet() < 3 ? Optional.empty()
                : Optional.of("booking"));
        assertThat(row).contains("booking");
        assertThat(tries).hasValue(3);
    }

    @Test
    void aRowStillHeldAfterTheMomentIsGivenUpOnAfterABoundedNumberOfTries() {
        AtomicInteger tries = new AtomicInteger();
        assertThat(BriefRetry.lock(() -> {
            tries.incrementAndGet();
            return Optional.empty();
        })).isEmpty();
        assertThat(tries).hasValue(41); // the first, then one every 25 ms for a second
    }
}
