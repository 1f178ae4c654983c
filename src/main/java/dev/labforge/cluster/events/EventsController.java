package dev.labforge.cluster.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.labforge.access.Caller;
import dev.labforge.access.Credentials;
import dev.labforge.access.Permission;
import dev.labforge.api.InvalidField;
import dev.labforge.api.InvalidRequest;
import dev.labforge.api.ProblemException;
import dev.labforge.api.SseLoop;
import dev.labforge.lab.LabDefinitions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A lab's persisted event log: as JSON, or as a Server-Sent Events stream that resumes after the
 * {@code Last-Event-ID} a client reconnects with. The stream reads the database (a lab's log only when the
 * look all streams share, {@link NewestEvents}, saw something new for it), so it survives
 * restarts and works behind any replica.
 */
@RestController
@RequestMapping("/api/v1/labs/{id}/events")
@Tag(name = "lifecycle")
class EventsController {

    /** The default page of the JSON log, and what a stream reads at a time. */
    static final int PAGE = 500;
    /** The largest page a client may ask for: the same bound as the audit log's. */
    static final int MAX_LIMIT = 1000;
    /** How often a stream looks for new events; bounds the event-to-client latency. */
    private static final Duration POLL = Duration.ofMillis(250);
    /**
     * How often a stream asks again whether its caller may still see the lab (token revoked or expired, user
     * disabled, grant or admin flag removed): the longest a stream outlives its caller's access. Two indexed
     * reads per stream each time; a classroom of 500 open streams costs 500 reads a second.
     */
    static final Duration ACCESS_CHECK = Duration.ofSeconds(2);

    /** Both answers are one operation in the OpenAPI document (one path, one method), so both say it all. */
    private static final String DESCRIPTION = "The lab's persisted event log, oldest first: what was asked (start,"
            + " stop, destroy, node actions), node and lab state changes, restarts. As JSON, a page of at most `limit`"
            + " events with an id above `after`; a full page links the next in `next`, absent on the last. With `Accept:"
            + " text/event-stream`, a live Server-Sent Events stream of the same events, each with its log id as its"
            + " SSE id: reconnect with `Last-Event-ID` (or `after`) to resume without gaps. The stream opens at once and"
            + " sends a comment every 5 s while the lab is quiet. The log survives restarts and reads the same from"
            + " every replica.";

    @Schema(name = "LabEvent")
    record EventView(long id, Instant at, String kind, String node, String message) {
        static EventView from(LabEvent event) {
            return new EventView(event.id(), event.at(), event.kind(), event.node(), event.message());
        }
    }

    @Schema(name = "LabEventPage")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Page(List<EventView> items,
                @Schema(description = "the next (newer) page, absent when this page reaches the newest event")
                String next) {
    }

    private final LabDefinitions labs;
    private final LabEvents events;
    private final NewestEvents newest;
    private final Credentials credentials;
    private final EventStreams streams;

    EventsController(LabDefinitions labs, LabEvents events, NewestEvents newest, Credentials credentials,
                     EventStreams streams) {
        this.streams = streams;
        this.labs = labs;
        this.events = events;
        this.newest = newest;
        this.credentials = credentials;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listLabEvents", summary = "The lab's events, oldest first", description = DESCRIPTION)
    Page list(Caller caller, @PathVariable UUID id,
              @Parameter(description = "only events with a larger id (paging)") @RequestParam(defaultValue = "0")
              long after,
              @Parameter(description = "events per page, 1 to " + MAX_LIMIT)
              @RequestParam(defaultValue = "" + PAGE) int limit) {
        labs.require(caller, id, Permission.VIEW);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequest("invalid event query",
                    List.of(InvalidField.parameter("limit", "must be between 1 and " + MAX_LIMIT)));
        }
        // one more than asked tells whether a next page exists without a second query
        List<EventView> items = events.after(id, after, limit + 1).stream().map(EventView::from).toList();
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            var uri = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("after", items.getLast().id()).build();
            next = uri.getPath() + "?" + uri.getQuery();
        }
        return new Page(items, next);
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamLabEvents", summary = "The lab's events as Server-Sent Events",
            description = DESCRIPTION)
    SseEmitter stream(Caller caller, @PathVariable UUID id,
                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(defaultValue = "0") long after) {
        labs.require(caller, id, Permission.VIEW);
        return SseLoop.start("sse-" + id, POLL, streams, new LabStream(caller, id, parse(lastEventId, after)));
    }

    /** One client's stream of one lab's log, from after the id it asked for. */
    private final class LabStream implements SseLoop.Source {

        private final Caller caller;
        private final UUID lab;
        private final SseLoop.Every accessCheck = new SseLoop.Every(ACCESS_CHECK);
        private long last;
        private boolean first = true;

        LabStream(Caller caller, UUID lab, long after) {
            this.caller = caller;
            this.lab = lab;
            this.last = after;
        }

        @Override
        public void open(SseEmitter emitter) throws IOException {
            // the status line and headers leave with the first bytes: without this a quiet lab's client would wait
            // for the first heartbeat to learn that the stream is open
            emitter.send(SseEmitter.event().comment("open"));
        }

        @Override
        public boolean look(SseEmitter emitter) throws IOException {
            if (!accessCheck.holds(() -> mayStillSee(caller, lab))) {
                return false; // the client reconnects, and is refused with the reason
            }
            // the backlog is read at once; after that only when some stream's shared look saw news
            List<LabEvent> news = first || newest.anyAfter(lab, last) ? events.after(lab, last, PAGE) : List.of();
            first = false;
            for (LabEvent event : news) {
                emitter.send(SseEmitter.event().id(Long.toString(event.id())).name(event.kind())
                        .data(EventView.from(event), MediaType.APPLICATION_JSON));
                last = event.id();
            }
            return true;
        }
    }

    /** Whether the caller's credential still holds and, as they stand now, they may still view the lab. */
    private boolean mayStillSee(Caller caller, UUID lab) {
        Optional<Caller> current = credentials.current(caller);
        if (current.isEmpty()) {
            return false;
        }
        try {
            labs.require(current.get(), lab, Permission.VIEW);
            return true;
        } catch (ProblemException refused) { // not found (no access, or the lab is gone) or forbidden
            return false;
        }
    }

    private static long parse(String lastEventId, long fallback) {
        try {
            return lastEventId == null ? fallback : Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
