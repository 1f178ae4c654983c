package dev.labforge.booking.timetable;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param leadTime       how long before a booking starts its lab is started, so that it is ready at the
 *                       start; its capacity is reserved from then. A default until boot times are learned
 * @param maxExtensions  how often one booking may be extended (NETLAB+ allows about three), in courses that
 *                       set no rule of their own ({@link ExtensionRules})
 * @param extendWithin   how close to its end a booking may be extended (NETLAB+: 15 minutes): an extension
 *                       is for finishing, not a way to hold capacity early. Also only where a course sets none
 * @param warnBefore     how long before a booking's end a warning goes to the lab's event log, latest
 *                       first in time: longest first here
 * @param startsPerMinute how many labs of one class session are started per minute at most: a class of 300
 *                       is started over 10 minutes (its lead time grows by as much), not in one storm
 * @param reconcileEvery the longest the booking reconciler waits between passes; it also wakes when a
 *                       booking is due, so this only bounds how late a booking made meanwhile is seen
 * @param poolTurnPatience how long a booking waits in line for its capacity pool ({@link dev.labforge.booking.practice.PoolTurns}) before it
 *                       is answered 503 to try again
 */
@ConfigurationProperties("labforge.booking")
public record BookingProperties(@DefaultValue("5m") Duration leadTime, @DefaultValue("3") int maxExtensions,
                         @DefaultValue("15m") Duration extendWithin,
                         @DefaultValue({"10m", "2m"}) List<Duration> warnBefore,
                         @DefaultValue("30") int startsPerMinute,
                         @DefaultValue("10s") Duration reconcileEvery,
                         @DefaultValue("60s") Duration poolTurnPatience) {

    public BookingProperties {
        warnBefore = warnBefore.stream().sorted(java.util.Comparator.reverseOrder()).toList();
    }

    /** The warning thresholds in seconds, longest first: the i-th is due when {@code warnings_sent = i}. */
    public long[] warnSeconds() {
        return warnBefore.stream().mapToLong(Duration::toSeconds).toArray();
    }
}
