package dev.labforge.cluster.console;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
    private final Duration inputStall;
    private final Viewers viewers;
    private ConsoleUpstreams.Upstream upstream;
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
        this.viewers = new Viewers(this, maxViewers, clock);
    }

    /** Who drives and the upstream's state, for a failure message. */
    @Override
    public synchronized String toString() {
        Viewer driver = viewers.driver();
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
        viewers.upstream(upstream);
    }

    /** Adds the viewer: first the scrollback, then live output. False if the console is full or over. */
    @Override
    public synchronized boolean join(Viewer viewer, boolean take) {
        if (!viewers.admit(viewer, ended)) {
            return false;
        }
        boolean drives = viewers.drivesOnJoin(viewer, take);
        byte[] recent = scrollback.snapshot();
        if (recent.length > 0) {
            viewer.offer(new BinaryMessage(recent));
        }
        if (drives) {
            handOver(viewer);
        } else {
            notice(viewer, "{\"console\":\"joined\",\"role\":\"watcher\",\"driver\":\""
                    + viewers.driver().caller().username() + "\"}");
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
            if (viewers.driver() == null) { // nobody has the keyboard: the first to type takes it
                handOver(viewer);
            }
            Viewer driver = viewers.driver();
            if (viewer != driver) {
                notice(viewer, "{\"console\":\"read-only\",\"detail\":\"you are watching; "
                        + (viewer.instructor() ? "send {\\\"console\\\":\\\"take-over\\\"} to type"
                        : "the keyboard is with " + (driver == null ? "nobody" : driver.caller().username())) + "\"}");
                return true;
            }
            viewers.typed();
            upstream.send(bytes);
            transcript.input(bytes);
            to = upstream;
        }
        return to.awaitCapacity(inputStall);
    }

    /** An instructor takes the keyboard; anyone may pick it up while nobody has it. */
    @Override
    public synchronized void takeOver(Viewer viewer) {
        if (viewer == viewers.driver() || ended) {
            return;
        }
        if (!viewers.mayTake(viewer)) {
            notice(viewer, "{\"console\":\"refused\",\"detail\":\"only an instructor (admin on the lab) may take"
                    + " the keyboard from " + viewers.driver().caller().username() + "\"}");
            return;
        }
        handOver(viewer);
    }

    @Override
    public synchronized void giveBack(Viewer viewer) {
        if (viewer != viewers.driver() || ended) {
            return;
        }
        Viewer back = viewers.giveBack(viewer);
        if (back != null) {
            announce(back, viewer);
            return;
        }
        for (Viewer each : viewers.list()) {
            notice(each, "{\"console\":\"control\",\"role\":\"watcher\",\"driver\":\"\"}");
        }
    }

    /** The viewer left (closed its socket, or was closed). Returns true when nobody is left. */
    @Override
    public synchronized boolean leave(Viewer viewer) {
        return viewers.remove(viewer);
    }

    @Override
    public synchronized List<Viewer> viewers() {
        return viewers.list();
    }

    @Override
    public synchronized boolean idleFor(Duration timeout) {
        return viewers.idleFor(timeout);
    }

    /** Closes every viewer with the reason, and the upstream. */
    @Override
    public synchronized void end(ConsoleClose why) {
        if (ended) {
            return;
        }
        ended = true;
        transcriptEnded.accept(transcript);
        viewers.closeAll(why);
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
            for (Viewer viewer : viewers.list()) {
                if (!viewers.offer(viewer, new BinaryMessage(bytes))) {
                    slow.add(viewer);
                }
            }
            slow.forEach(this::leave);
            viewers.paceAfterOutput();
        }
        slow.forEach(v -> v.close(ConsoleClose.TOO_SLOW));
    }

    private void handOver(Viewer viewer) {
        announce(viewer, viewers.handOver(viewer));
    }

    /** Tells everyone who drives now; the new driver hears "joined" when nobody had the keyboard before. */
    private void announce(Viewer viewer, Viewer previous) {
        String name = viewer.caller().username();
        for (Viewer each : viewers.list()) {
            String role = each == viewer ? "driver" : "watcher";
            notice(each, "{\"console\":\"" + (each == viewer && previous == null ? "joined" : "control")
                    + "\",\"role\":\"" + role + "\",\"driver\":\"" + name + "\"}");
        }
    }

    private void notice(Viewer viewer, String json) {
        viewer.offer(new TextMessage(json.getBytes(StandardCharsets.UTF_8)));
    }
}
