package dev.labforge.booking.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.BookingReconciler;
import dev.labforge.booking.Classroom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Lead times learned per image from the boots the booking reconciler saw (the configured default until
 * there is one), and a large class's starts spread at the configured rate, on the moved clock. Each test
 * has an image of its own ({@link dev.labforge.booking.Classroom#create}), so samples of other tests' labs do not reach it.
 */
class LeadTimeTest extends BookingIntegrationTest {

    private static final Instant NOW = Instant.parse("2029-10-01T07:00:00Z");

    @Autowired
    private BookingReconciler reconciler;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        awaitReconcilerLease();
    }

    @Test
    void theLeadTimeIsTheDefaultUntilTheImageHasBootedThenWhatItTookWithAMargin() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"stop\"");
        ApiClient alice = room.enrol("student");
        ApiClient bob = room.enrol("student");
        JsonNode first = book(alice, room, "2029-10-01T09:00:00Z", "2029-10-01T10:00:00Z");
        assertThat(first.get("reservedFrom").asString()).as("the configured 5 minutes").isEqualTo("2029-10-01T08:55:00Z");

        clock.set(Instant.parse("2029-10-01T08:55:00Z"));
        reconciler.pass();
        String lab = room.labOf(alice);
        await("alice's lab ready", () -> {
            JsonNode status = alice.get("/api/v1/labs/" + lab).json().get("status");
            return status != null && !status.isNull() && status.get("state").asString().equals("RUNNING");
        });
        // the pass that sees it ready is 12 minutes after the start, on this clock: a 12-minute boot
        clock.set(Instant.parse("2029-10-01T09:07:00Z"));
        reconciler.pass();

        JsonNode second = book(bob, room, "2029-10-01T11:00:00Z", "2029-10-01T12:00:00Z");
        assertThat(second.get("reservedFrom").asString()).as("12 minutes and a quarter more")
                .isEqualTo("2029-10-01T10:45:00Z");
    }

    @Test
    void aClassIsStartedAtTheConfiguredRateAndItsLeadTimeMakesRoomForThat() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"stop\"");
        List<ApiClient> students = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            students.add(room.enrol("student"));
        }
        Response session = room.instructor.post(room.path("/sessions"), "{\"start\":\"2029-10-01T09:00:00Z\","
                + "\"end\":\"2029-10-01T10:00:00Z\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        // 5 minutes to boot, and 3 gaps of 2 s at 30 starts a minute round up to one more
        assertThat(session.json().get("occurrences").get(0).get("reservedFrom").asString())
                .isEqualTo("2029-10-01T08:54:00Z");

        clock.set(Instant.parse("2029-10-01T08:54:03Z"));
        // seats all four, starts those whose turn has come: the first two. The service's own loop may be in a pass
        // of an earlier instant, holding a booking the test's pass then skips: pass until it is done, not just once
        await("the first two labs started", () -> reconciler.pass() >= 0 && started(students, room) == 2);
        assertThat(started(students, room)).isEqualTo(2);
        List<String> from = new ArrayList<>();
        students.forEach(s -> from.add(s.get("/api/v1/bookings").json().get(0).get("reservedFrom").asString()));
        assertThat(from).containsExactlyInAnyOrder("2029-10-01T08:54:00Z", "2029-10-01T08:54:02Z", "2029-10-01T08:54:04Z",
                "2029-10-01T08:54:06Z");
        clock.set(Instant.parse("2029-10-01T08:54:06Z"));
        await("all four labs started", () -> reconciler.pass() >= 0 && started(students, room) == 4);
    }

    private static int started(List<ApiClient> students, Classroom room) {
        int n = 0;
        for (ApiClient s : students) {
            JsonNode status = s.get("/api/v1/labs/" + room.labOf(s)).json().get("status");
            n += status != null && !status.isNull() ? 1 : 0;
        }
        return n;
    }



    private static JsonNode book(ApiClient student, Classroom room, String start, String end) {
        Response booked = student.post("/api/v1/bookings", "{\"course\":\"" + room.course + "\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json();
    }
}
