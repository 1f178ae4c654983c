package dev.labforge.booking.practice;

import dev.labforge.api.InvalidField;
import dev.labforge.booking.course.Course;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a practice slot obeys by itself, whatever else is booked: each a name, a pointer and a
 * sentence. Pure: the time is given, nothing is read.
 */
public final class PracticeRules {

    /** Slots are made of steps this long, as VCL's and NETLAB+'s are: it keeps free-slot lists short. */
    static final Duration STEP = Duration.ofMinutes(15);
    static final Duration MIN_SLOT = Duration.ofMinutes(30);

    private PracticeRules() {
    }

    static List<InvalidField> check(Course course, Instant now, Instant start, Instant end) {
        List<InvalidField> errors = new ArrayList<>();
        if (!aligned(start)) {
            errors.add(InvalidField.rule("/start", "step", "must fall on a quarter hour (:00, :15, :30, :45)"));
        }
        if (!aligned(end)) {
            errors.add(InvalidField.rule("/end", "step", "must fall on a quarter hour (:00, :15, :30, :45)"));
        }
        if (!start.isAfter(now)) {
            errors.add(InvalidField.rule("/start", "future", "must be in the future; it is " + now + " now"));
        }
        if (!end.isAfter(start)) {
            errors.add(InvalidField.rule("/end", "order", "must be after start"));
        } else {
            Duration length = Duration.between(start, end);
            if (length.compareTo(MIN_SLOT) < 0 || length.compareTo(course.maxSlot()) > 0) {
                errors.add(InvalidField.rule("/end", "length", "a slot lasts 30 to " + course.maxSlot().toMinutes()
                        + " minutes in course '" + course.name() + "'; this one lasts " + length.toMinutes()));
            }
        }
        Instant windowEnd = now.plus(course.bookingWindow());
        if (end.isAfter(windowEnd)) {
            errors.add(InvalidField.rule("/end", "window", "course '" + course.name() + "' takes bookings up to "
                    + course.bookingWindow().toDays() + " days ahead, until " + windowEnd));
        }
        return errors;
    }

    public static boolean aligned(Instant instant) {
        // every zone's offset today is a whole quarter hour, so UTC quarter hours are local ones too
        return instant.getEpochSecond() % STEP.toSeconds() == 0 && instant.getNano() == 0;
    }

    /** The last step boundary at or before {@code instant}. */
    static Instant stepBefore(Instant instant) {
        long step = STEP.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), step) * step);
    }

    /** The first step boundary at or after {@code instant}. */
    static Instant nextStep(Instant instant) {
        long step = STEP.toSeconds();
        long seconds = instant.getEpochSecond();
        long rounded = Math.floorDiv(seconds + step - 1 + (instant.getNano() > 0 ? 1 : 0), step) * step;
        return Instant.ofEpochSecond(rounded);
    }
}
