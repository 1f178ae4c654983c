package dev.labforge.booking.adhoc;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Labs started outside any booking.
 *
 * @param pool          the capacity pool a lab started outside a booking reserves from (a course's lab uses its
 *                      course's pool instead); while no pool of this name exists, such labs reserve nothing and
 *                      only their owner's quota limits them, as in a deployment without pools
 * @param runTime       how long such a run holds its capacity from its start; it is stopped at the end unless
 *                      extended, with the same warnings as a booking ({@code labforge.booking.warn-before})
 * @param maxExtensions how often one run may be extended, of a lab in no course: a student's course lab follows its
 *                      course's rule, as its bookings do ({@code dev.labforge.booking.timetable.ExtensionRules})
 * @param maxExtension  the most one extension adds
 */
@ConfigurationProperties("labforge.booking.ad-hoc")
record AdHocRunProperties(@DefaultValue("default") String pool, @DefaultValue("2h") Duration runTime,
                          @DefaultValue("3") int maxExtensions, @DefaultValue("2h") Duration maxExtension) {
}
