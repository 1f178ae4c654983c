package dev.labforge.cluster.console;

import static dev.labforge.cluster.console.FakeSockets.await;
import static dev.labforge.cluster.console.FakeSockets.caller;
import static dev.labforge.cluster.console.FakeSockets.session;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vertx.core.http.ServerWebSocket;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * The real-cluster console path against a server that plays KubeVirt's subresource (the fabric8 mock cannot): the
 * path, the subprotocol and LabForge's own credentials; bytes relayed unchanged both ways; flow control both ways;
 * closes on either side reaching the other with a reason; a VMI that is not running refused before the upgrade and
 * told to the viewer as a readable close.
 */
class KubeVirtConsoleTest {

    private static final String TOKEN = "labforge-service-account-token";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String NS = "lab-0123456789abcdef";

    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();
    private KubeVirtSubresourceServer server;
    private KubernetesClient client;

    @BeforeEach
    void start() throws Exception {
        server = new KubeVirtSubresourceServer(TOKEN);
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(server.url())
                .withOauthToken(TOKEN).withNamespace("default").build()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
        sender.shutdownNow();
    }

    @Test
    void relaysEveryByteBothWaysWithLabForgesCredentialsAndTheKubeVirtSubprotocol() throws Exception {
        server.run(NS, "r1");
        NodeConsole console = console("r1", ConsoleKind.SERIAL, 64 * 1024, Duration.ofSeconds(10));
        ByteArrayOutputStream seenByDriver = new ByteArrayOutputStream();
        ByteArrayOutputStream seenByWatcher = new ByteArrayOutputStream();
        Viewer driver = viewer(seenByDriver, new CompletableFuture<>(), 64 * 1024);
        Viewer watcher = viewer(seenByWatcher, new CompletableFuture<>(), 64 * 1024);
        console.join(driver, false);
        console.join(watcher, false);

        byte[] everyByte = new byte[256 * 4];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        assertThat(console.input(driver, everyByte)).isTrue();
        await("the echo at both viewers", WAIT, () -> size(seenByDriver) == everyByte.length
                && size(seenByWatcher) == everyByte.length, () -> size(seenByDriver) + "/" + size(seenByWatcher));

        assertThat(server.received()).isEqualTo(everyByte);
        assertThat(bytes(seenByDriver)).isEqualTo(everyByte);
        assertThat(bytes(seenByWatcher)).isEqualTo(everyByte);
        assertThat(server.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/apis/subresources.kubevirt.io/v1/namespaces/" + NS
                    + "/virtualmachineinstances/r1/console");
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(request.offeredProtocols()).contains(KubeVirtConsole.SUBPROTOCOL);
            assertThat(request.status()).isEqualTo(101);
        });
        assertThat(server.sockets()).singleElement()
                .satisfies(socket -> assertThat(socket.subProtocol()).isEqualTo(KubeVirtConsole.SUBPROTOCOL));
    }

    @Test
    void aVncScreenIsSharedOverOneConnectionToTheVncSubresource() {
        server.run(NS, "r1");
        server.serveRfb(true);
        SharedScreen screen = new SharedScreen(new ConsoleTarget(UUID.randomUUID(), "r1", ConsoleKind.VNC), 8,
                64 * 1024, Clock.systemUTC(), Duration.ofSeconds(10));
        screen.connect((t, output, ended) -> KubeVirtConsole.open(KubeVirtConsole.dialler(client.getHttpClient()),
                KubeVirtConsole.uri(client.getMasterUrl().toString(), NS, t.node(), t.kind()), output, ended,
                64 * 1024));
        ScreenClient student = new ScreenClient(screen, false, 1 << 20, null, sender);
        ScreenClient teacher = new ScreenClient(screen, true, 1 << 20, null, sender);
        screen.join(student.viewer, false);
        screen.join(teacher.viewer, false);
        int[] size = student.handshake();
        assertThat(teacher.handshake()).containsExactly(size);
        teacher.send(RfbMessages.updateRequest(false, size[0], size[1]));
        byte[] frame = teacher.readUpdate();
        student.send(RfbMessages.updateRequest(true, size[0], size[1]));
        assertThat(student.readUpdate()).as("the student's first: a full frame, the teacher's too").isEqualTo(frame);
        assertThat(teacher.readUpdate()).isEqualTo(frame);

        teacher.send(RfbMessages.key(0xff0d, true)); // a watcher's Return: dropped
        student.send(RfbMessages.key(0x71, true));
        await("the student's key at the node", WAIT, () -> indexOf(server.received(), RfbMessages.key(0x71, true)) >= 0,
                () -> server.received().length + " bytes received");
        assertThat(indexOf(server.received(), RfbMessages.key(0xff0d, true))).isNegative();

        assertThat(server.requests()).as("one upgrade for both viewers").singleElement().satisfies(request -> {
            assertThat(request.path()).endsWith("/virtualmachineinstances/r1/vnc");
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
            assertThat(request.offeredProtocols()).contains(KubeVirtConsole.SUBPROTOCOL);
        });
        byte[] atNode = server.received();
        assertThat(Arrays.copyOf(atNode, 12)).as("LabForge's own handshake, once").isEqualTo(Rfb.VERSION);
        assertThat(indexOf(Arrays.copyOfRange(atNode, 12, atNode.length), Rfb.VERSION)).isNegative();

        server.sockets().getFirst().close((short) 1000, "VMI stopped");
        assertThat(student.closed.join()).isEqualTo(ConsoleClose.CONSOLE_ENDED.status());
        assertThat(teacher.closed.join()).isEqualTo(ConsoleClose.CONSOLE_ENDED.status());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aVmiThatIsNotRunningIsAReadableCloseForEveryViewer() throws Exception {
        NodeConsole console = console("r2", ConsoleKind.SERIAL, 64 * 1024, Duration.ofSeconds(10));
        CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        console.join(viewer(new ByteArrayOutputStream(), closed, 64 * 1024), false);

        assertThat(closed.get(20, TimeUnit.SECONDS)).isEqualTo(ConsoleClose.NOT_RUNNING.status());
        assertThat(closed.get().getReason()).contains("not running");
        assertThat(server.requests()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(503));
        assertThat(console.ended()).isTrue();
    }

    @Test
    void credentialsTheClusterRefusesAreSaidToBeLabForgesNotTheViewers() throws Exception {
        client.close();
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(server.url())
                .withOauthToken("someone-else").build()).build();
        server.run(NS, "r1");
        NodeConsole console = console("r1", ConsoleKind.SERIAL, 64 * 1024, Duration.ofSeconds(10));
        CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        console.join(viewer(new ByteArrayOutputStream(), closed, 64 * 1024), false);
        assertThat(closed.get(20, TimeUnit.SECONDS)).isEqualTo(ConsoleClose.UPSTREAM_FORBIDDEN.status());
    }

    @Test
    void aCloseOnEitherSideClosesTheOther() throws Exception {
        server.run(NS, "r1");
        // the cluster ends the console (the VMI stopped): every viewer is closed, saying so
        NodeConsole first = console("r1", ConsoleKind.SERIAL, 64 * 1024, Duration.ofSeconds(10));
        CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        first.join(viewer(new ByteArrayOutputStream(), closed, 64 * 1024), false);
        await("the upgrade", WAIT, () -> server.sockets().size() == 1, server::requests);
        server.sockets().getFirst().close((short) 1000, "VMI stopped");
        assertThat(closed.get(20, TimeUnit.SECONDS)).isEqualTo(ConsoleClose.CONSOLE_ENDED.status());

        // LabForge ends it (the last viewer left, the lab was destroyed, ...): the cluster's socket gets a close frame
        NodeConsole second = console("r1", ConsoleKind.SERIAL, 64 * 1024, Duration.ofSeconds(10));
        second.join(viewer(new ByteArrayOutputStream(), new CompletableFuture<>(), 64 * 1024), false);
        await("the second upgrade", WAIT, () -> server.sockets().size() == 2, server::requests);
        second.end(ConsoleClose.LAB_DESTROYED);
        ServerWebSocket socket = server.sockets().get(1);
        await("the close at the cluster's end", WAIT, () -> server.closes().containsKey(socket), server::closes);
        assertThat(server.closes().get(socket)).startsWith("1000");
    }

    @Test
    void aTypistWhoStopsReadingStopsLabForgeReadingTheClusterInsteadOfBuffering() throws Exception {
        server.run(NS, "r1");
        server.echo(false);
        int queueBound = 64 * 1024;
        NodeConsole console = console("r1", ConsoleKind.SERIAL, 1024, Duration.ofSeconds(10));
        CountDownLatch reading = new CountDownLatch(1);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        Viewer driver = new Viewer(session(message -> {
            try {
                reading.await(); // the browser stopped reading: the send hangs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (message instanceof BinaryMessage binary) {
                synchronized (seen) {
                    seen.write(binary.getPayload().array(), 0, binary.getPayloadLength());
                }
            }
        }, closed::complete), caller("driver"), false, queueBound, sender);
        console.join(driver, false);
        await("the upgrade", WAIT, () -> server.sockets().size() == 1, server::requests);
        ServerWebSocket socket = server.sockets().getFirst();

        int messages = 4096;
        int size = 16 * 1024; // 64 MB offered, a thousand times the typist's queue
        server.flood(socket, messages, size);
        await("the cluster's socket to push back", WAIT, () -> server.writeQueueFull(socket),
                () -> server.flooded() + " bytes written");
        long stalledAt = server.flooded();
        // what is in flight: the typist's queue, the message LabForge holds, and the two sockets' kernel buffers
        assertThat(stalledAt).as("bytes the cluster could write while the typist read nothing (%d)", stalledAt)
                .isLessThan(16L * 1024 * 1024);
        assertThat(closed).as("the typist is held back, not closed").isNotDone();

        reading.countDown();
        await("everything, once the typist reads", Duration.ofSeconds(180),
                () -> size(seen) == (long) messages * size,
                () -> size(seen) + " bytes seen; " + console + ", " + driver + ", cluster wrote " + server.flooded());
        byte[] all = bytes(seen);
        for (int i = 0; i < messages; i++) {
            byte expected = (byte) (i % 251);
            int at = i * size;
            assertThat(all[at]).as("message %d in order", i).isEqualTo(expected);
            assertThat(all[at + size - 1]).isEqualTo(expected);
        }
        assertThat(closed).isNotDone();
    }

    @Test
    void aConsoleThatTakesNoInputHoldsTheTypistsSocketThenLetsItGo() throws Exception {
        server.run(NS, "r1");
        server.echo(false);
        server.readNew(false);
        NodeConsole console = console("r1", ConsoleKind.SERIAL, 1024, Duration.ofSeconds(2));
        CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        Viewer driver = viewer(new ByteArrayOutputStream(), closed, 64 * 1024);
        console.join(driver, false);
        await("the upgrade", WAIT, () -> server.sockets().size() == 1, server::requests);

        byte[] chunk = new byte[16 * 1024];
        int sent = 0;
        boolean taken = true;
        int offered = 16384; // 256 MB if nothing held the typist back
        while (taken && sent < offered) {
            Arrays.fill(chunk, (byte) (sent % 251));
            taken = console.input(driver, chunk.clone());
            sent++;
        }
        assertThat(console.ended()).as("console ended (%s); the cluster saw closes %s", closed.getNow(null),
                server.closes()).isFalse();
        assertThat(taken).as("input refused once the cluster stopped reading").isFalse();
        assertThat(sent).as("chunks accepted before the typist was held").isLessThan(offered / 4);

        // read on: every chunk accepted arrives, in order
        server.reading(server.sockets().getFirst(), true);
        int accepted = sent;
        await("the accepted input at the cluster", Duration.ofSeconds(180),
                () -> server.received().length == accepted * chunk.length,
                () -> server.received().length + " of " + accepted * chunk.length);
        byte[] received = server.received();
        for (int i = 0; i < accepted; i++) {
            assertThat(received[i * chunk.length]).isEqualTo((byte) (i % 251));
        }
    }

    private NodeConsole console(String node, ConsoleKind kind, int scrollback, Duration inputStall) {
        ConsoleTarget target = new ConsoleTarget(UUID.fromString("01234567-89ab-cdef-0000-000000000000"), node, kind);
        NodeConsole console = new NodeConsole(target, scrollback, 8, Clock.systemUTC(), inputStall);
        console.connect((t, output, ended) -> KubeVirtConsole.open(KubeVirtConsole.dialler(client.getHttpClient()),
                KubeVirtConsole.uri(client.getMasterUrl().toString(), NS, t.node(), t.kind()), output, ended,
                64 * 1024));
        return console;
    }

    private Viewer viewer(ByteArrayOutputStream seen, CompletableFuture<CloseStatus> closed, long bound) {
        WebSocketSession session = session(message -> {
            if (message instanceof BinaryMessage binary) {
                synchronized (seen) {
                    seen.write(binary.getPayload().array(), 0, binary.getPayloadLength());
                }
            }
        }, closed::complete);
        return new Viewer(session, caller("v" + UUID.randomUUID()), false, bound, sender);
    }

    private static long size(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.size();
        }
    }

    private static byte[] bytes(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.toByteArray();
        }
    }
}
