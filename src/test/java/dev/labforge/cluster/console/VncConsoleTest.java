package dev.labforge.cluster.console;

import static dev.labforge.cluster.console.ConsoleApiTest.tickets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A node's VNC screen on the simulated cluster, opened as noVNC would: a ticket of kind vnc, the socket at
 * {@code .../vnc}, then an RFB 3.8 conversation end to end through the proxy (version, security None, ClientInit,
 * ServerInit, SetPixelFormat, a full FramebufferUpdateRequest answered in Raw).
 */
class VncConsoleTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anRfbClientHandshakesAndReadsTheSimulatedScreenThroughTheProxy() throws Exception {
        Catalog.ensure(api());
        ApiClient owner = api().newUser();
        UUID lab = ConsoleApiTest.startedLab(owner);
        Response ticket = owner.post(tickets(lab, "r2"), "{\"kind\":\"vnc\"}");
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        assertThat(ticket.json().get("url").asString()).startsWith("/api/v1/labs/" + lab + "/nodes/r2/vnc?ticket=");

        try (Rfb rfb = Rfb.open(port, ticket.json().get("url").asString())) {
            assertThat(new String(rfb.read(12), StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");
            rfb.send("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
            ByteBuffer security = ByteBuffer.wrap(rfb.read(2));
            assertThat(security.get()).as("security types offered").isEqualTo((byte) 1);
            assertThat(security.get()).as("None").isEqualTo((byte) 1);
            rfb.send(new byte[] {1});
            assertThat(ByteBuffer.wrap(rfb.read(4)).getInt()).as("SecurityResult OK").isZero();
            rfb.send(new byte[] {1}); // ClientInit, shared

            ByteBuffer init = ByteBuffer.wrap(rfb.read(24));
            int width = init.getShort() & 0xffff;
            int height = init.getShort() & 0xffff;
            assertThat(init.get()).as("bits per pixel").isEqualTo((byte) 32);
            init.position(20);
            String name = new String(rfb.read(init.getInt()), StandardCharsets.UTF_8);
            assertThat(name).contains("SIMULATED").contains("r2");
            assertThat(width * height).isPositive();

            // noVNC's own pixel format: 32 bpp, little-endian, red in the low byte
            rfb.send(ByteBuffer.allocate(20).put((byte) 0).put(new byte[3]).put((byte) 32).put((byte) 24)
                    .put((byte) 0).put((byte) 1).putShort((short) 255).putShort((short) 255).putShort((short) 255)
                    .put((byte) 0).put((byte) 8).put((byte) 16).put(new byte[3]).array());
            rfb.send(RfbMessages.encodings(RfbMessages.NOVNC_ENCODINGS));
            rfb.send(ByteBuffer.allocate(10).put((byte) 3).put((byte) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) width).putShort((short) height).array());

            ByteBuffer update = ByteBuffer.wrap(rfb.read(16));
            assertThat(update.get()).as("FramebufferUpdate").isZero();
            update.get();
            assertThat(update.getShort()).as("rectangles").isEqualTo((short) 1);
            assertThat(new int[] {update.getShort(), update.getShort(), update.getShort() & 0xffff,
                    update.getShort() & 0xffff, update.getInt()}).containsExactly(0, 0, width, height, 0);
            ByteBuffer pixels = ByteBuffer.wrap(rfb.read(width * height * 4));
            Set<Integer> colours = new HashSet<>();
            for (int i = 0; i < width * height; i++) {
                int r = pixels.get() & 0xff;
                int g = pixels.get() & 0xff;
                int b = pixels.get() & 0xff;
                pixels.get();
                colours.add(r << 16 | g << 8 | b);
            }
            assertThat(colours).as("background, band and text").hasSizeGreaterThan(2)
                    .contains(0x102050, 0xffc040);
        }
    }

    @Test
    void viewersShareOneScreenAndALateOneGetsAFullFrameThoughItAskedForChangesOnly() throws Exception {
        Catalog.ensure(api());
        ApiClient owner = api().newUser();
        UUID lab = ConsoleApiTest.startedLab(owner);
        ApiClient instructor = api().newUser();
        assertThat(owner.put("/api/v1/labs/" + lab + "/access", "{\"grants\":[{\"user\":\"" + instructor.username()
                + "\",\"level\":\"admin\"}]}").status()).isEqualTo(200);
        try (Rfb student = Rfb.open(port, vncUrl(owner, lab)); Rfb teacher = Rfb.open(port, vncUrl(instructor, lab))) {
            int[] size = student.handshake();
            assertThat(teacher.handshake()).as("the same ServerInit for both").containsExactly(size);
            teacher.send(RfbMessages.updateRequest(false, size[0], size[1])); // updates flow once it asks
            byte[] frame = teacher.readUpdate();
            student.send(RfbMessages.updateRequest(false, size[0], size[1]));
            assertThat(student.readUpdate()).isEqualTo(frame);
            assertThat(teacher.readUpdate()).as("the watcher sees the frame the driver asked for").isEqualTo(frame);
            assertThat(frame.length).isEqualTo(4 + 12 + size[0] * size[1] * 4);

            try (Rfb late = Rfb.open(port, vncUrl(instructor, lab))) {
                assertThat(late.handshake()).containsExactly(size);
                // the simulated screen answers an incremental request with nothing (nothing changes): the full
                // frame comes because LabForge asked the node for one on the newcomer's behalf
                late.send(RfbMessages.updateRequest(true, size[0], size[1]));
                assertThat(late.readUpdate()).isEqualTo(frame);
                assertThat(student.readUpdate()).as("one stream: the others get it too").isEqualTo(frame);
            }
        }
    }

    private static String vncUrl(ApiClient who, UUID lab) {
        Response ticket = who.post(tickets(lab, "r1"), "{\"kind\":\"vnc\"}");
        assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
        return ticket.json().get("url").asString();
    }

    /** The client end of an RFB conversation over the console WebSocket, reading exact byte counts. */
    static final class Rfb implements WebSocket.Listener, AutoCloseable {

        private final ByteArrayOutputStream received = new ByteArrayOutputStream();
        private final CompletableFuture<String> closed = new CompletableFuture<>();
        private int consumed;
        private WebSocket socket;

        static Rfb open(int port, String path) throws Exception {
            Rfb rfb = new Rfb();
            rfb.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                    .buildAsync(URI.create("ws://localhost:" + port + path), rfb).get(20, TimeUnit.SECONDS);
            return rfb;
        }

        /** Version, security None, ClientInit, then noVNC's pixel format and encodings; the screen's size. */
        int[] handshake() throws Exception {
            assertThat(read(12)).isEqualTo(RfbMessages.version());
            send(RfbMessages.version());
            assertThat(read(2)).isEqualTo(new byte[] {1, 1});
            send(new byte[] {1});
            assertThat(ByteBuffer.wrap(read(4)).getInt()).isZero();
            send(new byte[] {0}); // not shared: LabForge shares anyway
            ByteBuffer init = ByteBuffer.wrap(read(24));
            read(init.getInt(20));
            send(RfbMessages.concat(RfbMessages.noVncPixelFormat(), RfbMessages.encodings(RfbMessages.NOVNC_ENCODINGS)));
            return new int[] {init.getShort(0) & 0xffff, init.getShort(2) & 0xffff};
        }

        /** One FramebufferUpdate of Raw rectangles, whole. */
        byte[] readUpdate() throws Exception {
            ByteArrayOutputStream update = new ByteArrayOutputStream();
            byte[] header = read(4);
            assertThat(header[0]).as("FramebufferUpdate").isZero();
            update.writeBytes(header);
            for (int i = 0; i < (ByteBuffer.wrap(header).getShort(2) & 0xffff); i++) {
                ByteBuffer rectangle = ByteBuffer.wrap(read(12));
                assertThat(rectangle.getInt(8)).as("Raw").isZero();
                update.writeBytes(rectangle.array());
                update.writeBytes(read((rectangle.getShort(4) & 0xffff) * (rectangle.getShort(6) & 0xffff) * 4));
            }
            return update.toByteArray();
        }

        void send(byte[] bytes) throws Exception {
            socket.sendBinary(ByteBuffer.wrap(bytes), true).get(20, TimeUnit.SECONDS);
        }

        synchronized byte[] read(int count) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (received.size() - consumed < count) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || closed.isDone()) {
                    throw new AssertionError("wanted " + count + " bytes, have " + (received.size() - consumed)
                            + (closed.isDone() ? "; closed " + closed.getNow(null) : ""));
                }
                wait(left);
            }
            byte[] all = received.toByteArray();
            byte[] out = new byte[count];
            System.arraycopy(all, consumed, out, 0, count);
            consumed += count;
            return out;
        }

        @Override
        public synchronized CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            received.writeBytes(bytes);
            notifyAll();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            closed.complete("unexpected text " + data);
            return null;
        }

        @Override
        public synchronized CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode + " " + reason);
            notifyAll();
            return null;
        }

        @Override
        public void close() {
            if (!closed.isDone()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            }
        }
    }
}
