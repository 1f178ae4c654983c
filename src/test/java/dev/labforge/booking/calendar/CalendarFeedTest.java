package dev.labforge.booking.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/**
 * The secret calendar feed: fetched without any Authorization header, as calendar apps do, it lists the
 * user's practice bookings and their courses' class sessions (read back with ical4j); a new feed, a
 * revoked one or a disabled user stops the old URL at once.
 */
class CalendarFeedTest extends BookingIntegrationTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

    @Test
    void aSecretUrlServesTheUsersBookingsAndSessionsWithoutATokenUntilItIsReplacedRevokedOrTheUserDisabled()
            throws Exception {
        clock.set(Instant.parse("2027-03-10T08:00:00Z"));
        Classroom room = Classroom.create(api(), 64, "\"timeZone\":\"Europe/Zurich\"");
        ApiClient alice = room.enrol("student");
        // weekly at 09:00 Zurich time across the change to summer time (2027-03-28); the second one cancelled
        Response created = room.instructor.post(room.path("/sessions"), "{\"start\":\"2027-03-16T09:00:00+01:00\","
                + "\"end\":\"2027-03-16T11:00:00+01:00\",\"recurrence\":\"FREQ=WEEKLY;COUNT=3\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String session = created.json().get("id").asString();
        assertThat(room.instructor.delete(room.path("/sessions/" + session + "/occurrences/2")).status())
                .isEqualTo(204);
        Response booked = alice.post("/api/v1/bookings", "{\"course\":\"" + room.course + "\",\"start\":"
                + "\"2027-03-11T09:00:00Z\",\"end\":\"2027-03-11T10:00:00Z\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String booking = booked.json().get("id").asString();

        assertThat(alice.get("/api/v1/calendar-feed").status()).as("none yet").isEqualTo(404);
        Response made = alice.post("/api/v1/calendar-feed", null);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String feed = URI.create(made.json().get("url").asString()).getPath();
        assertThat(feed).startsWith("/calendar/lfcal_").endsWith(".ics");
        assertThat(alice.get("/api/v1/calendar-feed").json().has("url")).as("shown once").isFalse();

        Response fetched = anonymous().get(feed);
        assertThat(fetched.status()).as(fetched.body()).isEqualTo(200);
        assertThat(fetched.contentType()).startsWith("text/calendar");
        Map<String, Instant> events = events(fetched.body());
        assertThat(events).containsOnlyKeys(booking + "@labforge", session + "-1@labforge", session + "-3@labforge");
        assertThat(events.get(booking + "@labforge")).isEqualTo(Instant.parse("2027-03-11T09:00:00Z"));
        assertThat(events.get(session + "-1@labforge")).isEqualTo(Instant.parse("2027-03-16T08:00:00Z"));
        assertThat(events.get(session + "-3@labforge")).isEqualTo(Instant.parse("2027-03-30T07:00:00Z"));
        assertThat(List.of(events.get(session + "-1@labforge"), events.get(session + "-3@labforge")))
                .allSatisfy(start -> assertThat(start.atZone(ZURICH).toLocalTime()).isEqualTo(LocalTime.of(9, 0)));

        // a guessed or garbled secret: a problem, nothing else
        Response guessed = anonymous().get("/calendar/lfcal_" + "A".repeat(43) + ".ics");
        assertThat(guessed.status()).isEqualTo(404);
        assertThat(guessed.contentType()).startsWith("application/problem+json");

        // a new feed replaces the old one at once
        String renewed = URI.create(alice.post("/api/v1/calendar-feed", null).json().get("url").asString()).getPath();
        assertThat(renewed).isNotEqualTo(feed);
        assertThat(anonymous().get(feed).status()).isEqualTo(404);
        assertThat(anonymous().get(renewed).status()).isEqualTo(200);

        // a disabled user's feed stops at once, and comes back with the user
        assertThat(api().post("/api/v1/users/" + alice.username() + "/disable", null).status()).isEqualTo(200);
        assertThat(anonymous().get(renewed).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/users/" + alice.username() + "/enable", null).status()).isEqualTo(200);
        assertThat(anonymous().get(renewed).status()).isEqualTo(200);

        // dropped from the course: its sessions leave the feed (and the cancelled booking with them)
        assertThat(room.instructor.delete(room.path("/roster/" + alice.username())).status()).isEqualTo(204);
        assertThat(events(anonymous().get(renewed).body())).isEmpty();

        // revoked: gone
        assertThat(alice.delete("/api/v1/calendar-feed").status()).isEqualTo(204);
        assertThat(anonymous().get(renewed).status()).isEqualTo(404);
        assertThat(alice.delete("/api/v1/calendar-feed").status()).isEqualTo(404);
    }

    /** UID to start, parsed by ical4j. */
    private static Map<String, Instant> events(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        Map<String, Instant> starts = new TreeMap<>();
        for (VEvent event : calendar.<VEvent>getComponents("VEVENT")) {
            Temporal start = event.getDateTimeStart().getDate();
            starts.put(event.getUid().orElseThrow().getValue(), Instant.from(start));
        }
        return starts;
    }
}
