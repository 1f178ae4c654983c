package dev.labforge.booking.course;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every course and booking endpoint against every kind of caller: what each role may do, what a
 * member with too low a role gets (403), and what a stranger gets (404, as for a course that does not
 * exist). Requests that would change something are shaped so that an allowed caller changes nothing
 * (an empty roster addition, an extension by 20 minutes, which is refused after authorisation).
 */
class CourseAuthorizationTest extends BookingIntegrationTest {

    /** An allowed caller's answer not checked: the request would change what others' requests see. */
    private static final int SKIP = -1;

    private record Endpoint(String name, String needs, int allowed, java.util.function.Function<ApiClient, Response> call) {
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheirRoleSays() {
        clock.set(Instant.parse("2030-03-25T07:00:00Z"));
        Classroom room = Classroom.create(api(), 64, "");
        ApiClient student = room.enrol("student");
        ApiClient otherStudent = room.enrol("student");
        ApiClient assistant = room.enrol("assistant");
        String booking = student.post("/api/v1/bookings", "{\"course\":\"" + room.course
                + "\",\"start\":\"2030-03-26T10:00:00Z\",\"end\":\"2030-03-26T11:00:00Z\"}").json().get("id").asString();

        String session = room.instructor.post(room.path("/sessions"), "{\"start\":\"2030-03-28T10:00:00Z\","
                + "\"end\":\"2030-03-28T11:00:00Z\"}").json().get("id").asString();
        String studentLab = room.labOf(student);

        Map<String, ApiClient> callers = new LinkedHashMap<>();
        callers.put("instructor", room.instructor);
        callers.put("assistant", assistant);
        callers.put("student", student);
        callers.put("other student", otherStudent);
        callers.put("stranger", api().newUser());
        callers.put("administrator", api());
        callers.put("anonymous", anonymous());

        List<Endpoint> endpoints = List.of(
                new Endpoint("GET course", "student", 200, c -> c.get(room.path(""))),
                new Endpoint("GET free slots", "student", 200, c -> c.get(room.path("/free-slots"))),
                // an empty merge patch: an allowed caller changes nothing
                new Endpoint("PATCH course", "instructor", 200,
                        c -> c.send("PATCH", room.path(""), "{}", "application/merge-patch+json")),
                new Endpoint("GET roster", "assistant", 200, c -> c.get(room.path("/roster"))),
                new Endpoint("POST roster", "instructor", 200, c -> c.post(room.path("/roster"), "{\"members\":[]}")),
                new Endpoint("POST roster CSV", "instructor", 200,
                        c -> c.send("POST", room.path("/roster"), "\n", "text/csv")),
                new Endpoint("DELETE roster member", "instructor", 404,
                        c -> c.delete(room.path("/roster/no-such-user"))),
                new Endpoint("GET booking", "booker or assistant", 200, c -> c.get("/api/v1/bookings/" + booking)),
                new Endpoint("extend booking", "booker or instructor", 422,
                        c -> c.post("/api/v1/bookings/" + booking + "/extend", "{\"minutes\":20}")),
                // refused callers only: an allowed one would cancel it
                new Endpoint("cancel booking", "booker or instructor", SKIP,
                        c -> c.delete("/api/v1/bookings/" + booking)),
                new Endpoint("GET sessions", "student", 200, c -> c.get(room.path("/sessions"))),
                new Endpoint("GET session", "student", 200, c -> c.get(room.path("/sessions/" + session))),
                new Endpoint("POST session", "instructor", 422, c -> c.post(room.path("/sessions"),
                        "{\"start\":\"2030-03-27T10:00:00Z\",\"end\":\"2030-03-27T09:00:00Z\"}")),
                new Endpoint("cancel occurrence", "instructor", 404,
                        c -> c.delete(room.path("/sessions/" + session + "/occurrences/99"))),
                new Endpoint("cancel session", "instructor", SKIP, c -> c.delete(room.path("/sessions/" + session))),
                new Endpoint("GET class view", "assistant", 200, c -> c.get(room.path("/class"))),
                new Endpoint("class view stream", "assistant", 200,
                        c -> c.open(room.path("/class/events"), "Accept", "text/event-stream")),
                new Endpoint("reset a student's lab", "lab's student or instructor", 202,
                        c -> c.post(room.path("/labs/" + studentLab + "/reset"), "")),
                new Endpoint("GET idp group", "assistant", 200, c -> c.get(room.path("/idp-group"))),
                new Endpoint("PUT idp group", "administrator", 200,
                        c -> c.put(room.path("/idp-group"), "{\"idpGroup\":\"/nobody/signs/in/with/this\"}")),
                new Endpoint("DELETE idp group", "administrator", 204, c -> c.delete(room.path("/idp-group"))),
                // the template is unchanged: an allowed caller updates nothing
                new Endpoint("apply template", "instructor", 200, c -> c.post(room.path("/template/apply"), "{}")));

        List<String> mismatches = new ArrayList<>();
        for (var caller : callers.entrySet()) {
            for (Endpoint endpoint : endpoints) {
                int expected = expected(caller.getKey(), endpoint);
                if (expected == SKIP) {
                    continue;
                }
                Response response = endpoint.call().apply(caller.getValue());
                if (response.status() != expected) {
                    mismatches.add(caller.getKey() + " / " + endpoint.name() + ": expected " + expected + ", got "
                            + response.status() + " " + response.body());
                }
            }
        }
        assertThat(mismatches).isEmpty();
        // the join code is for instructors' eyes only
        assertThat(room.instructor.post(room.path("/join-code"), null).status()).isEqualTo(200);
        assertThat(room.instructor.get(room.path("")).json().has("joinCode")).isTrue();
        assertThat(student.get(room.path("")).json().has("joinCode")).isFalse();
        assertThat(assistant.post(room.path("/join-code"), null).status()).isEqualTo(403);
    }

    private static int expected(String caller, Endpoint endpoint) {
        return switch (caller) {
            case "anonymous" -> 401;
            case "stranger" -> 404;
            // linking a course to an identity-provider group is for administrators, as for teams
            case "instructor", "administrator" -> caller.equals("instructor")
                    && endpoint.needs().equals("administrator") ? 403 : endpoint.allowed();
            default -> switch (endpoint.needs()) {
                case "student" -> endpoint.allowed();
                case "assistant" -> caller.equals("assistant") ? endpoint.allowed() : 403;
                case "instructor", "administrator" -> caller.equals("assistant") || caller.endsWith("student") ? 403 : 0;
                case "booker or assistant" -> caller.equals("student") || caller.equals("assistant")
                        ? endpoint.allowed() : 404;
                case "booker or instructor" -> caller.equals("student") ? endpoint.allowed()
                        : caller.equals("assistant") ? 403 : 404;
                // the lab's own permissions: its student has edit, an assistant operate, other students nothing
                case "lab's student or instructor" -> caller.equals("student") ? endpoint.allowed()
                        : caller.equals("assistant") ? 403 : 404;
                default -> throw new IllegalArgumentException(endpoint.needs());
            };
        };
    }
}
