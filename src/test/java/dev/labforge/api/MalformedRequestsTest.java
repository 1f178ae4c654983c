package dev.labforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Requests the servlet container refuses before LabForge sees them (a bad request line, bad
 * percent-encoding, an encoded slash or NUL in the path, oversized headers) still get a problem
 * document, never the container's HTML page. Sent over a raw socket, since an HTTP client would
 * refuse to send most of them.
 */
class MalformedRequestsTest extends IntegrationTest {

    private record Answer(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            return ApiClient.JSON.readTree(body);
        }
    }

    /** Rows: what is wrong, and the request line's target (with the method and version around it). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an encoded slash            | GET /api/v1/labs/%2F HTTP/1.1
            an encoded NUL              | GET /api/v1/labs/%00 HTTP/1.1
            an encoded backslash        | GET /api/v1/labs/%5C HTTP/1.1
            bad percent-encoding        | GET /api/v1/labs/%zz HTTP/1.1
            a truncated percent escape  | GET /api/v1/labs/% HTTP/1.1
            a brace in the path         | GET /api/v1/labs/{x} HTTP/1.1
            a path escaping the root    | GET /../../etc/passwd HTTP/1.1
            an unknown HTTP version     | GET /api/v1/labs HTTP/9.9
            a relative target           | GET api/v1/labs HTTP/1.1
            a bad method token          | G(T /api/v1/labs HTTP/1.1
            """)
    void aBadRequestLineGetsAProblem(String what, String requestLine) throws IOException {
        problem(send(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void aNulByteInThePathGetsAProblem() throws IOException {
        problem(send("GET /api/v1/la\0bs HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void anOversizedAuthorizationHeaderGetsAProblem() throws IOException {
        String token = "lf_" + "a".repeat(70 * 1024);
        problem(send("GET /api/v1/labs HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void tooManyHeaderBytesGetAProblem() throws IOException {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            headers.append("X-Filler-").append(i).append(": ").append("b".repeat(100)).append("\r\n");
        }
        problem(send("GET /api/v1/labs HTTP/1.1\r\nHost: localhost\r\n" + headers + "Connection: close\r\n\r\n"));
    }

    @Test
    void anOversizedRequestLineGetsAProblem() throws IOException {
        problem(send("GET /api/v1/labs?name=" + "c".repeat(70 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n"));
    }

    @Test
    void aMalformedHeaderGetsAProblem() throws IOException {
        problem(send("GET /api/v1/labs HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void aMissingHostHeaderGetsAProblem() throws IOException {
        problem(send("GET /api/v1/labs HTTP/1.1\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void anOrdinaryHttpClientGetsProblemsForWhatTheContainerRefuses() {
        ApiClient.Response bigHeader = anonymous().get("/api/v1/labs", "Authorization",
                "Bearer lf_" + "a".repeat(70 * 1024));
        ApiClient.Response encodedSlash = api().get("/api/v1/labs/%2F");

        for (ApiClient.Response response : new ApiClient.Response[] {bigHeader, encodedSlash}) {
            problem(new Answer(response.status(), Map.of("content-type", response.contentType()), response.body()));
        }
    }

    @Test
    void aWellFormedRequestIsStillServed() throws IOException {
        Answer answer = send("GET /actuator/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asString()).isEqualTo("UP");
    }

    private static void problem(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isBetween(400, 599);
        assertThat(answer.headers().get("content-type")).as(answer.toString())
                .startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.get("type").asString()).startsWith("https://labforge.dev/problems/");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Tomcat", "Exception", "<html");
    }

    /** Writes the bytes as they are and reads the whole answer; the server closes the connection after it. */
    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        assertThat(end).as("an HTTP answer, got: " + text).isPositive();
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8));
    }

    private static String unchunk(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString(StandardCharsets.ISO_8859_1);
            }
            out.writeBytes(body.substring(lineEnd + 2, lineEnd + 2 + size).getBytes(StandardCharsets.ISO_8859_1));
            at = lineEnd + 2 + size + 2;
        }
    }
}
