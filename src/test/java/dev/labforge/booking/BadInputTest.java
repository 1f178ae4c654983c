package dev.labforge.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input the other tests do not cover: each is a problem document with pointers (409 for times
 * taken, 422 for the rest), and nothing changes: no booking, no session, no reservation, nobody enrolled.
 */
class BadInputTest extends BookingIntegrationTest {

    @BeforeEach
    void setClock() {
        clock.set(Instant.parse("2031-05-05T07:00:00Z"));
    }

    @Test
    void timesTakenByAnotherBookingOrAClassAreA409PointingAtTheTimesAndChangeNothing() {
        Classroom room = Classroom.create(api(), 64, "\"weeklyAllowanceMinutes\":120");
        ApiClient alice = room.enrol("student");
        assertThat(book(alice, room, "2031-05-06T10:00:00Z", "2031-05-06T11:00:00Z").status()).isEqualTo(201);
        Response session = room.instructor.post(room.path("/sessions"),
                "{\"start\":\"2031-05-07T09:00:00Z\",\"end\":\"2031-05-07T10:00:00Z\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);
        String load = load(room);

        assertTimesTaken(book(alice, room, "2031-05-06T10:30:00Z", "2031-05-06T11:30:00Z"), "overlaps");
        assertTimesTaken(book(alice, room, "2031-05-07T09:30:00Z", "2031-05-07T10:30:00Z"), "class session");
        assertTimesTaken(room.instructor.post(room.path("/sessions"),
                "{\"start\":\"2031-05-07T09:45:00Z\",\"end\":\"2031-05-07T11:00:00Z\"}"), "overlaps another class");
        // over the weekly allowance (60 booked of 120): 422 on /end
        Response over = book(alice, room, "2031-05-08T10:00:00Z", "2031-05-08T11:30:00Z");
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.json().get("errors").get(0).get("rule").asString()).isEqualTo("weekly-allowance");
        assertThat(over.json().get("errors").get(0).has("pointer")).isTrue();

        assertThat(alice.get("/api/v1/bookings").json()).hasSize(1);
        assertThat(room.instructor.get(room.path("/sessions")).json()).hasSize(1);
        assertThat(load(room)).as("no reservation made or left behind").isEqualTo(load);
    }

    @Test
    void anUnknownTimeZoneAndUnknownStudentsArePointedAtAndNothingIsStored() {
        Classroom room = Classroom.create(api(), 64, "");
        String name = "tz-" + UUID.randomUUID().toString().substring(0, 8);
        Response zone = room.instructor.post("/api/v1/courses", "{\"name\":\"" + name + "\",\"templateLab\":\""
                + room.templateLab + "\",\"pool\":\"" + room.pool + "\",\"timeZone\":\"Mars/Olympus_Mons\"}");
        assertThat(zone.status()).isEqualTo(422);
        assertThat(zone.json().get("errors").findValuesAsString("pointer")).containsExactly("/timeZone");
        assertThat(zone.json().get("errors").get(0).get("detail").asString()).contains("not a time zone");
        assertThat(room.instructor.get("/api/v1/courses/" + name).status()).isEqualTo(404);

        ApiClient known = api().newUser();
        Response unknown = room.instructor.post(room.path("/roster"), "{\"members\":[{\"username\":\""
                + known.username() + "\"},{\"username\":\"nobody-" + name + "\"},{\"username\":\""
                + known.username() + "\",\"role\":\"dean\"}]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").findValuesAsString("pointer"))
                .contains("/members/1/username", "/members/2/role");
        assertThat(known.get(room.path("")).status()).as("all or nobody").isEqualTo(404);
        assertThat(room.instructor.get(room.path("/roster")).json().get("members")).hasSize(1);
        Response notMember = room.instructor.delete(room.path("/roster/nobody-" + name));
        assertThat(notMember.status()).isEqualTo(404);
        assertThat(notMember.contentType()).startsWith("application/problem+json");
    }

    private static void assertTimesTaken(Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detail);
        assertThat(response.json().get("errors").findValuesAsString("pointer")).containsExactly("/start", "/end");
    }

    private static Response book(ApiClient student, Classroom room, String start, String end) {
        return student.post("/api/v1/bookings", "{\"course\":\"" + room.course + "\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"}");
    }

    private static String load(Classroom room) {
        return room.admin.get("/api/v1/capacity/pools/" + room.pool + "/load?from=2031-05-05T00:00:00Z"
                + "&to=2031-05-10T00:00:00Z").body();
    }
}
