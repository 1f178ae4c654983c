package dev.labforge.cluster.events;

import dev.labforge.api.SseLoop;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The event streams open in this replica, and their end when it stops. A stream lives half an hour; the web server's
 * graceful shutdown waits for every request under way, streams included, so without this each open stream would hold
 * the stop until the shutdown phase's timeout ran out. Stopping is the first thing the service does (the highest
 * lifecycle phase, before the web server's graceful wait): each stream ends as a finished response, and its client
 * reconnects with its {@code Last-Event-ID} to another replica without a gap.
 */
@Component
class EventStreams implements SmartLifecycle, SseLoop.Streams {

    /** Streams look for news every 250 ms: each sees the stop within that, and a slow client gets this long. */
    static final Duration END_WITHIN = Duration.ofSeconds(2);

    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running;
    private volatile boolean stopping;

    /** Whether streams must end now. */
    @Override
    public boolean stopping() {
        return stopping;
    }

    @Override
    public void opened() {
        open.incrementAndGet();
    }

    @Override
    public void closed() {
        synchronized (open) {
            open.decrementAndGet();
            open.notifyAll();
        }
    }

    int open() {
        return open.get();
    }

    @Override
    public void start() {
        stopping = false;
        running = true;
    }

    /** Tells every stream to end, and waits for them (bounded): the web server then finds no stream under way. */
    @Override
    public void stop() {
        stopping = true;
        long deadline = System.nanoTime() + END_WITHIN.toNanos();
        synchronized (open) {
            long left;
            while (open.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    open.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
