package dev.labforge.booking.timetable;

import dev.labforge.api.Conflict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a practice booking, or a run of a course's lab outside any booking, may be extended (NETLAB+'s rule, which each
 * class sets there too): in its last {@code within} and at most {@code maxExtensions} times. A course's own values
 * where it sets them, else the service's defaults. Read at each extension, so a course's change reaches bookings and
 * runs begun before it at their next extension. Here rather than in {@code booking.course}, which makes it, because
 * the runs outside a booking ({@code booking.adhoc}) obey it too and may not depend on the course package.
 *
 * @param course               the course's name, which the refusals give
 * @param maxExtensionsDefault whether {@code maxExtensions} is the service's default rather than the course's own
 * @param withinDefault        whether {@code within} is
 */
public record ExtensionRules(String course, int maxExtensions, Duration within, boolean maxExtensionsDefault,
                             boolean withinDefault) {

    /** The course's own values; null: the service's ({@code labforge.booking.max-extensions}, {@code extend-within}). */
    public static ExtensionRules of(String course, Integer maxExtensions, Duration within, BookingProperties defaults) {
        return new ExtensionRules(course, maxExtensions == null ? defaults.maxExtensions() : maxExtensions,
                within == null ? defaults.extendWithin() : within, maxExtensions == null, within == null);
    }

    /** The settings (as the course document names them) that follow the service's defaults. */
    public List<String> followingDefaults() {
        List<String> names = new ArrayList<>();
        if (maxExtensionsDefault) {
            names.add("maxExtensions");
        }
        if (withinDefault) {
            names.add("extendWithinMinutes");
        }
        return names;
    }

    /** How many more extensions the rule allows after {@code extensions}. */
    public int left(int extensions) {
        return Math.max(0, maxExtensions - extensions);
    }

    /** Refuses (409, naming the rule) an extension of the booking asked for {@code now}. */
    public void requireExtendable(Booking booking, Instant now) {
        requireExtendable("booking " + booking.id(), booking.end(), booking.extensions(), now);
    }

    /**
     * Refuses (409, naming the rule) an extension asked for {@code now} of {@code what} (a booking, a run), which
     * ends at {@code end} and was extended {@code extensions} times.
     */
    public void requireExtendable(String what, Instant end, int extensions, Instant now) {
        Instant opens = end.minus(within);
        if (now.isBefore(opens)) {
            throw new Conflict(what + " can be extended in its last " + within.toMinutes()
                    + " minutes (the rule of course '" + course + "'), from " + opens);
        }
        if (extensions >= maxExtensions) {
            throw new Conflict(what + " was extended " + extensions + (extensions == 1 ? " time" : " times")
                    + "; course '" + course + "' allows at most " + maxExtensions);
        }
    }
}
