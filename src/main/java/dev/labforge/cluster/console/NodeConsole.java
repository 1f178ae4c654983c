package dev.labforge.cluster.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;

/**
 * One node's serial console as every viewer shares it: one upstream connection (KubeVirt's consoles take one client at a
 * time), its output fanned out to each viewer, and a scrollback of the last screenful for whoever joins late.
 * One viewer at a time has the keyboard (the driver): the first to join, or an instructor (admin on the lab) who
 * takes it over; everyone else watches. Console bytes travel in binary messages; LabForge's own notices (your role,
 * who has the keyboard) in text messages, as one line of JSON each.
 */
final class NodeConsole implements SharedConsole {

    private final ConsoleTarget target;
    private final Scrollback scrollback;
    private final int maxViewers;
    private final Clock clock;
    private final Duration inputStall;
    private final List<Viewer> viewers = new ArrayList<>();
    private ConsoleUpstreams.Upstream upstream;
    private Viewer driver;
    /** Who had the keyboard before the driver took it: it goes back to them on give-back. */
    private Viewer previous;
    private Instant lastInput;
    private boolean ended;
    /** Output and the driver's keystrokes are recorded here where the lab's consoles are transcribed. */
    private Transcript transcript = Transcript.NONE;
    private java.util.function.Consumer<Transcript> transcriptEnded = t -> { };

    NodeConsole(ConsoleTarget target, int scrollbackBytes, int maxViewers, Clock clock) {
        this(target, scrollbackBytes, maxViewers, clock, Duration.ofSeconds(10));
    }

    NodeConsole(ConsoleTarget target, int scrollbackBytes, int maxViewers, Clock clock, Duration inputStall) {
        this.inputStall = inputStall;
        this.target = target;
        this.scrollback = new Scrollback(scrollbackBytes);
        this.maxViewers = maxViewers;
        this.clock = clock;
        this.lastInput = clock.instant();
    }

    /** Who drives and the upstream's state, for a failure message. */
    @Override
    public synchronized String toString() {
        return "NodeConsole[" + target + ", driver=" + (driver == null ? null : driver.id()) + ", upstream=" + upstream
                + "]";
    }

    @Override
    public ConsoleTarget target() {
        return target;
    }

    /** Records this session into the transcript, handed to {@code ended} when the console ends. */
    synchronized void transcribe(Transcript transcript, java.util.function.Consumer<Transcript> ended) {
        this.transcript = transcript;
        this.transcriptEnded = ended;
    }

    @Override
    public synchronized void connect(ConsoleUpstreams.Opener upstreams) {
        upstream = upstreams.open(target, this::output, this::end);
    }

    /** Adds the viewer: first the scrollback, then live output. False if the console is full or over. */
    @Override
    public synchronized boolean join(Viewer viewer, boolean take) {
        if (ended || viewers.size() >= maxViewers) {
            viewer.close(ended ? ConsoleClose.CONSOLE_ENDED : ConsoleClose.TOO_MANY_VIEWERS);
            return false;
        }
        viewers.add(viewer);
        viewer.onDrained(() -> drained(viewer));
        boolean drives = driver == null || (take && viewer.instructor());
        byte[] recent = scrollback.snapshot();
        if (recent.length > 0) {
            viewer.offer(new BinaryMessage(recent));
        }
        if (drives) {
            handOver(viewer);
        } else {
            notice(viewer, "{\"console\":\"joined\",\"role\":\"watcher\",\"driver\":\"" + driver.caller().username()
                    + "\"}");
        }
        return true;
    }

