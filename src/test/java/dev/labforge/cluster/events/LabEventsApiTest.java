package dev.labforge.cluster.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient.Response;
import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.LifecycleApiTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The event log over HTTP: paged with {@code next} links like the audit log, and a stream that opens at once. */
class LabEventsApiTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private ApiClient user;
    private String lab;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
        Response created = user.post("/api/v1/labs", LifecycleApiTest.lab("events-" + UUID.randomUUID()
                .toString().substring(0, 8), "", ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        lab = created.json().get("id").asString();
    }

    /** Appends {@code count} events to the test's own lab, as the log's writers would (one statement). */
    private void appendEvents(int count) {
        jdbc.sql("insert into lab_events (lab_id, at, kind, node, message)"
                        + " select ?, now(), 'Requested', null, 'event ' || n from generate_series(1, ?) n")
                .params(UUID.fromString(lab), count).update();
    }

    @Test
    void aLogLongerThanAPageLinksTheNextPageUntilTheEnd() {
        appendEvents(EventsController.PAGE + 100);

        JsonNode first = user.get("/api/v1/labs/" + lab + "/events").json();
        assertThat(first.get("items")).hasSize(EventsController.PAGE);
        String next = first.get("next").asString();
        long lastOfFirst = first.get("items").get(EventsController.PAGE - 1).get("id").asLong();
        assertThat(next).isEqualTo("/api/v1/labs/" + lab + "/events?after=" + lastOfFirst);

        JsonNode second = user.get(next).json();
        assertThat(second.get("items")).hasSize(100);
        assertThat(second.get("items").get(0).get("id").asLong()).isGreaterThan(lastOfFirst);
        assertThat(second.get("items").get(99).get("message").asString()).isEqualTo("event 600");
        assertThat(second.has("next")).as("the last page has no next link").isFalse();
    }

    @Test
    void smallPagesFollowedByNextGiveTheWholeLogOnceInOrder() {
        appendEvents(7);
        List<String> messages = new ArrayList<>();
        String page = "/api/v1/labs/" + lab + "/events?limit=3";
        int pages = 0;
        while (page != null) {
            JsonNode body = user.get(page).json();
            body.get("items").forEach(e -> messages.add(e.get("message").asString()));
            page = body.has("next") ? body.get("next").asString() : null;
            assertThat(page == null || page.contains("limit=3")).as("the next link keeps the query: " + page).isTrue();
            pages++;
        }
        assertThat(messages).containsExactly("event 1", "event 2", "event 3", "event 4", "event 5", "event 6",
                "event 7");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aPageSizeOutOfBoundsIsAProblemNamingTheParameter() {
        for (String limit : List.of("0", "1001")) {
            Response refused = user.get("/api/v1/labs/" + lab + "/events?limit=" + limit);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("parameter").asString()).isEqualTo("limit");
        }
    }

    @Test
    void theStreamOfAQuietLabAnswersAtOnce() throws Exception {
        // a lab never started has no events: before the fix its stream said nothing until the 5 s heartbeat
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/labs/" + lab + "/events"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Accept", "text/event-stream")
                // the time allowed until the status line and headers arrive, so the test never hangs either
                .timeout(Duration.ofMillis(2_000)).build();

        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        try (InputStream body = response.body()) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            assertThat(tookMillis).as("headers after %d ms", tookMillis).isLessThan(2_000);
        }
    }
}
