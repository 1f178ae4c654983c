package dev.labforge.cluster.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Transcripts of a serial console: off by default, on per lab, batched, downloadable by admins only, purged. */
class TranscriptApiTest extends RunningLabTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Transcripts transcripts;

    @Test
    void offByDefaultNothingIsKept() throws Exception {
        assertThat(owner.get(setting()).json().get("effective").asBoolean()).isFalse();
        session("r1");
        assertThat(owner.get("/api/v1/labs/" + lab + "/transcripts").json().size()).isZero();
        assertThat(jdbc.sql("select count(*) from console_transcripts where lab_id = ?").param(lab)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTranscribedSessionIsDownloadableAsTextAndAsciicastInFewRows() throws Exception {
        Response on = owner.put(setting(), "{\"enabled\":true}");
        assertThat(on.status()).isEqualTo(200);
        assertThat(on.json().get("effective").asBoolean()).isTrue();
        int keystrokes = session("r1");
        transcripts.drain();

        JsonNode list = owner.get("/api/v1/labs/" + lab + "/transcripts?node=r1").json();
        assertThat(list.size()).isEqualTo(1);
        JsonNode session = list.get(0);
        assertThat(session.get("node").asString()).isEqualTo("r1");
        assertThat(session.get("startedBy").asString()).isEqualTo(owner.username());
        ConsoleApiTest.await("the session's end written", () -> !owner.get("/api/v1/labs/" + lab + "/transcripts")
                .json().get(0).get("endedAt").isNull());
        String id = session.get("id").asString();
        // batched: far fewer rows than keystrokes and output messages
        long rows = jdbc.sql("select count(*) from console_transcript_chunks where transcript_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single();
        assertThat(rows).isBetween(1L, (long) keystrokes / 2);

        Response text = owner.get("/api/v1/labs/" + lab + "/transcripts/" + id);
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.contentType()).startsWith("text/plain");
        assertThat(text.body()).contains("SIMULATED router r1").contains("login: student")
                .contains("show running-config").contains("hostname r1").doesNotContain("secret");

        Response cast = owner.get("/api/v1/labs/" + lab + "/transcripts/" + id + "?format=asciicast");
        assertThat(cast.contentType()).startsWith("application/x-asciicast");
        String[] lines = cast.body().split("\n");
        JsonNode header = ApiClient.JSON.readTree(lines[0]);
        assertThat(header.get("version").asInt()).isEqualTo(2);
        double last = -1;
        StringBuilder typed = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            JsonNode event = ApiClient.JSON.readTree(lines[i]);
            assertThat(event.get(0).asDouble()).isGreaterThanOrEqualTo(last);
            last = event.get(0).asDouble();
            assertThat(event.get(1).asString()).isIn("o", "i");
            if (event.get(1).asString().equals("i")) {
                typed.append(event.get(2).asString());
            }
        }
        assertThat(typed.toString()).isEqualTo("student\rsecret\rshow running-config\r");

        Response badFormat = owner.get("/api/v1/labs/" + lab + "/transcripts/" + id + "?format=pdf");
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.json().get("errors").get(0).get("parameter").asString()).isEqualTo("format");
    }

    @Test
    void onlyAdminsOnTheLabReadTranscriptsAndTheSettingNeedsABoolean() throws Exception {
        owner.put(setting(), "{\"enabled\":true}");
        session("r1");
        transcripts.drain();
        String id = owner.get("/api/v1/labs/" + lab + "/transcripts").json().get(0).get("id").asString();
        ApiClient operator = grant("operate");
        assertThat(operator.get("/api/v1/labs/" + lab + "/transcripts").status()).isEqualTo(403);
        assertThat(operator.get("/api/v1/labs/" + lab + "/transcripts/" + id).status()).isEqualTo(403);
        assertThat(operator.put(setting(), "{\"enabled\":false}").status()).isEqualTo(403);
        ApiClient stranger = api().newUser();
        assertThat(stranger.get("/api/v1/labs/" + lab + "/transcripts/" + id).status()).isEqualTo(404);
        assertThat(owner.get("/api/v1/labs/" + lab + "/transcripts/" + UUID.randomUUID()).status()).isEqualTo(404);
        Response notBoolean = owner.put(setting(), "{\"enabled\":\"yes\"}");
        assertThat(notBoolean.status()).isBetween(400, 422);
        assertThat(notBoolean.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aSessionPastTheLimitIsCutAndTranscriptsPastTheirRetentionArePurged() throws Exception {
        Transcript small = new Transcript(UUID.randomUUID(), 10, java.time.Clock.systemUTC());
        small.output("12345678".getBytes());
        small.input("abc".getBytes()); // 11 bytes: past the limit, not kept
        small.output("é".getBytes(java.nio.charset.StandardCharsets.UTF_8)); // nor anything after
        Transcript.Batch batch = small.take();
        assertThat(batch.bytes()).isEqualTo(8);
        assertThat(batch.cut()).isTrue();
        assertThat(batch.events()).contains("\"12345678\"").doesNotContain("abc");

        owner.put(setting(), "{\"enabled\":true}");
        session("r1");
        transcripts.drain();
        ConsoleApiTest.await("the session's end written", () -> !owner.get("/api/v1/labs/" + lab + "/transcripts")
                .json().get(0).get("endedAt").isNull());
        java.time.Instant now = java.time.Instant.now();
        transcripts.purge(now.plus(properties.transcriptRetention()).minus(Duration.ofMinutes(1)));
        assertThat(owner.get("/api/v1/labs/" + lab + "/transcripts").json().size()).as("within retention").isOne();
        transcripts.purge(now.plus(properties.transcriptRetention()).plus(Duration.ofMinutes(1)));
        assertThat(owner.get("/api/v1/labs/" + lab + "/transcripts").json().size()).as("past retention").isZero();
    }

    /** Logs in and shows the config on the node's console, then closes it; returns the keystroke messages sent. */
    private int session(String node) throws Exception {
        int keystrokes = 0;
        try (ConsoleClient console = open(owner, node)) {
            console.awaitOutput(node + " login: ");
            for (String keys : new String[] {"student\r", "secret\r", "show running-config\r"}) {
                int shown = console.output().length();
                for (char key : keys.toCharArray()) {
                    console.type(String.valueOf(key));
                    keystrokes++;
                }
                String answer = keys.startsWith("student") ? "Password: " : node + "# ";
                console.awaitOutput(o -> o.length() > shown && o.endsWith(answer)
                        && (!keys.startsWith("show") || o.contains("hostname")), "the answer to " + keys.strip());
            }
        }
        return keystrokes;
    }

    private String setting() {
        return "/api/v1/labs/" + lab + "/transcript-setting";
    }
}
