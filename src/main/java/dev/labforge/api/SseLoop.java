package dev.labforge.api;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The loop every Server-Sent Events stream of the service runs, each on a virtual thread of its own: send what comes
 * first, then look for news, send it, and send a comment while quiet; end as a finished response at the stream's
 * lifetime, when the service stops or when a look says so (the caller's access ended: the client reconnects and is
 * refused with the reason), and as a failed one when sending fails (the client went away).
 */
public final class SseLoop {

    /** The longest a stream lives; its client reconnects after it. */
    public static final Duration LIFETIME = Duration.ofMinutes(30);
    /** A comment line this often keeps proxies from closing a quiet stream and shows a gone client. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(5);

    /** What one stream sends. */
    public interface Source {

        /** What the stream sends before its first look. */
        default void open(SseEmitter emitter) throws IOException {
        }

        /** One look: sends what is new; {@code false} ends the stream. */
        boolean look(SseEmitter emitter) throws IOException;
    }

    /** The streams open in one replica, told of each stream's start and end, and telling when all must end. */
    public interface Streams {

        /** For streams the service's stop need not wait for. */
        Streams UNTRACKED = new Streams() {
        };

        default void opened() {
        }

        default void closed() {
        }

        /** Whether streams must end now (the service is stopping). */
        default boolean stopping() {
            return false;
        }
    }

    private SseLoop() {
    }

    /** Starts a stream that looks every {@code poll} on a virtual thread named {@code name}, and returns it. */
    public static SseEmitter start(String name, Duration poll, Streams streams, Source source) {
        SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());
        streams.opened();
        Thread.ofVirtual().name(name).start(() -> {
            try {
                run(emitter, poll, streams, source);
            } finally {
                streams.closed();
            }
        });
        return emitter;
    }

    private static void run(SseEmitter emitter, Duration poll, Streams streams, Source source) {
        long deadline = System.nanoTime() + LIFETIME.toNanos();
        Every heartbeat = new Every(HEARTBEAT);
        try {
            source.open(emitter);
            while (System.nanoTime() < deadline) {
                if (streams.stopping()) {
                    // a finished response, not a broken one: the client reconnects to another replica
                    emitter.send(SseEmitter.event().comment("service stopping"));
                    break;
                }
                if (!source.look(emitter)) {
                    break;
                }
                if (heartbeat.due()) {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                    heartbeat.restart();
                }
                Thread.sleep(poll);
            }
            emitter.complete();
        } catch (IOException | RuntimeException e) {
            emitter.completeWithError(e); // the client went away, or the service is shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        }
    }

    /** Something a stream does again every period (on the monotonic clock: it decides nothing about dates). */
    public static final class Every {

        private final Duration period;
        private long next;

        public Every(Duration period) {
            this.period = period;
            restart();
        }

        /** Whether a period has passed since the start or the last {@link #restart()}. */
        public boolean due() {
            return System.nanoTime() > next;
        }

        public void restart() {
            next = System.nanoTime() + period.toNanos();
        }

        /** True when not due; when due, the check's answer, and a new period starts if it held. */
        public boolean holds(BooleanSupplier check) {
            if (!due()) {
                return true;
            }
            if (!check.getAsBoolean()) {
                return false;
            }
            restart();
            return true;
        }
    }
}