    /**
     * Keystrokes from a viewer: passed on only from the driver. Returns once the upstream has room for more (the
     * caller's socket is not read meanwhile); false if it had none for {@code inputStall}, and the viewer should go.
     */
    @Override
    public boolean input(Viewer viewer, byte[] bytes) {
        ConsoleUpstreams.Upstream to;
        synchronized (this) {
            if (ended) {
                return true;
            }
            if (driver == null) { // nobody has the keyboard: the first to type takes it
                handOver(viewer);
            }
            if (viewer != driver) {
                notice(viewer, "{\"console\":\"read-only\",\"detail\":\"you are watching; "
                        + (viewer.instructor() ? "send {\\\"console\\\":\\\"take-over\\\"} to type"
                        : "the keyboard is with " + (driver == null ? "nobody" : driver.caller().username())) + "\"}");
                return true;
            }
            lastInput = clock.instant();
            upstream.send(bytes);
            transcript.input(bytes);
            to = upstream;
        }
        return to.awaitCapacity(inputStall);
    }

    /** An instructor takes the keyboard; anyone may pick it up while nobody has it. */
    @Override
    public synchronized void takeOver(Viewer viewer) {
        if (viewer == driver || ended) {
            return;
        }
        if (driver != null && !viewer.instructor()) {
            notice(viewer, "{\"console\":\"refused\",\"detail\":\"only an instructor (admin on the lab) may take"
                    + " the keyboard from " + driver.caller().username() + "\"}");
            return;
        }
        handOver(viewer);
    }

    @Override
    public synchronized void giveBack(Viewer viewer) {
        if (viewer != driver || ended) {
            return;
        }
        Viewer back = previous != null && viewers.contains(previous) ? previous : null;
        previous = null;
        if (back != null) {
            handOver(back);
            previous = null;
            return;
        }
        driver = null;
        resume();
        for (Viewer each : viewers) {
            notice(each, "{\"console\":\"control\",\"role\":\"watcher\",\"driver\":\"\"}");
        }
    }

    /** The viewer left (closed its socket, or was closed). Returns true when nobody is left. */
    @Override
    public synchronized boolean leave(Viewer viewer) {
        viewers.remove(viewer);
        if (viewer == previous) {
            previous = null;
        }
        if (viewer == driver) {
            driver = null;
            resume();
        }
        return viewers.isEmpty();
    }

    @Override
    public synchronized List<Viewer> viewers() {
        return List.copyOf(viewers);
    }

    @Override
    public synchronized boolean idleFor(Duration timeout) {
        return !clock.instant().isBefore(lastInput.plus(timeout));
    }

    /** Closes every viewer with the reason, and the upstream. */
    @Override
    public synchronized void end(ConsoleClose why) {
        if (ended) {
            return;
        }
        ended = true;
        transcriptEnded.accept(transcript);
        viewers.forEach(v -> v.close(why));
        viewers.clear();
        driver = null;
        if (upstream != null) {
            upstream.close();
        }
    }

    @Override
    public synchronized boolean ended() {
        return ended;
    }

    private void output(byte[] bytes) {
        List<Viewer> slow = new ArrayList<>();
        synchronized (this) {
            scrollback.append(bytes);
            transcript.output(bytes);
            for (Viewer viewer : viewers) {
                if (!viewer.offer(new BinaryMessage(bytes))) {
                    slow.add(viewer);
                }
            }
            slow.forEach(this::leave);
            // the typist must see everything: while their queue is half full, read no more from the node (a
            // watcher that falls behind is closed instead, so that no watcher holds back the others)
            if (driver != null && upstream != null && driver.backlogged()) {
                upstream.pause();
            }
        }
        slow.forEach(v -> v.close(ConsoleClose.TOO_SLOW));
    }

    private synchronized void drained(Viewer viewer) {
        if (viewer == driver) {
            resume();
        }
    }

    private void resume() {
        if (upstream != null) {
            upstream.resume();
        }
    }

    private void handOver(Viewer viewer) {
        Viewer before = driver;
        previous = before;
        driver = viewer;
        resume();
        String name = viewer.caller().username();
        for (Viewer each : viewers) {
            String role = each == viewer ? "driver" : "watcher";
            notice(each, "{\"console\":\"" + (each == viewer && before == null ? "joined" : "control")
                    + "\",\"role\":\"" + role + "\",\"driver\":\"" + name + "\"}");
        }
    }

    private void notice(Viewer viewer, String json) {
        viewer.offer(new TextMessage(json.getBytes(StandardCharsets.UTF_8)));
    }
}
