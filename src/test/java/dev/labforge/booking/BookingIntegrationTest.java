package dev.labforge.booking;

import dev.labforge.IntegrationTest;
import dev.labforge.MovableClock;
import dev.labforge.lab.LabRunner;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the booking module's tests: the whole service over HTTP, with the clock the test moves.
 * Each test names its pools and courses uniquely and sets the clock before it relies on it; the
 * clock goes back to the system's time after each. Tests that run the booking reconciler's passes
 * themselves first wait until this replica holds its lease ({@link #awaitReconcilerLease}).
 */
abstract class BookingIntegrationTest extends IntegrationTest {

    @Autowired
    protected MovableClock clock;
    @Autowired
    private LabRunner runner;

    @AfterEach
    void systemTimeAgain() {
        clock.useSystemTime();
    }

    /** A pass of a replica without the lease does nothing: tests calling passes wait for it first. */
    protected void awaitReconcilerLease() {
        await("this replica to hold the reconciler lease", runner::leads);
    }

    /** Polls {@code done} until it holds; fails after 60 s, saying what it waited for. */
    static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after 60 s waiting for " + what);
            }
            try {
                Thread.sleep(20); // polling a condition with a deadline, not waiting a fixed time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
