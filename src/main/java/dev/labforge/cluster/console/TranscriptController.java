package dev.labforge.cluster.console;

import dev.labforge.access.Caller;
import dev.labforge.access.Permission;
import dev.labforge.api.InvalidField;
import dev.labforge.api.InvalidRequest;
import dev.labforge.api.NotFound;
import dev.labforge.lab.LabDefinitions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Console transcripts for those with admin on the lab (its owner, a course's instructors): the setting, the sessions,
 * and one session as plain text (what the console printed, the typed keys as the node echoed them) or as an asciicast
 * v2 recording (output and keystrokes with their times; {@code asciinema play} replays it).
 */
@RestController
@Tag(name = "consoles")
class TranscriptController {

    static final MediaType ASCIICAST = MediaType.parseMediaType("application/x-asciicast");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Schema(name = "ConsoleTranscriptSetting")
    record Setting(@Schema(description = "the lab's own setting: true, false, or null to follow its course")
                   Boolean enabled,
                   @Schema(description = "whether the lab's course transcribes its students' labs", accessMode =
                           Schema.AccessMode.READ_ONLY) boolean course,
                   @Schema(description = "whether console sessions opened now are transcribed", accessMode =
                           Schema.AccessMode.READ_ONLY) boolean effective) {
    }

    @Schema(name = "ConsoleTranscriptSettingRequest")
    record SettingRequest(@Schema(description = "true or false; null follows the lab's course", nullable = true)
                          Boolean enabled) {
    }

    @Schema(name = "ConsoleTranscript")
    record SessionView(UUID id, String node, Instant startedAt,
                       @Schema(description = "null while the session is open", nullable = true) Instant endedAt,
                       @Schema(description = "who opened the console") String startedBy,
                       @Schema(description = "bytes kept, output and keystrokes") long bytes,
                       @Schema(description = "the session passed labforge.console.transcript-limit; the rest is not"
                               + " kept") boolean truncated) {
        static SessionView from(Transcripts.Session s) {
            return new SessionView(s.id(), s.node(), s.startedAt(), s.endedAt(), s.startedBy(), s.bytes(),
                    s.truncated());
        }
    }

    private final Transcripts transcripts;
    private final LabDefinitions labs;

    TranscriptController(Transcripts transcripts, LabDefinitions labs) {
        this.transcripts = transcripts;
        this.labs = labs;
    }

    @GetMapping("/api/v1/labs/{id}/transcript-setting")
    @Operation(operationId = "getConsoleTranscriptSetting", summary = "Whether the lab's consoles are transcribed",
            description = "Needs admin on the lab.")
    Setting setting(Caller caller, @PathVariable UUID id) {
        labs.require(caller, id, Permission.ADMIN);
        return setting(id);
    }

    @PutMapping("/api/v1/labs/{id}/transcript-setting")
    @Operation(operationId = "putConsoleTranscriptSetting", summary = "Transcribe the lab's consoles, or not",
            description = "Off by default. true or false decide for this lab; null follows its course (PUT"
                    + " /api/v1/courses/{course}/transcript-setting). Serial console sessions opened from then on"
                    + " are kept: output and keystrokes, up to labforge.console.transcript-limit each, for"
                    + " labforge.console.transcript-retention after they end. Needs admin on the lab.")
    Setting put(Caller caller, @PathVariable UUID id, @RequestBody SettingRequest request) {
        labs.require(caller, id, Permission.ADMIN);
        transcripts.setOwn(id, request == null ? null : request.enabled());
        return setting(id);
    }

    @GetMapping("/api/v1/labs/{id}/transcripts")
    @Operation(operationId = "listConsoleTranscripts", summary = "The lab's transcribed console sessions, newest first",
            description = "Needs admin on the lab.")
    List<SessionView> list(Caller caller, @PathVariable UUID id,
                           @Parameter(description = "only this node's sessions") @RequestParam(required = false)
                           String node) {
        labs.require(caller, id, Permission.ADMIN);
        return transcripts.sessions(id, node).stream().map(SessionView::from).toList();
    }

    @GetMapping(value = "/api/v1/labs/{id}/transcripts/{transcript}",
            produces = {MediaType.TEXT_PLAIN_VALUE, "application/x-asciicast"})
    @Operation(operationId = "getConsoleTranscript", summary = "One console session, as text or as an asciicast",
            description = "format=text (the default): what the console printed, typed keys as the node echoed them"
                    + " (a password typed at a prompt that does not echo is not in it). format=asciicast: an asciicast"
                    + " v2 file (https://docs.asciinema.org/manual/asciicast/v2/): a header line, then one"
                    + " [seconds, \"o\"|\"i\", text] event per line, output and keystrokes as sent (passwords"
                    + " included), which `asciinema play` replays. Needs admin on the lab.")
    ResponseEntity<String> get(Caller caller, @PathVariable UUID id, @PathVariable UUID transcript,
                               @Parameter(description = "text or asciicast")
                               @RequestParam(defaultValue = "text") String format) {
        labs.require(caller, id, Permission.ADMIN);
        if (!format.equals("text") && !format.equals("asciicast")) {
            throw new InvalidRequest("unknown transcript format",
                    List.of(InvalidField.parameter("format", "must be text or asciicast")));
        }
        Transcripts.Session session = transcripts.session(id, transcript)
                .orElseThrow(() -> new NotFound("lab " + id + " has no console transcript " + transcript));
        String events = transcripts.events(transcript);
        String name = "console-" + session.node() + "-" + session.startedAt().toString().replace(':', '-');
        boolean cast = format.equals("asciicast");
        return ResponseEntity.ok()
                .contentType(cast ? ASCIICAST : new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + (cast ? ".cast" : ".txt")
                        + "\"")
                .body(cast ? header(session) + events : output(events));
    }

    private Setting setting(UUID id) {
        Boolean own = transcripts.ownSetting(id).orElse(null);
        boolean course = transcripts.inherited(id);
        return new Setting(own, course, own != null ? own : course);
    }

    private static String header(Transcripts.Session session) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", 2);
        header.put("width", 80); // a serial console has no size of its own: a VT100's
        header.put("height", 24);
        header.put("timestamp", session.startedAt().getEpochSecond());
        header.put("title", "console of " + session.node() + ", opened by " + session.startedBy());
        return JSON.writeValueAsString(header) + "\n";
    }

    /** The output events' text, in order. */
    private static String output(String events) {
        StringBuilder text = new StringBuilder();
        events.lines().forEach(line -> {
            JsonNode event = JSON.readTree(line);
            if ("o".equals(event.get(1).asString())) {
                text.append(event.get(2).asString());
            }
        });
        return text.toString();
    }
}
