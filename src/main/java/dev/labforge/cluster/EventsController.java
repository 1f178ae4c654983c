package dev.labforge.cluster;

import dev.labforge.access.Caller;
import dev.labforge.access.Permission;
import dev.labforge.lab.LabDefinitions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @Schema(name = "LabEvent")
    record EventView(long id, Instant at, String kind, String node, String message) {
        static EventView from(LabEvent event) {
            return new EventView(event.id(), event.at(), event.kind(), event.node(), event.message());
        }
    }

    private final LabDefinitions labs;
    private final LabEvents events;
    private final NewestEvents newest;

    EventsController(LabDefinitions labs, LabEvents events, NewestEvents newest) {
        this.labs = labs;
        this.events = events;
        this.newest = newest;
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
        Thread.ofVirtual().name("sse-" + id).start(() -> pump(emitter, id, start));
        return emitter;
    }

    private void pump(SseEmitter emitter, UUID lab, long after) {
        long last = after;
        long deadline = System.nanoTime() + STREAM_LIFETIME.toNanos();
        long nextHeartbeat = System.nanoTime() + HEARTBEAT.toNanos();
        try {
            boolean first = true;
            while (System.nanoTime() < deadline) {
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

    private static long parse(String lastEventId, long fallback) {
        try {
            return lastEventId == null ? fallback : Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
