package dev.labforge.cluster.console;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.socket.BinaryMessage;

/**
 * One node's VNC screen shared by several viewers over the one RFB connection the node takes (KubeVirt's vnc
 * subresource serves one client). LabForge ends RFB on both sides (RFC 6143): it does the handshake with the node
 * once ({@link RfbNodeHandshake}), fixing one pixel format and a set of encodings whose messages can be framed and
 * understood by a viewer joining later, and does each viewer's handshake itself ({@link ScreenViewer}), replaying
 * the node's ServerInit. From then on:
 * <ul>
 *   <li>the server's messages go to every viewer that asked for updates, whole: one joining mid-stream is let in at
 *   the next message boundary ({@link RfbServerStream}), and a full (non-incremental) update is asked for it;</li>
 *   <li>key, pointer and cut-text events go to the node from the driver only; a watcher's are dropped. While nobody
 *   drives, the first viewer to send input takes the keyboard (a VNC client has no way to ask for it);</li>
 *   <li>update requests from any viewer are merged: at most one incremental request waits at the node;</li>
 *   <li>a viewer that asks for another pixel format or lacks a shared encoding is closed saying so, as is one whose
 *   send queue would pass its bound (a slow watcher), so that none is buffered without bound.</li>
 * </ul>
 */
final class SharedScreen implements SharedConsole {

    private final ConsoleTarget target;
    private final int maxMessage;
    private final Duration inputStall;
    /** Who is here and who drives; the RFB state of each is in {@link #screens}. */
    private final Viewers viewers;
    private final Map<Viewer, ScreenViewer> screens = new LinkedHashMap<>();
    private final RfbNodeHandshake handshake = new RfbNodeHandshake(this::toNode);
    /** The node's bytes not yet relayed: they are taken one chunk at a time, never from inside another. */
    private final ArrayDeque<byte[]> fromNode = new ArrayDeque<>();
    private boolean relaying;
    private RfbServerStream stream;
    private ConsoleUpstreams.Upstream upstream;
    /** The update count when LabForge last asked the node for one: while unchanged, a request waits there. */
    private long requestedAt = -1;
    private boolean ended;

    SharedScreen(ConsoleTarget target, int maxViewers, int maxMessage, Clock clock, Duration inputStall) {
        this.target = target;
        this.viewers = new Viewers(this, maxViewers, clock);
        this.maxMessage = maxMessage;
        this.inputStall = inputStall;
    }

    @Override
    public ConsoleTarget target() {
        return target;
    }

    @Override
    public synchronized void connect(ConsoleUpstreams.Opener upstreams) {
        relaying = true; // a node that speaks first, inside open, is heard once the upstream is known
        try {
            upstream = upstreams.open(target, this::received, this::end);
            viewers.upstream(upstream);
        } finally {
            relaying = false;
        }
        relay();
    }

    @Override
    public synchronized boolean join(Viewer viewer, boolean take) {
        if (!viewers.admit(viewer, ended)) {
            return false;
        }
        screens.put(viewer, new ScreenViewer(viewer, maxMessage));
        if (viewers.drivesOnJoin(viewer, take)) {
            viewers.handOver(viewer);
        }
        return true;
    }

    @Override
    public boolean input(Viewer viewer, byte[] bytes) {
        ConsoleUpstreams.Upstream to;
        synchronized (this) {
            ScreenViewer screenViewer = screens.get(viewer);
            if (ended || screenViewer == null) {
                return true;
            }
            boolean outer = !relaying;
            relaying = true;
            try {
                handle(screenViewer, screenViewer.receive(bytes, screen()));
            } catch (RfbRefused refused) {
                refuse(screenViewer, refused);
            } finally {
                relaying = !outer;
            }
            if (outer) {
                relay();
            }
            if (viewer != viewers.driver() || upstream == null) {
                return true;
            }
            to = upstream;
        }
        return to.awaitCapacity(inputStall);
    }

    @Override
    public synchronized void takeOver(Viewer viewer) {
        if (viewer == viewers.driver() || ended || !viewers.contains(viewer)) {
            return;
        }
        if (viewers.mayTake(viewer)) { // an RFB client cannot be told no: it just keeps watching
            viewers.handOver(viewer);
        }
    }

    @Override
    public synchronized void giveBack(Viewer viewer) {
        if (!ended) {
            viewers.giveBack(viewer); // nobody: the first viewer to send input takes it
        }
    }

