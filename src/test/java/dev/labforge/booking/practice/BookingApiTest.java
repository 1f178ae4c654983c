package dev.labforge.booking.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Practice bookings with the clock set to Monday 2030-03-25 08:00 in Zurich (07:00 UTC), the week in
 * which Europe/Zurich moves to summer time (Sunday 2030-03-31, 02:00 -> 03:00).
 */
class BookingApiTest extends BookingIntegrationTest {

    private static final Instant NOW = Instant.parse("2030-03-25T07:00:00Z");

    @BeforeEach
    void setClock() {
        clock.set(NOW);
    }

    @Test
    void aStudentBooksSeesItCancelsItAndTheCapacityComesBack() {
        Classroom room = Classroom.create(api(), 4, "\"timeZone\":\"Europe/Zurich\"");
        ApiClient alice = room.enrol("student");
        ApiClient bob = room.enrol("student");

        Response booked = book(alice, room, "2030-03-26T09:00:00+01:00", "2030-03-26T11:00:00+01:00");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode booking = booked.json();
        assertThat(booking.get("start").asString()).isEqualTo("2030-03-26T08:00:00Z");
        assertThat(booking.get("reservedFrom").asString()).isEqualTo("2030-03-26T07:55:00Z");
        assertThat(booking.get("state").asString()).isEqualTo("booked");
        assertThat(booking.get("lab").asString()).isEqualTo(room.labOf(alice));
        assertThat(alice.get("/api/v1/bookings").json().findValuesAsString("id"))
                .containsExactly(booking.get("id").asString());

        // the pool fits one run: bob is told what is short, by how much and when
        Response refused = book(bob, room, "2030-03-26T10:00:00+01:00", "2030-03-26T12:00:00+01:00");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/capacity-exhausted");
        assertThat(refused.json().get("resource").asString()).isEqualTo("vcpus");
        assertThat(refused.json().get("shortBy").asLong()).isEqualTo(4);
        assertThat(refused.json().get("interval").get("start").asString()).isEqualTo("2030-03-26T08:55:00Z");
        assertThat(refused.json().get("interval").get("end").asString()).isEqualTo("2030-03-26T10:00:00Z");
        assertThat(bob.get("/api/v1/bookings").json()).isEmpty();

        // free slots leave out alice's booking and its lead time
        JsonNode free = bob.get(room.path("/free-slots")).json();
        assertThat(free.get("demand").get("vcpus").asLong()).isEqualTo(4);
        assertThat(free.get("free").get(0).get("start").asString()).isEqualTo("2030-03-25T07:15:00Z");
        assertThat(free.get("free").get(0).get("end").asString()).isEqualTo("2030-03-26T07:45:00Z");
        assertThat(free.get("free").get(1).get("start").asString()).isEqualTo("2030-03-26T10:15:00Z"); // 10:00 would reserve from 09:55

        assertThat(alice.delete("/api/v1/bookings/" + booking.get("id").asString()).status()).isEqualTo(204);
        assertThat(alice.get("/api/v1/bookings/" + booking.get("id").asString()).json().get("state").asString())
                .isEqualTo("cancelled");
        assertThat(book(bob, room, "2030-03-26T10:00:00+01:00", "2030-03-26T12:00:00+01:00").status())
                .isEqualTo(201);
        assertThat(bob.get(room.path("/free-slots")).json().get("free")).hasSize(2);
    }

