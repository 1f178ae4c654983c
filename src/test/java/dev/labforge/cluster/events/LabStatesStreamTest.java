package dev.labforge.cluster.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.Await;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** ONE stream carries the state of every lab of the caller's, only theirs, and stops at once when access ends. */
class LabStatesStreamTest extends IntegrationTest {

    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"}],"links":[]}""";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** The events one stream received: name and data. */
    record Event(String name, JsonNode data) {
    }

    /** A stream read on its own thread into a list, until closed. */
    static final class StateStream implements AutoCloseable {
        final List<Event> events = new CopyOnWriteArrayList<>();
        final HttpResponse<Stream<String>> response;
        final CompletableFuture<Void> reading;

        StateStream(int port, String token) throws Exception {
            response = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/api/v1/labs/states"))
                            .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            reading = CompletableFuture.runAsync(() -> {
                String[] name = {null};
                response.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        name[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        events.add(new Event(name[0], ApiClient.JSON.readTree(line.substring(5))));
                    }
                });
            });
        }

        boolean saw(String lab, String state) {
            return events.stream().anyMatch(e -> e.name().equals("lab") && e.data().get("id").asString().equals(lab)
                    && e.data().get("state").asString().equals(state)
                    && e.data().get("ready").asInt() == e.data().get("total").asInt());
        }

        List<String> labsInSnapshots() {
            return events.stream().filter(e -> e.name().equals("labs"))
                    .flatMap(e -> e.data().get("items").valueStream()).map(i -> i.get("id").asString()).toList();
        }

        List<String> labsOfEvents() {
            return events.stream().filter(e -> e.name().equals("lab")).map(e -> e.data().get("id").asString())
                    .toList();
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    @BeforeEach
    void images() {
        Catalog.ensure(api());
    }

    @Test
    void oneStreamCarriesTheStatesOfEveryLabOfTheCallersAndNoOther() throws Exception {
        ApiClient owner = api().newUser();
        ApiClient viewer = api().newUser();
        String own = lab(viewer);
        String shared = lab(owner);
        String other = lab(owner);
        share(owner, shared, viewer);

        try (StateStream stream = new StateStream(port, viewer.token())) {
            Await.until("the first snapshot", WAIT, () -> !stream.labsInSnapshots().isEmpty(), stream.events::toString);
            assertThat(stream.labsInSnapshots()).contains(own, shared).doesNotContain(other);

            start(viewer, own);
            start(owner, shared);
            start(owner, other);
            Await.until("both labs RUNNING on the one stream", WAIT,
                    () -> stream.saw(own, "RUNNING") && stream.saw(shared, "RUNNING"), stream.events::toString);
            Await.until("the other lab RUNNING", WAIT, () -> running(owner, other), () -> "");
            // a later change of the caller's own lab: everything before it was looked at by then
            stop(viewer, own);
            Await.until("the own lab STOPPED", WAIT, () -> stream.saw(own, "STOPPED"), stream.events::toString);
            assertThat(stream.labsOfEvents()).doesNotContain(other);
        }
    }

    @Test
    void aRemovedGrantStopsThatLabsEventsAtOnce() throws Exception {
        ApiClient owner = api().newUser();
        ApiClient viewer = api().newUser();
        String own = lab(viewer);
        String shared = lab(owner);
        share(owner, shared, viewer);

        try (StateStream stream = new StateStream(port, viewer.token())) {
            Await.until("the first snapshot", WAIT, () -> stream.labsInSnapshots().contains(shared),
                    stream.events::toString);
            assertThat(owner.put("/api/v1/labs/" + shared + "/access", "{\"grants\":[]}").status()).isEqualTo(200);
            start(owner, shared); // its first state changes come well within the stream's periodic access check
            Await.until("the unshared lab RUNNING", WAIT, () -> running(owner, shared), () -> "");
            start(viewer, own);
            Await.until("the own lab RUNNING", WAIT, () -> stream.saw(own, "RUNNING"), stream.events::toString);
            assertThat(stream.labsOfEvents()).doesNotContain(shared);
        }
    }

    @Test
    void aRevokedTokenEndsTheStream() throws Exception {
        ApiClient user = api().newUser();
        lab(user);
        Response token = user.post("/api/v1/tokens", "{\"name\":\"watcher\"}");
        try (StateStream stream = new StateStream(port, token.json().get("secret").asString())) {
            Await.until("the first snapshot", WAIT, () -> !stream.labsInSnapshots().isEmpty(), stream.events::toString);
            assertThat(user.delete("/api/v1/tokens/" + token.json().get("id").asString()).status()).isEqualTo(204);
            // without the check it runs 30 minutes
            stream.reading.get(LabStatesController.ACCESS_CHECK.multipliedBy(5).toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static String lab(ApiClient client) {
        return client.post("/api/v1/labs", LAB.formatted("states-" + UUID.randomUUID().toString().substring(0, 8)))
                .json().get("id").asString();
    }

    private static void share(ApiClient owner, String lab, ApiClient with) {
        assertThat(owner.put("/api/v1/labs/" + lab + "/access", "{\"grants\":[{\"user\":\"" + with.username()
                + "\",\"level\":\"view\"}]}").status()).isEqualTo(200);
    }

    private static void start(ApiClient client, String lab) {
        assertThat(client.post("/api/v1/labs/" + lab + "/start", null).status()).isEqualTo(202);
    }

    private static void stop(ApiClient client, String lab) {
        assertThat(client.post("/api/v1/labs/" + lab + "/stop", null).status()).isEqualTo(202);
    }

    private static boolean running(ApiClient client, String lab) {
        JsonNode status = client.get("/api/v1/labs/" + lab).json().get("status");
        return status != null && !status.isNull() && status.get("state").asString().equals("RUNNING");
    }
}
