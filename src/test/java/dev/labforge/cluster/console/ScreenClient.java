package dev.labforge.cluster.console;

import static dev.labforge.cluster.console.FakeSockets.await;
import static dev.labforge.cluster.console.FakeSockets.caller;
import static dev.labforge.cluster.console.FakeSockets.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;

/** A viewer of a {@link SharedScreen} driven by a test, without a server: what it is sent piles up in {@code received}. */
/** A viewer's end, driven by the test: what it is sent piles up in {@code received}. */
final class ScreenClient {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final SharedScreen screen;
    final Viewer viewer;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
    private int consumed;

    ScreenClient(SharedScreen screen, boolean instructor, long bound, CountDownLatch block, Executor sender) {
        this.screen = screen;
        viewer = new Viewer(session(message -> {
            if (block != null) {
                try {
                    block.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (message instanceof BinaryMessage binary) {
                synchronized (received) {
                    received.write(binary.getPayload().array(), 0, binary.getPayloadLength());
                }
            }
        }, closed::complete), caller(instructor ? "teacher" : "student"), instructor, bound, sender);
    }

    void send(byte[] bytes) {
        screen.input(viewer, bytes);
    }

    int[] handshake() {
        return handshake(true);
    }

    int[] handshake(boolean setFormat) {
        assertThat(read(12)).isEqualTo(RfbMessages.version());
        send(RfbMessages.version());
        assertThat(read(2)).isEqualTo(new byte[] {1, 1});
        send(new byte[] {1});
        assertThat(read(4)).isEqualTo(new byte[4]);
        send(new byte[] {1});
        ByteBuffer init = ByteBuffer.wrap(read(24));
        assertThat(Arrays.copyOfRange(init.array(), 4, 20)).as("the shared pixel format")
                .isEqualTo(Rfb.SHARED_FORMAT);
        read(init.getInt(20));
        if (setFormat) {
            send(RfbMessages.concat(RfbMessages.noVncPixelFormat(),
                    RfbMessages.encodings(RfbMessages.NOVNC_ENCODINGS)));
        }
        return new int[] {init.getShort(0) & 0xffff, init.getShort(2) & 0xffff};
    }

    /** The handshake of a viewer whose socket takes nothing: it cannot read the answers, only send. */
    void handshakeBlind() {
        send(RfbMessages.concat(RfbMessages.version(), new byte[] {1, 1}, RfbMessages.noVncPixelFormat(),
                RfbMessages.encodings(RfbMessages.NOVNC_ENCODINGS)));
    }

    byte[] readUpdate() {
        ByteArrayOutputStream update = new ByteArrayOutputStream();
        byte[] header = read(4);
        assertThat(header[0]).as("FramebufferUpdate").isZero();
        update.writeBytes(header);
        for (int i = 0; i < (ByteBuffer.wrap(header).getShort(2) & 0xffff); i++) {
            ByteBuffer rectangle = ByteBuffer.wrap(read(12));
            update.writeBytes(rectangle.array());
            update.writeBytes(read((rectangle.getShort(4) & 0xffff) * (rectangle.getShort(6) & 0xffff) * 4));
        }
        return update.toByteArray();
    }

    byte[] read(int count) {
        await(count + " bytes", WAIT, () -> size() - consumed >= count,
                () -> (size() - consumed) + " bytes; closed " + closed.getNow(null));
        byte[] all;
        synchronized (received) {
            all = received.toByteArray();
        }
        byte[] out = Arrays.copyOfRange(all, consumed, consumed + count);
        consumed += count;
        return out;
    }

    private int size() {
        synchronized (received) {
            return received.size();
        }
    }
}
