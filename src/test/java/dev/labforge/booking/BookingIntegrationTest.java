package dev.labforge.booking;

import dev.labforge.IntegrationTest;
import dev.labforge.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the booking module's tests: the whole service over HTTP, with the clock the test moves.
 * Each test names its pools and courses uniquely and sets the clock before it relies on it; the
 * clock goes back to the system's time after each.
 */
abstract class BookingIntegrationTest extends IntegrationTest {

    @Autowired
    protected MovableClock clock;

    @AfterEach
    void systemTimeAgain() {
        clock.useSystemTime();
    }
}
