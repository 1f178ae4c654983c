package dev.labforge.booking.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the booking reconciler owes a booking follows from its row and the time alone. */
class BookingDutyTest {

    private static final Instant LAB_FROM = Instant.parse("2030-03-26T08:55:00Z");
    private static final Instant START = Instant.parse("2030-03-26T09:00:00Z");
    private static final Instant END = Instant.parse("2030-03-26T10:00:00Z");

    @ParameterizedTest(name = "at {0}, started {1}, cancelled {2}, finished {3}: {4}")
    @CsvSource({
            "08:00, false, false, false, NONE",   // before the lead time
            "08:55, false, false, false, START",  // the lead time: start it
            "09:30, false, false, false, START",  // down through the start: catch up
            "09:30, true,  false, false, NONE",   // running as it should
            "10:00, true,  false, false, END",    // over: the end action
            "11:00, true,  false, false, END",    // down through the end: catch up
            "10:00, false, false, false, CLOSE",  // over, never started: nothing to undo
            "10:00, true,  false, true,  NONE",   // done
            "08:57, true,  true,  false, END",    // cancelled after its lab was started in the lead time
            "08:57, false, true,  false, NONE",   // cancelled before anything was started
    })
    void dutyFollowsFromTheRowAndTheClock(String at, boolean started, boolean cancelled, boolean finished,
                                          Booking.Duty expected) {
        Instant now = Instant.parse("2030-03-26T" + at + ":00Z");
        Booking booking = new Booking(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                null, START, END, LAB_FROM, 0, cancelled ? LAB_FROM : null, started ? LAB_FROM : null,
                finished ? END : null, LAB_FROM, null, 0);
        assertThat(booking.duty(now)).isEqualTo(expected);
    }
}
