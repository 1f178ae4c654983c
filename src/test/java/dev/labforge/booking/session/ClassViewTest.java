package dev.labforge.booking.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.BookingReconciler;
import dev.labforge.booking.Classroom;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The instructor's class view: every student's lab state, failed nodes with reasons and booking time
 * left, once as JSON and as one stream for the whole course that sends only what changed and ends when
 * the caller's access does.
 */
class ClassViewTest extends BookingIntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Instant NOW = Instant.parse("2029-11-05T07:00:00Z");
    private static final String BROKEN = """
            {"name":"%s","description":"an image that never pulls","containerDisk":"quay.io/labforge/never-pull-%s:1",
             "clabKind":"linux","defaultCpu":1,"defaultMemoryMib":1024,
             "interfaces":{"pattern":"eth{n}","firstPort":1,"maxPorts":16},
             "nicModel":"virtio","configDelivery":"NOCLOUD","readiness":{"probe":"TCP","port":22}}""";

    @Autowired
    private BookingReconciler reconciler;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        awaitReconcilerLease();
    }

    @Test
    void theClassViewShowsEachStudentsLabFailedNodesWithReasonsAndTheTimeLeft() {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"stop\"");
        ApiClient alice = room.enrol("student");
        ApiClient bob = room.enrol("student");
        ApiClient assistant = room.enrol("assistant");
        String broken = "frr-broken-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/images", BROKEN.formatted(broken, broken)).status()).isEqualTo(201);
        String bobsLab = room.labOf(bob);
        Response mine = bob.get("/api/v1/labs/" + bobsLab);
        assertThat(bob.put("/api/v1/labs/" + bobsLab, """
                {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":2,"memoryMib":1024},
                                      {"name":"r2","image":"%s","cpu":2,"memoryMib":1024}],"links":[]}"""
                .formatted(mine.json().get("name").asString(), broken), "If-Match", mine.header("ETag")).status())
                .isEqualTo(200);
        book(alice, room, "2029-11-05T09:00:00Z", "2029-11-05T10:00:00Z");
        book(bob, room, "2029-11-05T09:00:00Z", "2029-11-05T10:00:00Z");

        JsonNode before = room.instructor.get(room.path("/class")).json();
        // never started: the lab API's state, and the nodes the lab has (not the 0 it runs)
        assertThat(before.get("states").get("DEFINED").asInt()).isEqualTo(2);
        assertThat(row(before, alice).get("state").asString()).isEqualTo("DEFINED");
        assertThat(row(before, alice).get("total").asInt()).isEqualTo(2);
        assertThat(row(before, bob).get("total").asInt()).isEqualTo(2);
        assertThat(row(before, alice).get("booking").get("state").asString()).isEqualTo("booked");
        assertThat(row(before, alice).get("booking").has("secondsLeft")).isFalse();

        clock.set(Instant.parse("2029-11-05T09:15:00Z"));
        reconciler.pass();
        await("alice running, bob's r2 failed", () -> {
            JsonNode view = assistant.get(room.path("/class")).json();
            return row(view, alice).get("state").asString().equals("RUNNING")
                    && row(view, bob).get("failed").size() == 1;
        });
        JsonNode view = room.instructor.get(room.path("/class")).json();
        JsonNode a = row(view, alice);
        assertThat(a.get("ready").asInt()).isEqualTo(2);
        assertThat(a.get("total").asInt()).isEqualTo(2);
        assertThat(a.get("booking").get("secondsLeft").asLong()).isEqualTo(45 * 60);
        JsonNode failed = row(view, bob).get("failed").get(0);
        assertThat(failed.get("name").asString()).isEqualTo("r2");
        assertThat(failed.get("reason").asString()).isIn("ErrImagePull", "ImagePullBackOff");
        assertThat(view.get("students")).hasSize(2);

        // destroyed: nothing deployed any more, still the lab's size
        assertThat(alice.post("/api/v1/labs/" + room.labOf(alice) + "/destroy", "").status()).isEqualTo(202);
        await("alice's lab torn down", () -> row(room.instructor.get(room.path("/class")).json(), alice)
                .get("state").asString().equals("DEFINED"));
        assertThat(row(room.instructor.get(room.path("/class")).json(), alice).get("total").asInt()).isEqualTo(2);

        // students and strangers see no class view
        assertThat(alice.get(room.path("/class")).status()).isEqualTo(403);
        assertThat(api().newUser().get(room.path("/class")).status()).isEqualTo(404);
        assertThat(alice.open(room.path("/class/events"), "Accept", "text/event-stream").status()).isEqualTo(403);
    }

    @Test
    void oneStreamCarriesTheWholeClassThenEachStudentsChangeAndEndsWhenTheCallerIsNoLongerStaff() throws Exception {
        Classroom room = Classroom.create(api(), 64, "\"endAction\":\"stop\"");
        ApiClient alice = room.enrol("student");
        room.enrol("student");
        ApiClient assistant = room.enrol("assistant");
        String secret = assistant.post("/api/v1/tokens", "{\"name\":\"class\"}").json().get("secret").asString();

        HttpResponse<Stream<String>> stream = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:"
                                + port + room.path("/class/events"))).header("Authorization", "Bearer " + secret)
                        .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofLines()).get(20, TimeUnit.SECONDS);
        try {
            assertThat(stream.statusCode()).isEqualTo(200);
            Iterator<String> lines = stream.body().iterator();
            JsonNode first = next(lines, "class");
            assertThat(first.get("students")).hasSize(2);

            // alice's lab starts: her row alone comes, as it changes
            assertThat(alice.post("/api/v1/labs/" + room.labOf(alice) + "/start", "").status()).isEqualTo(202);
            JsonNode change = next(lines, "student");
            assertThat(change.get("username").asString()).isEqualTo(alice.username());

            // no longer staff: the stream ends within a few access checks
            assertThat(room.instructor.delete(room.path("/roster/" + assistant.username())).status()).isEqualTo(204);
            CompletableFuture<Long> rest = CompletableFuture.supplyAsync(() -> {
                long n = 0;
                while (lines.hasNext()) {
                    lines.next();
                    n++;
                }
                return n;
            });
            rest.get(ClassController.ACCESS_CHECK.multipliedBy(5).toSeconds(), TimeUnit.SECONDS);
        } finally {
            stream.body().close();
        }
    }

    /** The data of the next event named {@code name}, skipping others; bounded by the stream's own pace. */
    private static JsonNode next(Iterator<String> lines, String name) throws Exception {
        CompletableFuture<JsonNode> found = CompletableFuture.supplyAsync(() -> {
            String event = null;
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && name.equals(event)) {
                    return ApiClient.JSON.readTree(line.substring(5).strip());
                }
            }
            throw new AssertionError("the stream ended before a '" + name + "' event");
        });
        return found.get(30, TimeUnit.SECONDS);
    }

    private static JsonNode row(JsonNode view, ApiClient student) {
        for (JsonNode row : view.get("students")) {
            if (row.get("username").asString().equals(student.username())) {
                return row;
            }
        }
        throw new AssertionError(student.username() + " is not in " + view);
    }

    private static void book(ApiClient student, Classroom room, String start, String end) {
        Response booked = student.post("/api/v1/bookings", "{\"course\":\"" + room.course + "\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    }
}
