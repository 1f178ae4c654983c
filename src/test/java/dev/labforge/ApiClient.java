package dev.labforge;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: real requests to the running service, answers parsed as JSON. */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger USERS = new AtomicInteger();
    /** A request whose answer has not begun by then fails the test instead of hanging the build. */
    private static final Duration ANSWER_WAIT = Duration.ofMinutes(1);

    public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The JSON pointers of a problem's {@code errors}, in order. */
        public java.util.List<String> pointers() {
            return json().get("errors").valueStream().map(e -> e.get("pointer").asString()).toList();
        }
    }

    private final int port;
    private final String token;
    private final String username;

    public ApiClient(int port, String token) {
        this(port, token, null);
    }

    private ApiClient(int port, String token, String username) {
        this.port = port;
        this.token = token;
        this.username = username;
    }

    public ApiClient as(String otherToken) {
        return new ApiClient(port, otherToken);
    }

    /** The API token this client sends; null for an anonymous client. */
    public String token() {
        return token;
    }

    /** The user this client acts as, when {@link #newUser()} made it. */

    public String username() {
        return username;
    }

    /** Creates a fresh non-admin user (as admin) and returns a client acting as that user. */
    public ApiClient newUser() {
        String name = "user-" + USERS.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = post("/api/v1/users", "{\"username\":\"" + name + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("could not create user: " + created);
        }
        return new ApiClient(port, created.json().get("token").get("secret").asString(), name);
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    public Response post(String path, String json, String... headers) {
        return send("POST", path, json, "application/json", headers);
    }

    public Response put(String path, String json, String... headers) {
        return send("PUT", path, json, "application/json", headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /**
     * A GET whose answer may never end (an event stream): returns once the headers arrive, with the
     * status and headers only, and closes the connection.
     */
    public Response open(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .timeout(ANSWER_WAIT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<java.io.InputStream> response = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return new Response(response.statusCode(), response.headers().map(), "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, String body, String contentType, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).timeout(ANSWER_WAIT);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
