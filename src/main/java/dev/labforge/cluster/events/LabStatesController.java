package dev.labforge.cluster.events;

import dev.labforge.access.Caller;
import dev.labforge.access.Credentials;
import dev.labforge.api.SseLoop;
import dev.labforge.lab.LabList;
import dev.labforge.lab.LabStatus;
import dev.labforge.lab.LabStatusSource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Every lab of the caller's (theirs, their teams', shared with them) with its state, once or as ONE live stream for
 * all of them: a labs page with hundreds of rows needs no stream per row and no polling. A stream reads statuses only
 * for labs whose event log has news ({@link NewestEvents}, one look shared by every stream), and filters what it sends
 * by the caller's access as it stands at that moment: a grant removed or a token revoked stops the events at once,
 * not at the next periodic check.
 */
@RestController
@Tag(name = "lifecycle")
class LabStatesController {

    /** How often a stream looks for news: the event-to-client latency. */
    private static final Duration POLL = Duration.ofMillis(250);
    /** How often the stream asks again which labs are the caller's even when nothing changed (new labs, ended access). */
    static final Duration ACCESS_CHECK = Duration.ofSeconds(2);

    private static final String DESCRIPTION = "Every lab that is yours, your teams' or shared with you or your teams,"
            + " with its state (DEFINED for a lab never started), ready and total nodes. As JSON, the list now. With"
            + " `Accept: text/event-stream`, ONE Server-Sent Events stream for all of them: first a `labs` event with the"
            + " whole list, then a `lab` event (one item) whenever a lab's state or ready count changes, a `labs` event"
            + " again when labs became or stopped being yours, and a comment every 5 s while quiet. What it sends is"
            + " filtered by your access at that moment: a lab whose grant was removed sends nothing more, and a revoked"
            + " token or signed-out session ends the stream.";

    @Schema(name = "LabState")
    record State(UUID id, String state, int ready, int total) {

        static State of(UUID id, LabStatus status) {
            return status == null ? new State(id, "DEFINED", 0, 0)
                    : new State(id, status.state(), status.ready(), status.total());
        }
    }

    @Schema(name = "LabStates")
    record States(List<State> items) {
    }

    private final LabList labs;
    private final LabStatusSource statuses;
    private final NewestEvents newest;
    private final Credentials credentials;
    private final EventStreams streams;

    LabStatesController(LabList labs, LabStatusSource statuses, NewestEvents newest, Credentials credentials,
                        EventStreams streams) {
        this.labs = labs;
        this.statuses = statuses;
        this.newest = newest;
        this.credentials = credentials;
        this.streams = streams;
    }

    @GetMapping(value = "/api/v1/labs/states", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listLabStates", summary = "The state of every lab of yours", description = DESCRIPTION)
    States list(Caller caller) {
        return new States(states(labs.ids(caller)).values().stream()
                .sorted(Comparator.comparing(State::id)).toList());
    }

    @GetMapping(value = "/api/v1/labs/states", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamLabStates", summary = "The state of every lab of yours as one stream",
            description = DESCRIPTION)
    SseEmitter stream(Caller caller) {
        return SseLoop.start("sse-labs-" + caller.username(), POLL, streams, new CallerStream(caller,
                labs.ids(caller)));
    }

    /** One caller's stream of the states of the labs they may see. */
    private final class CallerStream implements SseLoop.Source {

        private final Caller caller;
        private final SseLoop.Every accessCheck = new SseLoop.Every(ACCESS_CHECK);
        private Set<UUID> watched;
        private final Map<UUID, Long> seen = new HashMap<>(); // the newest event id each lab had when last read
        private Map<UUID, State> sent;

        CallerStream(Caller caller, Set<UUID> initial) {
            this.caller = caller;
            this.watched = initial;
        }

        @Override
        public void open(SseEmitter emitter) throws IOException {
            watched.forEach(id -> seen.put(id, newest.newest(id)));
            sent = states(watched);
            emitter.send(SseEmitter.event().name("labs").data(sorted(sent), MediaType.APPLICATION_JSON));
        }

        @Override
        public boolean look(SseEmitter emitter) throws IOException {
            List<UUID> news = new ArrayList<>();
            for (UUID id : watched) {
                long now = newest.newest(id);
                if (now > seen.getOrDefault(id, -1L)) {
                    news.add(id);
                    seen.put(id, now);
                }
            }
            boolean recheck = accessCheck.due();
            if (!recheck && news.isEmpty()) {
                return true;
            }
            // the caller and their labs as they stand now, before anything is sent
            Optional<Caller> current = credentials.current(caller);
            if (current.isEmpty()) {
                return false; // revoked, expired, signed out or disabled: the client reconnects and is refused
            }
            accessCheck.restart();
            if (recheck) {
                Set<UUID> now = labs.ids(current.get());
                if (!now.equals(watched)) {
                    for (UUID id : now) {
                        seen.computeIfAbsent(id, newest::newest);
                    }
                    seen.keySet().retainAll(now);
                    news.removeIf(id -> !now.contains(id));
                    watched = now;
                    sent = states(now);
                    emitter.send(SseEmitter.event().name("labs").data(sorted(sent), MediaType.APPLICATION_JSON));
                }
            } else {
                news.retainAll(labs.stillTheirs(current.get(), news));
            }
            for (State state : states(news).values()) {
                if (!state.equals(sent.get(state.id()))) {
                    emitter.send(SseEmitter.event().name("lab").data(state, MediaType.APPLICATION_JSON));
                    sent.put(state.id(), state);
                }
            }
            return true;
        }
    }

    /** One statement for all of them; a lab never started is DEFINED. */
    private Map<UUID, State> states(Collection<UUID> ids) {
        Map<UUID, LabStatus> found = statuses.summariesOf(ids);
        Map<UUID, State> states = new HashMap<>();
        ids.forEach(id -> states.put(id, State.of(id, found.get(id))));
        return states;
    }

    private static States sorted(Map<UUID, State> states) {
        return new States(states.values().stream().sorted(Comparator.comparing(State::id)).toList());
    }
}
