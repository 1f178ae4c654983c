package dev.labforge.cluster.console;

import dev.labforge.threads.VirtualThreads;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The consoles open in this replica, one per node and kind, and the watch over them: every
 * {@link ConsoleProperties#accessCheck()} each viewer's access is asked again (credential, operate on the lab,
 * node running), so that a revoked token or grant, a stopped node or a destroyed lab closes the console within
 * seconds, and a console nobody typed into for {@link ConsoleProperties#idleTimeout()} is closed.
 */
@Component
class NodeConsoles implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeConsoles.class);

    private final ConsoleUpstreams upstreams;
    private final ConsoleAccess access;
    private final ConsoleProperties properties;
    private final Clock clock;
    /** How long a stop waits for the consoles' close frames to leave. */
    private static final java.time.Duration CLOSE_FRAMES_WITHIN = java.time.Duration.ofSeconds(2);

    private final Map<ConsoleTarget, SharedConsole> open = new HashMap<>();
    private volatile boolean running;
    /**
     * Sends to viewers and closes them: tasks only while there is something to send, on virtual threads of the
     * {@link VirtualThreads#CONSOLE} pool, which counts them (an idle viewer holds none: ThousandViewersTest).
     */
    private final ExecutorService sender;
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("console-watch").daemon().factory());

    private final Transcripts transcripts;

    NodeConsoles(ConsoleUpstreams upstreams, ConsoleAccess access, ConsoleProperties properties,
                 ObjectProvider<Clock> clock, Transcripts transcripts, VirtualThreads threads) {
        this.sender = Executors.newThreadPerTaskExecutor(threads.pool(VirtualThreads.CONSOLE));
        this.transcripts = transcripts;
        this.upstreams = upstreams;
        this.access = access;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        long period = properties.accessCheck().toMillis();
        watch.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    ExecutorService sender() {
        return sender;
    }

    /** Joins the viewer to the node's console, opening its upstream if nobody has it open. */
    SharedConsole join(ConsoleTarget target, Viewer viewer, boolean take) {
        SharedConsole console;
        synchronized (open) {
            console = open.get(target);
            if (console == null || console.ended()) {
                if (target.kind() == ConsoleKind.VNC) {
                    console = new SharedScreen(target, properties.maxViewersPerNode(),
                            (int) properties.maxFrame().toBytes(), clock, properties.inputStall());
                } else {
                    NodeConsole serial = new NodeConsole(target, (int) properties.scrollback().toBytes(),
                            properties.maxViewersPerNode(), clock, properties.inputStall());
                    serial.transcribe(transcripts.start(target, viewer.caller().username()), transcripts::finish);
                    console = serial;
                }
                console.connect(upstreams::open);
                open.put(target, console);
            }
            console.join(viewer, take);
        }
        return console;
    }

    void leave(SharedConsole console, Viewer viewer) {
        synchronized (open) {
            if (console.leave(viewer)) {
                console.end(ConsoleClose.CONSOLE_ENDED);
                open.remove(console.target(), console);
            }
        }
    }

    Optional<SharedConsole> find(ConsoleTarget target) {
        synchronized (open) {
            return Optional.ofNullable(open.get(target));
        }
    }

    private void check() {
        List<SharedConsole> consoles;
        synchronized (open) {
            consoles = List.copyOf(open.values());
        }
        for (SharedConsole console : consoles) {
            try {
                if (console.idleFor(properties.idleTimeout())) {
                    end(console, ConsoleClose.IDLE_TIMEOUT);
                    continue;
                }
                // one answer per credential and console a round: a class of viewers under one account asks once
                Map<String, Optional<ConsoleClose>> answers = new HashMap<>();
                for (Viewer viewer : console.viewers()) {
                    Optional<ConsoleClose> revoked = answers.computeIfAbsent(viewer.caller().credential(),
                            credential -> access.revoked(viewer.caller(), console.target()));
                    if (revoked.isEmpty()) {
                        continue;
                    }
                    if (revoked.get() == ConsoleClose.PERMISSION_REVOKED) {
                        leave(console, viewer);
                        viewer.close(revoked.get());
                    } else { // the node or lab is gone for everyone
                        end(console, revoked.get());
                        break;
                    }
                }
            } catch (RuntimeException e) { // the database away for a moment: the next round asks again
                log.warn("console access check failed for {}: {}", console.target(), e.toString());
            }
        }
    }

    private void end(SharedConsole console, ConsoleClose why) {
        synchronized (open) {
            console.end(why);
            open.remove(console.target(), console);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * The service is stopping: every console closes with {@link ConsoleClose#SERVICE_STOPPING} (1001, going away), so
     * that its viewers reconnect to another replica. In the first lifecycle phase, while the web server still runs:
     * stopped later, it would drop the sockets without a close frame.
     */
    @Override
    public void stop() {
        running = false;
        List<SharedConsole> consoles;
        synchronized (open) {
            consoles = List.copyOf(open.values());
            open.clear();
        }
        consoles.forEach(c -> c.end(ConsoleClose.SERVICE_STOPPING));
        sender.shutdown(); // the close frames already handed to it are sent; bounded, as a close frame is small
        try {
            sender.awaitTermination(CLOSE_FRAMES_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        watch.shutdownNow();
        sender.shutdownNow();
    }

    /** Consoles open here and their viewers, by kind: what {@link ConsoleMeters} shows. */
    Map<ConsoleKind, ConsoleMeters.Open> openByKind() {
        Map<ConsoleKind, ConsoleMeters.Open> counts = new java.util.EnumMap<>(ConsoleKind.class);
        synchronized (open) {
            for (SharedConsole console : open.values()) {
                if (!console.ended()) {
                    counts.merge(console.target().kind(), new ConsoleMeters.Open(1, console.viewers().size()),
                            ConsoleMeters.Open::plus);
                }
            }
        }
        return counts;
    }
}
