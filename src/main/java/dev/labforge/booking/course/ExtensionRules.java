package dev.labforge.booking.course;

import dev.labforge.booking.timetable.Booking;
import dev.labforge.booking.timetable.BookingProperties;
import dev.labforge.api.Conflict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a practice booking may be extended (NETLAB+'s rule, which each class sets there too): in its last
 * {@code within} and at most {@code maxExtensions} times. A course's own values where it sets them, else the service's
 * defaults. Read at each extension, so a course's change reaches bookings made before it at their next extension.
 *
 * @param maxExtensionsDefault whether {@code maxExtensions} is the service's default rather than the course's own
 * @param withinDefault        whether {@code within} is
 */
public record ExtensionRules(String course, int maxExtensions, Duration within, boolean maxExtensionsDefault,
                      boolean withinDefault) {

    public static ExtensionRules of(Course course, BookingProperties defaults) {
        return new ExtensionRules(course.name(),
                course.maxExtensions() == null ? defaults.maxExtensions() : course.maxExtensions(),
                course.extendWithin() == null ? defaults.extendWithin() : course.extendWithin(),
                course.maxExtensions() == null, course.extendWithin() == null);
    }

    /** The settings (as the course document names them) that follow the service's defaults. */
    List<String> followingDefaults() {
        List<String> names = new ArrayList<>();
        if (maxExtensionsDefault) {
            names.add("maxExtensions");
        }
        if (withinDefault) {
            names.add("extendWithinMinutes");
        }
        return names;
    }

    /** Refuses (409, naming the rule) an extension of the booking asked for {@code now}. */
    public void requireExtendable(Booking booking, Instant now) {
        Instant opens = booking.end().minus(within);
        if (now.isBefore(opens)) {
            throw new Conflict("booking " + booking.id() + " can be extended in its last " + within.toMinutes()
                    + " minutes (the rule of course '" + course + "'), from " + opens);
        }
        if (booking.extensions() >= maxExtensions) {
            throw new Conflict("booking " + booking.id() + " was extended " + booking.extensions()
                    + (booking.extensions() == 1 ? " time" : " times") + "; course '" + course + "' allows at most "
                    + maxExtensions);
        }
    }
}
