package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Text is treated the same on every path into the database: bytes that are not UTF-8 and text
 * PostgreSQL cannot store (NUL, half a surrogate pair) are a 400 problem, in JSON and in YAML,
 * and nothing is stored; text that can be stored reads back exactly as sent.
 */
class StoredTextApiTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ApiClient user;
    private String token;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
        token = null;
    }

    private static String json(String description) {
        return """
                {"name":"texts","description":"%s","nodes":[{"name":"r1","image":"frr"}]}""".formatted(description);
    }

    private static String yaml(String label) {
        return "name: texts\ntopology:\n  nodes:\n    r1:\n      kind: linux\n      image: frr\n      labels:\n"
                + "        note: " + label + "\n";
    }

    /** {@code text} with the bytes {@code insert} put where {@code marker} is. */
    private static byte[] withBytes(String text, String marker, byte... insert) {
        int at = text.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(insert);
        out.writeBytes(text.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private Response post(byte[] body, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/labs"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType)
                .header("Authorization", "Bearer " + secret()).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }

    /** The user's own token: a fresh one, since {@link ApiClient} keeps its secret to itself. */
    private String secret() {
        if (token == null) {
            token = user.post("/api/v1/tokens", "{\"name\":\"raw-bytes\"}").json().get("secret").asString();
        }
        return token;
    }

    private static JsonNode badRequest(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("https://labforge.dev/problems/invalid-request");
        return problem;
    }

    private int labCount() {
        return user.get("/api/v1/labs").json().get("totalItems").asInt();
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedInJsonAndInYaml() throws Exception {
        byte[] latin1 = {(byte) 'c', (byte) 'a', (byte) 'f', (byte) 0xE9};

        badRequest(post(withBytes(json("MARK"), "MARK", latin1), "application/json"));
        JsonNode yamlProblem = badRequest(post(withBytes(yaml("MARK"), "MARK", latin1), "application/yaml"));

        assertThat(yamlProblem.get("detail").asString()).contains("not valid UTF-8");
        assertThat(labCount()).isZero();
    }

    @Test
    void halfASurrogatePairIsRefusedWithAPointerInJsonAndInYaml() {
        JsonNode description = badRequest(user.post("/api/v1/labs", json("half \\ud800 a pair")));
        assertThat(description.get("errors").get(0).get("pointer").asString()).isEqualTo("/description");
        assertThat(description.get("errors").get(0).get("detail").asString()).contains("unpaired UTF-16 surrogate");

        JsonNode label = badRequest(user.post("/api/v1/labs", """
                {"name":"texts","nodes":[{"name":"r1","image":"frr","labels":{"k":"\\udc00"}}]}"""));
        assertThat(label.get("errors").get(0).get("pointer").asString()).isEqualTo("/nodes/0/labels/k");

        JsonNode inYaml = badRequest(user.send("POST", "/api/v1/labs", yaml("\"x\\uD800\""), "application/yaml"));
        assertThat(inYaml.get("errors").get(0).get("pointer").asString()).isEqualTo("/topology/nodes/r1/labels/note");
        assertThat(labCount()).isZero();
    }

    @Test
    void aNulIsRefusedWithAPointerInJsonAndInYaml() {
        JsonNode inJson = badRequest(user.post("/api/v1/labs", json("nul \\u0000 here")));
        assertThat(inJson.get("errors").get(0).get("pointer").asString()).isEqualTo("/description");

        JsonNode inYaml = badRequest(user.send("POST", "/api/v1/labs", yaml("\"x\\0\""), "application/yaml"));
        assertThat(inYaml.get("errors").get(0).get("pointer").asString()).isEqualTo("/topology/nodes/r1/labels/note");
        assertThat(labCount()).isZero();
    }

    @Test
    void everyBodyIsHeldToTheSameRule() {
        JsonNode team = badRequest(user.post("/api/v1/teams", "{\"name\":\"t-texts\",\"displayName\":\"\\ud83d\"}"));
        assertThat(team.get("errors").get(0).get("pointer").asString()).isEqualTo("/displayName");

        JsonNode tokenName = badRequest(user.post("/api/v1/tokens", "{\"name\":\"\\u0000\"}"));
        assertThat(tokenName.get("errors").get(0).get("pointer").asString()).isEqualTo("/name");
    }

    @Test
    void textThatCanBeStoredReadsBackExactly() {
        String text = "caf\u00e9 \uD83D\uDE00 \u4E2D";
        Response created = user.post("/api/v1/labs", json(text));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Response read = user.get("/api/v1/labs/" + created.json().get("id").asString());

        assertThat(read.json().get("description").asString()).isEqualTo(text);
    }
}
