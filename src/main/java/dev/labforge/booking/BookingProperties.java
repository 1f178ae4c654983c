package dev.labforge.booking;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param leadTime      how long before a booking starts its lab is started, so that it is ready at the
 *                      start; its capacity is reserved from then. A default until boot times are learned
 * @param maxExtensions how often one booking may be extended (NETLAB+ allows about three)
 * @param reconcileEvery the longest the booking reconciler waits between passes; it also wakes when a
 *                      booking is due, so this only bounds how late a booking made meanwhile is seen
 */
@ConfigurationProperties("labforge.booking")
record BookingProperties(@DefaultValue("5m") Duration leadTime, @DefaultValue("3") int maxExtensions,
                         @DefaultValue("10s") Duration reconcileEvery) {
}
