package dev.labforge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The tests' {@link Clock} bean: the system's time until a test {@link #set sets} it, then that time
 * until the test moves it or {@link #useSystemTime goes back}. Code that takes the Clock bean is
 * tested by moving time instead of waiting for it. A simulation that must let time pass while the service
 * and the simulated cluster work {@link #run runs} it faster than real time instead.
 */
public final class MovableClock extends Clock {

    /** The clock read {@code at} when {@link System#nanoTime()} was {@code nanos}, and has moved at {@code speed} since. */
    private record Base(Instant at, long nanos, double speed) {

        Instant now() {
            return speed == 0 ? at : at.plusNanos((long) ((System.nanoTime() - nanos) * speed));
        }
    }

    private final AtomicReference<Base> fixed = new AtomicReference<>();

    public void set(Instant instant) {
        fixed.set(new Base(instant, 0, 0));
    }

    /** From {@code instant} on, {@code speed} seconds pass on this clock for each real second. */
    public void run(Instant instant, double speed) {
        fixed.set(new Base(instant, System.nanoTime(), speed));
    }

    /** Moves the clock on by {@code duration}; a running clock runs on from there at its speed. */
    public void advance(Duration duration) {
        fixed.updateAndGet(b -> b == null ? new Base(Instant.now().plus(duration), 0, 0)
                : new Base(b.now().plus(duration), System.nanoTime(), b.speed()));
    }

    public void useSystemTime() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Base base = fixed.get();
        return base == null ? Instant.now() : base.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the movable clock is UTC");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