    @Override
    public synchronized boolean leave(Viewer viewer) {
        ScreenViewer gone = screens.remove(viewer);
        if (gone != null) {
            gone.over();
        }
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

    @Override
    public synchronized void end(ConsoleClose why) {
        if (ended) {
            return;
        }
        ended = true;
        viewers.closeAll(why);
        screens.clear();
        fromNode.clear();
        if (upstream != null) {
            upstream.close();
        }
    }

    @Override
    public synchronized boolean ended() {
        return ended;
    }

    /** Whose input reaches the node. */
    synchronized Viewer driver() {
        return viewers.driver();
    }

    private synchronized void received(byte[] bytes) {
        if (ended) {
            return;
        }
        fromNode.add(bytes);
        if (!relaying) {
            relay();
        }
    }

    private void relay() {
        relaying = true;
        try {
            byte[] chunk;
            while (!ended && (chunk = fromNode.poll()) != null) {
                relayChunk(chunk);
            }
        } catch (RfbRefused refused) {
            end(refused.close());
        } finally {
            relaying = false;
        }
    }

    private void relayChunk(byte[] chunk) {
        int at = 0;
        if (stream == null) {
            at = handshake.feed(chunk, 0);
            if (at < 0) {
                return;
            }
            stream = new RfbServerStream(handshake.screen().width(), handshake.screen().height());
            for (ScreenViewer waiting : List.copyOf(screens.values())) {
                handleRefusing(waiting, () -> waiting.screenKnown(screen()));
            }
        }
        while (at < chunk.length && !ended) {
            if (stream.atBoundary()) {
                admitWaiting();
            }
            int end = -1;
            if (screens.values().stream().anyMatch(ScreenViewer::waiting)) {
                end = stream.feed(chunk, at); // up to the next boundary, where they come in
            } else {
                stream.feedAll(chunk, at);
            }
            int to = end < 0 ? chunk.length : end;
            fanOut(at == 0 && to == chunk.length ? chunk : Arrays.copyOfRange(chunk, at, to));
            at = to;
        }
        if (stream.atBoundary()) {
            admitWaiting();
        }
    }

    private void fanOut(byte[] bytes) {
        List<ScreenViewer> slow = new ArrayList<>();
        for (ScreenViewer each : screens.values()) {
            if (each.live() && !viewers.offer(each.viewer(), new BinaryMessage(bytes))) {
                slow.add(each);
            }
        }
        for (ScreenViewer each : slow) {
            leave(each.viewer());
            each.viewer().close(ConsoleClose.TOO_SLOW);
        }
        viewers.paceAfterOutput();
    }

    private void admitWaiting() {
        screens.values().stream().filter(ScreenViewer::waiting).forEach(ScreenViewer::admit);
    }

    private void handleRefusing(ScreenViewer viewer, java.util.function.Supplier<List<byte[]>> messages) {
        try {
            handle(viewer, messages.get());
        } catch (RfbRefused refused) {
            refuse(viewer, refused);
        }
    }

    /** A viewer's whole messages, after its handshake (RFC 6143 7.5). */
    private void handle(ScreenViewer viewer, List<byte[]> messages) {
        for (byte[] message : messages) {
            if (ended || !screens.containsKey(viewer.viewer())) {
                return;
            }
            switch (message[0]) {
                case 0 -> {
                    if (!Rfb.isSharedFormat(message)) {
                        throw new RfbRefused(ConsoleClose.VNC_PIXEL_FORMAT, "SetPixelFormat "
                                + Arrays.toString(Arrays.copyOfRange(message, 4, 17)));
                    }
                }
                case 2 -> viewer.acceptEncodings(message); // never passed on: the node has the shared set
                case 3 -> updateRequested(viewer, message[1] != 0);
                default -> driverInput(viewer, message); // KeyEvent, PointerEvent, ClientCutText
            }
        }
    }

    private void updateRequested(ScreenViewer viewer, boolean incremental) {
        if (!viewer.encodingsAccepted()) {
            throw new RfbRefused(ConsoleClose.VNC_ENCODINGS, "an update request before SetEncodings (Raw only)");
        }
        RfbNodeHandshake.Screen screen = screen();
        if (!viewer.live()) {
            boolean first = !viewer.waiting();
            viewer.requested();
            if (stream.atBoundary()) {
                viewer.admit();
            }
            if (first) { // a full frame for the newcomer (everyone gets it: the stream is one)
                ask(false, screen);
            }
        } else if (!incremental || requestedAt < stream.updates()) {
            ask(incremental, screen);
        }
    }

    private void ask(boolean incremental, RfbNodeHandshake.Screen screen) {
        requestedAt = stream.updates();
        toNode(Rfb.updateRequest(incremental, screen.width(), screen.height()));
    }

    private void driverInput(ScreenViewer viewer, byte[] message) {
        if (viewers.driver() == null) {
            viewers.handOver(viewer.viewer());
        }
        if (viewer.viewer() != viewers.driver()) {
            return; // a watcher's keys and pointer stop here
        }
        viewers.typed();
        toNode(message);
    }

    private void refuse(ScreenViewer viewer, RfbRefused refused) {
        leave(viewer.viewer());
        viewer.viewer().close(refused.close());
    }

    /** The node's screen as a viewer's ServerInit gives it: today's size; null until LabForge's handshake is over. */
    private RfbNodeHandshake.Screen screen() {
        return stream == null ? null
                : new RfbNodeHandshake.Screen(stream.width(), stream.height(), handshake.screen().name());
    }

    private void toNode(byte[] bytes) {
        upstream.send(bytes);
    }
}
