package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.LabForgeApplication;
import dev.labforge.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service with an event stream, a console and a running lab stops within {@link #BOUND}, inside Kubernetes' default
 * grace period of 30 s (the chart's terminationGracePeriodSeconds allows for it and its preStop pause: HelmChartTest):
 * the stream ends as a finished response, not a broken one, the console closes with 1001 (going away), and the
 * reconciler's lease is given up, so another replica takes over at once rather than after the lease's 15 s.
 *
 * <p>The service is this test's own, on a database of its own, and is closed by the test: the shared one stays up.
 */
public class ShutdownTest {

    /** LabForge's stop, at most: streams and consoles 2 s each, passes 5 s, the web server's graceful wait 10 s. */
    public static final Duration BOUND = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(WAIT).build();

    @Test
    void aServiceWithAStreamAConsoleAndARunningLabStopsWithinTheBoundAndEndsThemCleanly() throws Exception {
        TestDatabase.Connection db = TestDatabase.own("labforge_shutdown");
        ConfigurableApplicationContext service = start(db);
        boolean closed = false;
        try {
            int port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
            ApiClient admin = new ApiClient(port, IntegrationTest.ADMIN_TOKEN);
            Catalog.ensure(admin);
            ApiClient user = admin.newUser();
            UUID lab = LifecycleApiTest.runningLab(user, "shutdown-" + UUID.randomUUID().toString().substring(0, 8));
            assertThat(leaseHolders(db)).as("the service holds the reconciler lease").isEqualTo(1);

            Stream stream = Stream.open(port, user, lab);
            Await.until("the stream's backlog", WAIT, Duration.ofMillis(20),
                    () -> stream.lines.stream().anyMatch(line -> line.startsWith("event:")), stream.lines::toString);
            Console console = Console.open(port, user.post("/api/v1/labs/" + lab + "/nodes/r1/console/tickets", "")
                    .json().get("url").asString());
            Await.until("the console's prompt", WAIT, Duration.ofMillis(20), () -> !console.output.isEmpty(),
                    console.output::toString);

            long began = System.nanoTime();
            service.close();
            closed = true;
            Duration took = Duration.ofNanos(System.nanoTime() - began);

            assertThat(took).as("time to stop").isLessThan(BOUND);
            assertThat(stream.ended.get(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the event stream ends as a finished response (null: no error)").isNull();
            assertThat(stream.lines).as("the stream says why it ends").contains(":service stopping");
            assertThat(console.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the console's close code")
                    .isEqualTo(1001);
            assertThat(leaseHolders(db)).as("the lease given up at stop").isZero();
        } finally {
            if (!closed) {
                service.close();
            }
        }
    }

    private static ConfigurableApplicationContext start(TestDatabase.Connection db) {
        Map<String, Supplier<Object>> settings = new HashMap<>();
        IntegrationTest.service((name, value) -> settings.put(name, value), db);
        settings.put("server.port", () -> "0");
        // as arguments: above application.yaml, as the tests' dynamic properties are
        String[] arguments = settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "="
                + setting.getValue().get()).toArray(String[]::new);
        return new SpringApplicationBuilder(LabForgeApplication.class).run(arguments);
    }

    private static int leaseHolders(TestDatabase.Connection db) throws Exception {
        try (var connection = DriverManager.getConnection(db.url(), db.username(), db.password());
             ResultSet rows = connection.createStatement().executeQuery("select count(*) from reconciler_lease")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** A lab's event stream read line by line; {@code ended} completes with null at its end, or with the error. */
    private record Stream(List<String> lines, CompletableFuture<Throwable> ended) {

        static Stream open(int port, ApiClient user, UUID lab) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/labs/" + lab
                            + "/events")).header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + user.token()).GET().build();
            Stream stream = new Stream(new CopyOnWriteArrayList<>(), new CompletableFuture<>());
            Thread.ofVirtual().start(() -> {
                try {
                    HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request,
                            HttpResponse.BodyHandlers.ofLines());
                    response.body().forEach(stream.lines::add);
                    stream.ended.complete(null);
                } catch (Exception e) {
                    stream.ended.complete(e);
                }
            });
            return stream;
        }
    }

    /** A console viewer: what it was sent, and the close code it got. */
    private static final class Console implements WebSocket.Listener {
        final StringBuffer output = new StringBuffer();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();

        static Console open(int port, String url) throws Exception {
            Console console = new Console();
            HTTP.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(URI.create("ws://localhost:" + port + url),
                    console).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return console;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, java.nio.ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            output.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int code, String reason) {
            closed.complete(code);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete(-1);
        }
    }
}
