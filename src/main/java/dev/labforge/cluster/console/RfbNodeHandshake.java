package dev.labforge.cluster.console;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * LabForge's side, as the client, of the RFB handshake with a node's VNC server (RFC 6143 7.1-7.3): version 3.8,
 * security type None, ClientInit with the shared flag set, then ServerInit; after which it sets the
 * {@linkplain Rfb#SHARED_FORMAT shared pixel format} and {@linkplain Rfb#SHARED_ENCODINGS encodings} once for every
 * viewer. Done once per node, however many viewers come. Fed the server's bytes as they arrive; replies through
 * {@code send}.
 */
final class RfbNodeHandshake {

    /** The node's screen as ServerInit described it. */
    record Screen(int width, int height, byte[] name) {
    }

    private enum Step { VERSION, SECURITY_COUNT, SECURITY_TYPES, SECURITY_RESULT, FAILURE_LENGTH, FAILURE, INIT, NAME }

    /** A name longer than this is not a desktop name. */
    private static final int MAX_NAME = 4096;

    private final Consumer<byte[]> send;
    private final ByteArrayOutputStream held = new ByteArrayOutputStream();
    private Step step = Step.VERSION;
    private int need = 12;
    private int width;
    private int height;
    private Screen screen;

    RfbNodeHandshake(Consumer<byte[]> send) {
        this.send = send;
    }

    /** The screen, once the handshake is over; null before. */
    Screen screen() {
        return screen;
    }

    /**
     * Reads the server's bytes from {@code from}; returns where the handshake ended in them (what follows is the
     * server's first normal message), or -1 if it is not over yet.
     */
    int feed(byte[] bytes, int from) {
        int at = from;
        while (screen == null && at < bytes.length) {
            int n = Math.min(need - held.size(), bytes.length - at);
            held.write(bytes, at, n);
            at += n;
            if (held.size() == need) {
                byte[] part = held.toByteArray();
                held.reset();
                step(ByteBuffer.wrap(part));
            }
        }
        return screen == null ? -1 : at;
    }

    private void step(ByteBuffer part) {
        switch (step) {
            case VERSION -> {
                String version = StandardCharsets.US_ASCII.decode(part).toString();
                if (!version.matches("RFB 003\\.(00[89]|0[1-9]\\d|[1-9]\\d\\d)\n")) {
                    throw new RfbRefused(ConsoleClose.VNC_UPSTREAM, "the node speaks " + version.strip());
                }
                send.accept(Rfb.VERSION);
                next(Step.SECURITY_COUNT, 1);
            }
            case SECURITY_COUNT -> {
                int count = part.get() & 0xff;
                if (count == 0) {
                    next(Step.FAILURE_LENGTH, 4);
                } else {
                    next(Step.SECURITY_TYPES, count);
                }
            }
            case SECURITY_TYPES -> {
                while (part.hasRemaining()) {
                    if (part.get() == Rfb.SECURITY_NONE) {
                        send.accept(new byte[] {Rfb.SECURITY_NONE});
                        next(Step.SECURITY_RESULT, 4);
                        return;
                    }
                }
                throw new RfbRefused(ConsoleClose.VNC_UPSTREAM, "the node's VNC server wants authentication");
            }
            case SECURITY_RESULT -> {
                if (part.getInt() != 0) {
                    next(Step.FAILURE_LENGTH, 4);
                    return;
                }
                send.accept(new byte[] {1}); // ClientInit: shared, as several could be
                next(Step.INIT, 24);
            }
            case FAILURE_LENGTH -> next(Step.FAILURE, Math.min(Math.max(part.getInt(), 0), MAX_NAME));
            case FAILURE -> throw new RfbRefused(ConsoleClose.VNC_UPSTREAM,
                    "the node's VNC server refused: " + StandardCharsets.UTF_8.decode(part));
            case INIT -> {
                width = part.getShort() & 0xffff;
                height = part.getShort() & 0xffff;
                int length = part.getInt(20);
                if (length < 0 || length > MAX_NAME) {
                    throw new RfbRefused(ConsoleClose.VNC_UPSTREAM, "desktop name of " + length + " bytes");
                }
                if (length == 0) {
                    done(new byte[0]);
                } else {
                    next(Step.NAME, length);
                }
            }
            case NAME -> done(part.array());
            default -> throw new IllegalStateException(step.name());
        }
    }

    private void done(byte[] name) {
        send.accept(Rfb.setPixelFormat());
        send.accept(Rfb.setEncodings());
        screen = new Screen(width, height, name);
    }

    private void next(Step following, int bytes) {
        step = following;
        need = bytes;
        if (bytes == 0) { // an empty failure reason
            step(ByteBuffer.allocate(0));
        }
    }
}