    @Test
    void badSlotsAreRefusedWithAPointerToEachProblemAndNothingIsBooked() {
        Classroom room = Classroom.create(api(), 64, "\"maxSlotMinutes\":120,\"bookingWindowDays\":7");
        ApiClient alice = room.enrol("student");
        assertPointers(book(alice, room, "2030-03-26T11:00:00Z", "2030-03-26T10:00:00Z"), "/end");
        assertPointers(book(alice, room, "2030-03-26T10:10:00Z", "2030-03-26T11:00:00Z"), "/start");
        assertPointers(book(alice, room, "2030-03-25T06:00:00Z", "2030-03-25T07:00:00Z"), "/start");
        assertPointers(book(alice, room, "2030-03-26T10:00:00Z", "2030-03-26T10:15:00Z"), "/end");
        assertPointers(book(alice, room, "2030-03-26T10:00:00Z", "2030-03-26T13:00:00Z"), "/end");
        assertPointers(book(alice, room, "2030-04-02T10:00:00Z", "2030-04-02T11:00:00Z"), "/end");
        Response local = book(alice, room, "2030-03-26T10:00:00", "2030-03-26T11:00:00Z");
        assertPointers(local, "/start");
        assertThat(local.body()).contains("has no offset");
        assertPointers(alice.post("/api/v1/bookings", "{\"course\":\"no-such-course\",\"start\":"
                + "\"2030-03-26T10:00:00Z\",\"end\":\"2030-03-26T11:00:00Z\"}"), "/course");
        assertPointers(room.instructor.post("/api/v1/bookings", "{\"course\":\"" + room.course + "\",\"start\":"
                + "\"2030-03-26T10:00:00Z\",\"end\":\"2030-03-26T11:00:00Z\"}"), "/course");
        assertThat(alice.get("/api/v1/bookings").json()).isEmpty();

        assertThat(book(alice, room, "2030-03-26T10:00:00Z", "2030-03-26T11:00:00Z").status()).isEqualTo(201);
        Response overlap = book(alice, room, "2030-03-26T10:30:00Z", "2030-03-26T11:30:00Z");
        assertThat(overlap.status()).isEqualTo(409);
        assertThat(overlap.json().get("detail").asString()).contains("overlaps");
    }

    @Test
    void theWeeklyAllowanceCountsWeeksInTheCoursesTimeZoneAcrossTheChangeToSummerTime() {
        Classroom room = Classroom.create(api(), 64, "\"weeklyAllowanceMinutes\":120,"
                + "\"timeZone\":\"Europe/Zurich\"");
        ApiClient alice = room.enrol("student");
        assertThat(book(alice, room, "2030-03-26T09:00:00+01:00", "2030-03-26T10:00:00+01:00").status())
                .isEqualTo(201);
        assertThat(book(alice, room, "2030-03-27T09:00:00+01:00", "2030-03-27T09:30:00+01:00").status())
                .isEqualTo(201);
        Response over = book(alice, room, "2030-03-28T09:00:00+01:00", "2030-03-28T10:00:00+01:00");
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().get("errors").get(0).get("rule").asString()).isEqualTo("weekly-allowance");
        assertThat(over.json().get("errors").get(0).get("detail").asString()).contains("90 of 120");

