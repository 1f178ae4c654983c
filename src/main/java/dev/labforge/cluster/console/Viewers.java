package dev.labforge.cluster.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.socket.WebSocketMessage;

/**
 * Who is at one shared console and who has its keyboard, and the flow control that follows from it: what a serial
 * console and a VNC screen share. Viewers are admitted up to a bound; the first to join drives, an instructor may
 * take over, anyone may pick the keyboard up while nobody has it. Output goes to a watcher within its queue's bound
 * (a watcher that cannot keep up is the console's to close), and to the driver past it: the driver's backlog pauses
 * the node instead, and only the driver's queue, asked under the console's lock, lets it read on.
 *
 * <p>Not thread-safe on its own: every call is made holding {@code lock}, the console's monitor, which this takes
 * itself for the viewers' drained notices.
 */
final class Viewers {

    private final Object lock;
    private final int max;
    private final List<Viewer> all = new ArrayList<>();
    private ConsoleUpstreams.Upstream upstream;
    private Viewer driver;
    /** Who had the keyboard before the driver took it: it goes back to them on give-back. */
    private Viewer previous;

    private final Clock clock;
    private Instant lastInput;

    Viewers(Object lock, int max, Clock clock) {
        this.lock = lock;
        this.max = max;
        this.clock = clock;
        this.lastInput = clock.instant();
    }

    /** The driver's input went to the node now: the console is not idle. */
    void typed() {
        lastInput = clock.instant();
    }

    /** Whether nobody has typed for {@code timeout} (counted from the console's start before anyone has). */
    boolean idleFor(Duration timeout) {
        return !clock.instant().isBefore(lastInput.plus(timeout));
    }

    /** The node's connection, once open: what a backlogged driver pauses. */
    void upstream(ConsoleUpstreams.Upstream upstream) {
        this.upstream = upstream;
    }

    /** Lets the viewer in unless the console is over or full; a viewer refused is closed saying which. */
    boolean admit(Viewer viewer, boolean ended) {
        if (ended || all.size() >= max) {
            viewer.close(ended ? ConsoleClose.CONSOLE_ENDED : ConsoleClose.TOO_MANY_VIEWERS);
            return false;
        }
        all.add(viewer);
        viewer.onDrained(() -> {
            synchronized (lock) {
                drained(viewer);
            }
        });
        return true;
    }

    /** Whether a viewer joining now drives: nobody does, or it is an instructor who asked to take over. */
    boolean drivesOnJoin(Viewer viewer, boolean take) {
        return driver == null || (take && viewer.instructor());
    }

    /** Whether the viewer may take the keyboard now: nobody has it, or it is an instructor. */
    boolean mayTake(Viewer viewer) {
        return driver == null || viewer.instructor();
    }

    /** Gives the viewer the keyboard and reads on for it; returns who had it. */
    Viewer handOver(Viewer viewer) {
        previous = driver;
        driver = viewer;
        resume();
        return previous;
    }

    /**
     * The driver lets go of the keyboard: it goes back to whoever had it before them if they are still here (the
     * student an instructor took it from), else to nobody, and then to the first viewer who types. Returns the new
     * driver (null for nobody); a viewer that is not the driver changes nothing.
     */
    Viewer giveBack(Viewer viewer) {
        if (viewer != driver) {
            return driver;
        }
        Viewer back = previous != null && all.contains(previous) ? previous : null;
        previous = null;
        driver = back;
        resume();
        return back;
    }

    Viewer driver() {
        return driver;
    }

    boolean contains(Viewer viewer) {
        return all.contains(viewer);
    }

    /** The viewers, in the order they joined. */
    List<Viewer> list() {
        return List.copyOf(all);
    }

    /** The viewer left or is let go; if it drove, nobody does now. Returns true when nobody is left. */
    boolean remove(Viewer viewer) {
        all.remove(viewer);
        if (viewer == previous) {
            previous = null;
        }
        if (viewer == driver) {
            driver = null;
            resume();
        }
        return all.isEmpty();
    }

    /** Everyone goes (the console ended), closed with the reason. */
    void closeAll(ConsoleClose why) {
        all.forEach(v -> v.close(why));
        all.clear();
        driver = null;
        previous = null;
    }

    /**
     * Queues output for the viewer: a watcher within its bound, the driver past it (see {@link Viewer#offerDriving}).
     * False when the viewer cannot take it and should be let go as too slow.
     */
    boolean offer(Viewer viewer, WebSocketMessage<?> message) {
        return viewer == driver ? viewer.offerDriving(message) : viewer.offer(message);
    }

    /**
     * After output was fanned out: the driver must see everything, so while its queue is half full the node is read no
     * further (a watcher that falls behind is closed instead, so that no watcher holds back the others).
     */
    void paceAfterOutput() {
        if (driver != null && upstream != null && driver.backlogged()) {
            upstream.pause();
        }
    }

    /**
     * The viewer's queue went down. The notice was taken before more output may have been queued for it: read on only
     * if the driver is not backlogged now (a stale notice lifting a newer pause let more through than its queue holds,
     * and the typist was closed as a slow watcher).
     */
    private void drained(Viewer viewer) {
        if (viewer == driver) {
            resume();
        }
    }

    /** Reads on from the node unless the driver is backlogged (it then says when it has sent enough). */
    private void resume() {
        if (upstream != null && (driver == null || !driver.backlogged())) {
            upstream.resume();
        }
    }
}
