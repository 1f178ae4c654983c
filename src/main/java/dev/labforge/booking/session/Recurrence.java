package dev.labforge.booking.session;

import dev.labforge.api.InvalidField;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;

/**
 * The starts of a recurring session: an RFC 5545 RRULE expanded by ical4j from the first start, in the
 * course's time zone, so "every Tuesday 09:00" stays 09:00 local across a daylight-saving change. Pure.
 */
final class Recurrence {

    /** A term of weekly classes fits many times over; a rule reaching further is refused, not cut. */
    static final int MAX_OCCURRENCES = 200;
    static final Duration MAX_SPAN = Duration.ofDays(366);

    private static final Pattern DATE_UNTIL = Pattern.compile("UNTIL=(\\d{8})(?=;|$)");
    private static final DateTimeFormatter BASIC_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private Recurrence() {
    }

    /**
     * Every start, the first included; a problem at {@code /recurrence} if the rule is not one, is
     * unbounded (neither UNTIL nor COUNT), or gives more than {@link #MAX_OCCURRENCES} or reaches past
     * {@link #MAX_SPAN}.
     */
    static List<ZonedDateTime> starts(ZonedDateTime first, String rule, List<InvalidField> errors) {
        if (rule == null || rule.isBlank()) {
            return List.of(first);
        }
        Recur<ZonedDateTime> recur;
        try {
            recur = new Recur<>(untilAsEndOfDay(rule.strip(), first));
        } catch (RuntimeException e) {
            errors.add(InvalidField.at("/recurrence", "not an RFC 5545 RRULE such as FREQ=WEEKLY;UNTIL=20270330: "
                    + e.getMessage()));
            return List.of();
        }
        if ((Object) recur.getUntil() == null && recur.getCount() < 1) {
            errors.add(InvalidField.rule("/recurrence", "bounded", "give UNTIL or COUNT: a session series must end"));
            return List.of();
        }
        List<ZonedDateTime> starts;
        try {
            starts = recur.getDates(first, first, first.plus(MAX_SPAN).plusSeconds(1), MAX_OCCURRENCES + 1);
        } catch (RuntimeException e) {
            errors.add(InvalidField.at("/recurrence", "cannot expand this rule: " + e.getMessage()));
            return List.of();
        }
        // ical4j parses UNTIL into whatever type fits it (an OffsetDateTime for a UTC time), whatever T says
        Object until = recur.getUntil();
        boolean past = until != null ? java.time.Instant.from((java.time.temporal.TemporalAccessor) until)
                .isAfter(first.plus(MAX_SPAN).toInstant())
                : starts.size() < recur.getCount() && starts.size() <= MAX_OCCURRENCES;
        if (starts.size() > MAX_OCCURRENCES) {
            errors.add(InvalidField.rule("/recurrence", "occurrences", "gives more than " + MAX_OCCURRENCES
                    + " occurrences"));
        } else if (past) {
            errors.add(InvalidField.rule("/recurrence", "span", "reaches more than " + MAX_SPAN.toDays()
                    + " days past the first start"));
        } else if (starts.isEmpty() || !starts.getFirst().isEqual(first)) {
            errors.add(InvalidField.rule("/recurrence", "first", "the first start " + first.toLocalDateTime()
                    + " is not one of the rule's own dates; start on a day the rule names"));
        }
        return starts;
    }

    /** UNTIL given as a date means the end of that day in the course's zone (RFC 5545 wants a UTC time then). */
    private static String untilAsEndOfDay(String rule, ZonedDateTime first) {
        Matcher m = DATE_UNTIL.matcher(rule);
        if (!m.find()) {
            return rule;
        }
        LocalDate day = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
        String until = day.atTime(LocalTime.MAX.withNano(0)).atZone(first.getZone()).withZoneSameInstant(ZoneOffset.UTC)
                .format(BASIC_UTC);
        return m.replaceFirst("UNTIL=" + until);
    }
}