        // Sunday 23:30 to Monday 00:30 summer time: 30 minutes in this week, 30 in the next. A week
        // counted in UTC (Monday 00:00 UTC is 02:00 in Zurich) would put all 60 here and refuse it.
        Response acrossMidnight = book(alice, room, "2030-03-31T23:30:00+02:00", "2030-04-01T00:30:00+02:00");
        assertThat(acrossMidnight.status()).as(acrossMidnight.body()).isEqualTo(201);
        assertThat(book(alice, room, "2030-04-01T09:00:00+02:00", "2030-04-01T10:30:00+02:00").status())
                .isEqualTo(201);
        assertThat(book(alice, room, "2030-04-02T09:00:00+02:00", "2030-04-02T09:30:00+02:00").status())
                .isEqualTo(422);
    }

    @Test
    void anExtensionNeedsRoomAllowanceAndAnUnendedBookingAndTheClockDecidesWhatIsRunning() {
        Classroom room = Classroom.create(api(), 4, "");
        ApiClient alice = room.enrol("student");
        ApiClient bob = room.enrol("student");
        String id = book(alice, room, "2030-03-26T09:00:00Z", "2030-03-26T10:00:00Z").json().get("id").asString();
        assertThat(book(bob, room, "2030-03-26T11:00:00Z", "2030-03-26T12:00:00Z").status()).isEqualTo(201);

        // only in its last 15 minutes (NETLAB+'s rule): earlier is refused, and changes nothing
        clock.set(Instant.parse("2030-03-26T09:44:00Z"));
        Response early = alice.post("/api/v1/bookings/" + id + "/extend", "{\"minutes\":30}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asString()).contains("last 15 minutes");
        clock.set(Instant.parse("2030-03-26T09:45:00Z"));
        Response extended = alice.post("/api/v1/bookings/" + id + "/extend", "{\"minutes\":30}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("end").asString()).isEqualTo("2030-03-26T10:30:00Z");
        // bob's lead time starts at 10:55: up to 10:45 fits, 11:00 does not
        clock.set(Instant.parse("2030-03-26T10:15:00Z"));
        Response full = alice.post("/api/v1/bookings/" + id + "/extend", "{\"minutes\":30}");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/capacity-exhausted");
        assertThat(alice.post("/api/v1/bookings/" + id + "/extend", "{\"minutes\":20}").status()).isEqualTo(422);
        assertThat(bob.post("/api/v1/bookings/" + id + "/extend", "{\"minutes\":15}").status()).isEqualTo(404);

        assertThat(alice.get("/api/v1/bookings/" + id).json().get("state").asString()).isEqualTo("active");
        assertThat(alice.delete("/api/v1/bookings/" + id).status()).isEqualTo(204); // ends it now
        JsonNode ended = alice.get("/api/v1/bookings/" + id).json();
        assertThat(ended.get("state").asString()).isEqualTo("ended");
        assertThat(ended.get("end").asString()).isEqualTo("2030-03-26T10:15:00Z");
        assertThat(alice.post("/api/v1/bookings/" + id + "/extend", "{\"minutes\":15}").status()).isEqualTo(409);
    }

    @Test
    void thirtyStudentsBookingTheSameSlotAtOnceInAPoolForTenGetTenBookingsAndTwentyRefusals() throws Exception {
        Classroom room = Classroom.create(api(), 40, "");
        List<ApiClient> students = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            students.add(room.enrol("student"));
        }
        CyclicBarrier barrier = new CyclicBarrier(students.size());
        ExecutorService threads = Executors.newFixedThreadPool(students.size());
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (ApiClient student : students) {
                answers.add(threads.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return book(student, room, "2030-03-27T13:00:00Z", "2030-03-27T15:00:00Z");
                }));
            }
            int booked = 0;
            int refused = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get(120, TimeUnit.SECONDS);
                if (response.status() == 201) {
                    booked++;
                } else {
                    assertThat(response.status()).as(response.body()).isEqualTo(409);
                    assertThat(response.json().get("resource").asString()).isEqualTo("vcpus");
                    refused++;
                }
            }
            assertThat(booked).isEqualTo(10);
            assertThat(refused).isEqualTo(20);
        } finally {
            threads.shutdownNow();
        }
        JsonNode load = api().get("/api/v1/capacity/pools/" + room.pool + "/load?from=2030-03-27T12:00:00Z"
                + "&to=2030-03-27T16:00:00Z").json();
        assertThat(load.get("segments").findValues("vcpus")).allSatisfy(v -> assertThat(v.asLong()).isLessThanOrEqualTo(40));
    }

    @Test
    void oneStudentsBookingsRacingEachOtherNeverPassTheirWeeklyAllowance() throws Exception {
        Classroom room = Classroom.create(api(), 64, "\"weeklyAllowanceMinutes\":120");
        ApiClient alice = room.enrol("student");
        int tries = 6;
        CyclicBarrier barrier = new CyclicBarrier(tries);
        ExecutorService threads = Executors.newFixedThreadPool(tries);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < tries; i++) {
                String hour = "%02d".formatted(9 + i);
                answers.add(threads.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return book(alice, room, "2030-03-27T" + hour + ":00:00Z", "2030-03-27T" + hour + ":45:00Z");
                }));
            }
            int booked = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get(120, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isIn(201, 422);
                booked += response.status() == 201 ? 1 : 0;
            }
            assertThat(booked).isEqualTo(2); // 45 minutes each: two fit in 120, a third does not
        } finally {
            threads.shutdownNow();
        }
    }

    private static Response book(ApiClient student, Classroom room, String start, String end) {
        return student.post("/api/v1/bookings", "{\"course\":\"" + room.course + "\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"}");
    }

    private static void assertPointers(Response response, String... pointers) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsString("pointer")).as(response.body())
                .containsExactlyInAnyOrder(pointers);
    }
}
