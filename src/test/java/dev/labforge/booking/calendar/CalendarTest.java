package dev.labforge.booking.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** iCalendar exports: a student's bookings, and a course's class sessions for its members only. */
class CalendarTest extends BookingIntegrationTest {

    @Test
    void bookingsAndSessionsExportAsICalendarAndStrangersGetNothing() {
        clock.set(Instant.parse("2027-01-01T08:00:00Z"));
        Classroom room = Classroom.create(api(), 64, "\"timeZone\":\"Europe/Zurich\"");
        ApiClient alice = room.enrol("student");
        String session = room.instructor.post(room.path("/sessions"), "{\"start\":\"2027-01-05T09:00:00+01:00\","
                + "\"end\":\"2027-01-05T11:00:00+01:00\",\"recurrence\":\"FREQ=WEEKLY;COUNT=3\"}").json().get("id")
                .asString();
        assertThat(room.instructor.delete(room.path("/sessions/" + session + "/occurrences/2")).status())
                .isEqualTo(204);
        String booking = alice.post("/api/v1/bookings", "{\"course\":\"" + room.course + "\",\"start\":"
                + "\"2027-01-06T09:00:00Z\",\"end\":\"2027-01-06T10:00:00Z\"}").json().get("id").asString();

        Response sessions = alice.get(room.path("/sessions.ics"));
        assertThat(sessions.status()).isEqualTo(200);
        assertThat(sessions.contentType()).startsWith("text/calendar");
        String ics = sessions.body();
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("VERSION:2.0");
        assertThat(ics.split("BEGIN:VEVENT", -1)).as("occurrences 1 and 3").hasSize(3);
        assertThat(ics).contains("DTSTART:20270105T080000Z", "DTEND:20270105T100000Z", "DTSTART:20270119T080000Z",
                "UID:" + session + "-1@labforge").doesNotContain("DTSTART:20270112T080000Z");

        Response mine = alice.get("/api/v1/bookings.ics");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("UID:" + booking + "@labforge", "DTSTART:20270106T090000Z",
                "SUMMARY:Practice: " + room.course);
        assertThat(api().newUser().get("/api/v1/bookings.ics").body()).doesNotContain("VEVENT");
        assertThat(api().newUser().get(room.path("/sessions.ics")).status()).isEqualTo(404);
    }
}
