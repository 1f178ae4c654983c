package dev.labforge.booking;

import dev.labforge.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Base of the booking module's tests: the whole service over HTTP, with a clock the test moves.
 * All booking tests share this one context (and the clock): each names its pools and courses
 * uniquely and sets the clock before it relies on it.
 */
@Import(MovableClock.Config.class)
abstract class BookingIntegrationTest extends IntegrationTest {

    @Autowired
    protected MovableClock clock;
}
