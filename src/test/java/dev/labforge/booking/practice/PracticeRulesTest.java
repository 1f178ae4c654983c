package dev.labforge.booking.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.booking.course.Course;
import dev.labforge.booking.course.EndAction;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules a slot obeys by itself, in a table: a course of 30 to 120 minutes, booked up to 7 days ahead. */
class PracticeRulesTest {

    private static final Instant NOW = Instant.parse("2030-03-25T07:05:00Z");
    private static final Course COURSE = new Course(UUID.randomUUID(), "net101", null, UUID.randomUUID(),
            UUID.randomUUID(), Duration.ofMinutes(120), Duration.ofDays(7), Duration.ofHours(6), EndAction.STOP,
            ZoneId.of("Europe/Zurich"), null, UUID.randomUUID(), NOW, false, null, null, 1);

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({
            "2030-03-26T09:00:00Z, 2030-03-26T10:00:00Z, ''",
            "2030-03-25T07:15:00Z, 2030-03-25T07:45:00Z, ''",                    // the next quarter hour, 30 minutes
            "2030-03-26T09:00:00Z, 2030-03-26T11:00:00Z, ''",                    // the longest
            "2030-03-26T09:05:00Z, 2030-03-26T10:00:00Z, /start:step",
            "2030-03-26T09:00:00Z, 2030-03-26T09:59:00Z, /end:step",
            "2030-03-25T07:00:00Z, 2030-03-25T08:00:00Z, /start:future",
            "2030-03-26T10:00:00Z, 2030-03-26T09:00:00Z, /end:order",
            "2030-03-26T09:00:00Z, 2030-03-26T09:00:00Z, /end:order",
            "2030-03-26T09:00:00Z, 2030-03-26T09:15:00Z, /end:length",
            "2030-03-26T09:00:00Z, 2030-03-26T11:15:00Z, /end:length",
            "2030-04-01T07:00:00Z, 2030-04-01T08:00:00Z, /end:window",            // ends 55 minutes past the window
            "2030-04-01T06:00:00Z, 2030-04-01T07:00:00Z, ''",                    // ends within it
    })
    void eachBrokenRuleIsNamedWithItsPointer(Instant start, Instant end, String expected) {
        assertThat(PracticeRules.check(COURSE, NOW, start, end).stream().map(e -> e.pointer() + ":" + e.rule())
                .toList()).containsExactlyElementsOf(expected.isEmpty() ? List.of() : List.of(expected));
    }
}
