package dev.labforge.cluster;

import dev.labforge.access.Caller;
import dev.labforge.access.Credentials;
import dev.labforge.access.Permission;
import dev.labforge.api.ProblemException;
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

    private static final int PAGE = 500;
    /** How often a stream looks for new events; bounds the event-to-client latency. */
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    /** A comment line this often keeps proxies from closing a quiet stream and shows a gone client. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /**
     * How often a stream asks again whether its caller may still see the lab (token revoked or expired, user
     * disabled, grant or admin flag removed): the longest a stream outlives its caller's access. Two indexed
     * reads per stream each time; a classroom of 500 open streams costs 500 reads a second.
     */
    static final Duration ACCESS_CHECK = Duration.ofSeconds(2);

    @Schema(name = "LabEvent")
    record EventView(long id, Instant at, String kind, String node, String message) {
        static EventView from(LabEvent event) {
            return new EventView(event.id(), event.at(), event.kind(), event.node(), event.message());
        }
    }

    private final LabDefinitions labs;
    private final LabEvents events;
    private final NewestEvents newest;
    private final Credentials credentials;

    EventsController(LabDefinitions labs, LabEvents events, NewestEvents newest, Credentials credentials) {
        this.labs = labs;
        this.events = events;
        this.newest = newest;
        this.credentials = credentials;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listLabEvents", summary = "The lab's events, oldest first")
    List<EventView> list(Caller caller, @PathVariable UUID id,
                         @Parameter(description = "only events with a larger id") @RequestParam(defaultValue = "0")
                         long after) {
        labs.require(caller, id, Permission.VIEW);
        return events.after(id, after, PAGE).stream().map(EventView::from).toList();
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamLabEvents", summary = "The lab's events as Server-Sent Events",
            description = "Each event's id is its log id: reconnect with Last-Event-ID to resume without gaps.")
    SseEmitter stream(Caller caller, @PathVariable UUID id,
                      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(defaultValue = "0") long after) {
        labs.require(caller, id, Permission.VIEW);
        long start = parse(lastEventId, after);
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        Thread.ofVirtual().name("sse-" + id).start(() -> pump(emitter, caller, id, start));
        return emitter;
    }

    private void pump(SseEmitter emitter, Caller caller, UUID lab, long after) {
        long last = after;
        long deadline = System.nanoTime() + STREAM_LIFETIME.toNanos();
        long nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
        long nextAccessCheck = System.nanoTime() + ACCESS_CHECK.toNanos();
        try {
            boolean first = true;
            while (System.nanoTime() < deadline) {
                if (System.nanoTime() > nextAccessCheck) {
                    if (!mayStillSee(caller, lab)) {
                        break; // the client reconnects, and is refused with the reason
                    }
                    nextAccessCheck = System.nanoTime() + ACCESS_CHECK.toNanos();
                }
                // the backlog is read at once; after that only when some stream's shared look saw news
                List<LabEvent> news = first || newest.anyAfter(lab, last) ? events.after(lab, last, PAGE) : List.of();
                first = false;
                for (LabEvent event : news) {
                    emitter.send(SseEmitter.event().id(Long.toString(event.id())).name(event.kind())
                            .data(EventView.from(event), MediaType.APPLICATION_JSON));
                    last = event.id();
                }
                if (System.nanoTime() > nextHeartbeat) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                    nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
                }
                Thread.sleep(POLL);
            }
            emitter.complete();
        } catch (IOException | RuntimeException e) {
            emitter.completeWithError(e); // the client went away, or the service is shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
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
