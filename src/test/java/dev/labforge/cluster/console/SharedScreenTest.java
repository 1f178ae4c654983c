package dev.labforge.cluster.console;

import static dev.labforge.cluster.console.FakeSockets.await;
import static dev.labforge.cluster.console.FakeSockets.caller;
import static dev.labforge.cluster.console.FakeSockets.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;

/**
 * One VNC screen, several viewers, one RFB connection to the node (here the simulated RFB server, with what LabForge
 * sends it recorded): the same frames for all, input from the driver only, take-over, a late joiner let in at a
 * message boundary with a full frame, one pixel format and encoding set, bounded queues.
 */
class SharedScreenTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ConsoleTarget TARGET = new ConsoleTarget(UUID.randomUUID(), "r1", ConsoleKind.VNC);
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();
    /** Everything LabForge sent the node, one entry per send. */
    private final List<byte[]> toNode = new ArrayList<>();
    /** While set, the node's output waits here instead of reaching the screen (a stream in mid-flight). */
    private volatile List<byte[]> heldBack;
    private Consumer<byte[]> nodeOutput;
    private SharedScreen screen;

    @AfterEach
    void stop() {
        sender.shutdownNow();
    }

    @Test
    void twoViewersShareOneHandshakeWithTheNodeAndSeeTheSameFrame() {
        open();
        ScreenClient student = join(false, 1 << 20);
        ScreenClient teacher = join(false, 1 << 20);
        int[] size = student.handshake();
        assertThat(teacher.handshake()).containsExactly(size);
        teacher.send(RfbMessages.updateRequest(true, size[0], size[1])); // its first: a full frame comes for it
        byte[] first = teacher.readUpdate();
        student.send(RfbMessages.updateRequest(false, size[0], size[1]));
        byte[] frame = student.readUpdate();
        assertThat(frame).isEqualTo(first);
        assertThat(teacher.readUpdate()).as("what the student asked for, the teacher sees").isEqualTo(frame);

        List<byte[]> sent = sent();
        assertThat(sent.stream().filter(m -> Arrays.equals(m, Rfb.VERSION))).as("one handshake with the node")
                .hasSize(1);
        assertThat(sent).as("the shared format and encodings, not noVNC's stateful ones").anySatisfy(
                m -> assertThat(m).isEqualTo(Rfb.setEncodings()));
        assertThat(sent).noneSatisfy(m -> assertThat(m[0] == 2 && m.length == 4 + 4 * RfbMessages.NOVNC_ENCODINGS
                .length).isTrue());
    }

    @Test
    void aWatchersKeysAndPointerNeverReachTheNodeButTheDriversDo() {
        open();
        ScreenClient student = join(false, 1 << 20);
        ScreenClient watcher = join(false, 1 << 20);
        student.handshake();
        watcher.handshake();
        watcher.send(RfbMessages.concat(RfbMessages.key(0x61, true), RfbMessages.pointer(1, 10, 10),
                RfbMessages.cutText("watcher")));
        student.send(RfbMessages.key(0x62, true));
        assertThat(sent()).anySatisfy(m -> assertThat(m).isEqualTo(RfbMessages.key(0x62, true)))
                .noneSatisfy(m -> assertThat(m).isEqualTo(RfbMessages.key(0x61, true)))
                .noneSatisfy(m -> assertThat(m[0]).isIn((byte) 5, (byte) 6));
        assertThat(screen.driver()).isSameAs(student.viewer);
    }

    @Test
    void anInstructorTakesOverAndTheRolesSwap() {
        open();
        ScreenClient student = join(false, 1 << 20);
        ScreenClient teacher = new ScreenClient(screen, true, 1 << 20, null, sender);
        screen.join(teacher.viewer, false);
        student.handshake();
        teacher.handshake();
        teacher.send(RfbMessages.key(0x61, true));
        assertThat(sent()).noneSatisfy(m -> assertThat(m).isEqualTo(RfbMessages.key(0x61, true)));

        screen.takeOver(teacher.viewer);
        teacher.send(RfbMessages.key(0x62, true));
        student.send(RfbMessages.key(0x63, true));
        assertThat(sent()).anySatisfy(m -> assertThat(m).isEqualTo(RfbMessages.key(0x62, true)))
                .noneSatisfy(m -> assertThat(m).isEqualTo(RfbMessages.key(0x63, true)));

        screen.takeOver(student.viewer); // not an instructor: the keyboard stays
        student.send(RfbMessages.key(0x64, true));
        assertThat(sent()).noneSatisfy(m -> assertThat(m).isEqualTo(RfbMessages.key(0x64, true)));
        assertThat(screen.driver()).isSameAs(teacher.viewer);

        screen.giveBack(student.viewer); // only the driver can give it back
        assertThat(screen.driver()).isSameAs(teacher.viewer);
        screen.giveBack(teacher.viewer); // back to the student it was taken from
        assertThat(screen.driver()).isSameAs(student.viewer);
        student.send(RfbMessages.key(0x65, true));
        teacher.send(RfbMessages.key(0x66, true));
        assertThat(sent()).anySatisfy(m -> assertThat(m).isEqualTo(RfbMessages.key(0x65, true)))
                .noneSatisfy(m -> assertThat(m).isEqualTo(RfbMessages.key(0x66, true)));
    }

    @Test
    void aViewerJoiningMidStreamIsLetInAtTheNextMessageAndGetsAFullFrame() {
        open();
        ScreenClient first = join(false, 1 << 20);
        int[] size = first.handshake();
        heldBack = new ArrayList<>();
        first.send(RfbMessages.updateRequest(false, size[0], size[1]));
        byte[] whole = heldBack.removeFirst();
        int half = whole.length / 2;
        nodeOutput.accept(Arrays.copyOf(whole, half)); // half a frame has gone out

        ScreenClient late = join(false, 1 << 20);
        late.handshake();
        late.send(RfbMessages.updateRequest(true, size[0], size[1])); // asks for changes only, like a reconnect
        nodeOutput.accept(Arrays.copyOfRange(whole, half, whole.length));
        List<byte[]> next = heldBack;
        heldBack = null;
        next.forEach(nodeOutput);

        assertThat(first.readUpdate()).isEqualTo(whole);
        assertThat(late.readUpdate()).as("not the tail of the frame in flight, but a full one asked for it")
                .isEqualTo(whole);
        assertThat(sent()).filteredOn(m -> m[0] == 3).extracting(m -> (int) m[1]).as("update requests sent, "
                + "1 = incremental").containsExactly(0, 0);
        assertThat(first.readUpdate()).as("the full frame is everyone's").isEqualTo(whole);
    }

    @Test
    void anotherPixelFormatIsRefusedWithAReason() {
        open();
        ScreenClient viewer = join(false, 1 << 20);
        viewer.handshake(false);
        viewer.send(RfbMessages.pixelFormat(16, 16, 11, 5, 0));
        assertThat(viewer.closed.join()).isEqualTo(ConsoleClose.VNC_PIXEL_FORMAT.status());
        assertThat(viewer.closed.join().getReason()).contains("32-bit true colour");
    }

    @Test
    void aClientWithoutTheSharedEncodingsIsRefusedWithAReason() {
        open();
        ScreenClient viewer = join(false, 1 << 20);
        viewer.handshake(false);
        viewer.send(RfbMessages.concat(RfbMessages.noVncPixelFormat(), RfbMessages.encodings(16, 0)));
        assertThat(viewer.closed.join()).isEqualTo(ConsoleClose.VNC_ENCODINGS.status());
        assertThat(screen.viewers()).isEmpty();
    }

    @Test
    void aWatcherThatFallsBehindIsClosedNotBufferedWithoutBound() throws Exception {
        open();
        ScreenClient driver = join(false, 1 << 20);
        CountDownLatch never = new CountDownLatch(1);
        ScreenClient stuck = new ScreenClient(screen, false, 64 * 1024, never, sender);
        screen.join(stuck.viewer, false);
        int[] size = driver.handshake();
        stuck.handshakeBlind();
        stuck.send(RfbMessages.updateRequest(false, size[0], size[1]));
        driver.send(RfbMessages.updateRequest(false, size[0], size[1]));
        driver.readUpdate(); // a 230 KB frame: more than the stuck watcher may have queued
        assertThat(stuck.closed.get(20, TimeUnit.SECONDS)).isEqualTo(ConsoleClose.TOO_SLOW.status());
        assertThat(screen.viewers()).containsExactly(driver.viewer);
        never.countDown();
    }

    private void open() {
        screen = new SharedScreen(TARGET, 8, 64 * 1024, Clock.systemUTC(), Duration.ofSeconds(5));
        screen.connect((target, output, ended) -> {
            nodeOutput = output;
            SimulatedRfbServer node = new SimulatedRfbServer(target.node(), "frr", bytes -> {
                List<byte[]> held = heldBack;
                if (held != null) {
                    held.add(bytes);
                } else {
                    output.accept(bytes);
                }
            }, ended);
            return new ConsoleUpstreams.Upstream() {
                @Override
                public void send(byte[] input) {
                    synchronized (toNode) {
                        toNode.add(input.clone());
                    }
                    node.send(input);
                }

                @Override
                public void close() {
                    node.close();
                }
            };
        });
    }

    private List<byte[]> sent() {
        synchronized (toNode) {
            return List.copyOf(toNode);
        }
    }

    private ScreenClient join(boolean instructor, long bound) {
        ScreenClient client = new ScreenClient(screen, instructor, bound, null, sender);
        assertThat(screen.join(client.viewer, false)).isTrue();
        return client;
    }
}
