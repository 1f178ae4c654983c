package dev.labforge.cluster.console;

import java.time.Duration;
import java.util.List;

/**
 * One node's console as all its viewers share it over one upstream connection (KubeVirt's consoles take one client
 * at a time): one viewer has the keyboard (the driver), the others watch, an instructor may take over. A serial
 * console is a byte stream fanned out as it is ({@link NodeConsole}); a VNC screen is an RFB conversation that
 * LabForge holds with each viewer and once with the node ({@link SharedScreen}). Both keep who is there, who drives
 * and the flow control that follows from it in one {@link Viewers}.
 */
interface SharedConsole {

    ConsoleTarget target();

    /** Opens the upstream connection; called once, before the first viewer joins. */
    void connect(ConsoleUpstreams.Opener upstreams);

    /** Adds the viewer (driving if nobody does, or if it is an instructor who asked to take over); false if refused. */
    boolean join(Viewer viewer, boolean take);

    /**
     * Input from a viewer. Returns once the upstream has room for more (the caller's socket is not read meanwhile);
     * false if it had none for too long, and the viewer should go.
     */
    boolean input(Viewer viewer, byte[] bytes);

    /** An instructor takes the keyboard; anyone may pick it up while nobody has it. */
    void takeOver(Viewer viewer);

    /**
     * The driver lets go of the keyboard: it goes back to whoever had it before them if they still watch (the
     * student an instructor took it from), else to nobody, and then to the first viewer who types.
     */
    void giveBack(Viewer viewer);

    /** The viewer left (closed its socket, or was closed). Returns true when nobody is left. */
    boolean leave(Viewer viewer);

    List<Viewer> viewers();

    boolean idleFor(Duration timeout);

    /** Closes every viewer with the reason, and the upstream. */
    void end(ConsoleClose why);

    boolean ended();
}
