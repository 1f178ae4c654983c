package dev.labforge.cluster.console;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.socket.BinaryMessage;

/**
 * LabForge as the RFB server toward one viewer of a shared screen (RFC 6143): its own handshake (version 3.8,
 * security type None, ServerInit replayed from the node's), then the client's messages cut whole from whatever
 * chunks they arrive in, for its {@link SharedScreen} to judge. Client messages have fixed sizes, except
 * SetEncodings and ClientCutText, whose length is in their header (RFC 6143 7.5). Not thread-safe: its screen's
 * lock guards it.
 */
final class ScreenViewer {

    private enum Stage { VERSION, SECURITY, INIT, AWAITING_SCREEN, NORMAL, OVER }

    private final Viewer viewer;
    private final int maxMessage;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private Stage stage = Stage.VERSION;
    /** It sent SetEncodings with everything the shared set needs. */
    private boolean encodingsAccepted;
    /** It asked for its first update: it is let in to the server's messages at the next boundary. */
    private boolean waiting;
    private boolean live;

    ScreenViewer(Viewer viewer, int maxMessage) {
        this.viewer = viewer;
        this.maxMessage = maxMessage;
        send(Rfb.VERSION);
    }

    Viewer viewer() {
        return viewer;
    }

    boolean live() {
        return live;
    }

    boolean waiting() {
        return waiting;
    }

    /** From the next server message on, it gets them all. */
    void admit() {
        waiting = false;
        live = true;
    }

    void requested() {
        if (!live) {
            waiting = true;
        }
    }

    boolean encodingsAccepted() {
        return encodingsAccepted;
    }

    void acceptEncodings(byte[] setEncodings) {
        ByteBuffer list = ByteBuffer.wrap(setEncodings, 4, setEncodings.length - 4);
        List<Integer> offered = new ArrayList<>();
        while (list.hasRemaining()) {
            offered.add(list.getInt());
        }
        for (int needed : Rfb.SHARED_ENCODINGS) {
            if (needed != Rfb.RAW && !offered.contains(needed)) {
                throw new RfbRefused(ConsoleClose.VNC_ENCODINGS, "the client lacks encoding " + needed);
            }
        }
        encodingsAccepted = true;
    }

    /**
     * Takes bytes from the viewer: answers its handshake, and returns the whole messages it sent after it, oldest
     * first. {@code screen} is the node's, or null while LabForge's own handshake with the node is not over (the
     * viewer then waits for its ServerInit).
     */
    List<byte[]> receive(byte[] bytes, RfbNodeHandshake.Screen screen) {
        if (stage == Stage.OVER) {
            return List.of();
        }
        pending.writeBytes(bytes); // at most one partial message stays: each is checked against maxMessage
        return messages(screen);
    }

    /** LabForge's handshake with the node is over: a viewer waiting for its ServerInit gets it. */
    List<byte[]> screenKnown(RfbNodeHandshake.Screen screen) {
        return stage == Stage.AWAITING_SCREEN ? messages(screen) : List.of();
    }

    private List<byte[]> messages(RfbNodeHandshake.Screen screen) {
        byte[] in = pending.toByteArray();
        ByteBuffer buffer = ByteBuffer.wrap(in);
        List<byte[]> messages = new ArrayList<>();
        while (stage != Stage.OVER) {
            int length = nextLength(buffer, screen);
            if (length < 0 || buffer.remaining() < length) {
                break;
            }
            byte[] message = new byte[length];
            buffer.get(message);
            switch (stage) {
                case VERSION -> version(message);
                case SECURITY -> security(message[0] & 0xff);
                case INIT -> stage = Stage.AWAITING_SCREEN; // the shared flag: every viewer shares
                case AWAITING_SCREEN -> {
                    send(Rfb.serverInit(screen.width(), screen.height(), screen.name()));
                    stage = Stage.NORMAL;
                }
                default -> messages.add(message);
            }
        }
        pending.reset();
        pending.write(in, buffer.position(), buffer.remaining());
        return messages;
    }

    /** The length of the next whole message, or -1 until it can be told (or may be sent). */
    private int nextLength(ByteBuffer in, RfbNodeHandshake.Screen screen) {
        return switch (stage) {
            case VERSION -> 12;
            case SECURITY, INIT -> 1;
            case AWAITING_SCREEN -> screen == null ? -1 : 0;
            case NORMAL -> messageLength(in);
            case OVER -> -1;
        };
    }

    private int messageLength(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return -1;
        }
        int type = in.get(in.position()) & 0xff;
        int length = switch (type) {
            case 0 -> 20; // SetPixelFormat
            case 2 -> in.remaining() < 4 ? -1 : 4 + 4 * (in.getShort(in.position() + 2) & 0xffff); // SetEncodings
            case 3 -> 10; // FramebufferUpdateRequest
            case 4 -> 8; // KeyEvent
            case 5 -> 6; // PointerEvent
            case 6 -> { // ClientCutText; a negative length would be the extended clipboard, never offered here
                if (in.remaining() < 8) {
                    yield -1;
                }
                long text = in.getInt(in.position() + 4) & 0xffffffffL;
                if (text > maxMessage) {
                    throw new RfbRefused(ConsoleClose.FRAME_TOO_LARGE, "cut text of " + text + " bytes");
                }
                yield 8 + (int) text;
            }
            default -> throw new RfbRefused(ConsoleClose.VNC_PROTOCOL, "client message type " + type);
        };
        if (length > maxMessage + 4) {
            throw new RfbRefused(ConsoleClose.FRAME_TOO_LARGE, "client message of " + length + " bytes");
        }
        return length;
    }

    private void version(byte[] message) {
        String version = new String(message, StandardCharsets.US_ASCII);
        if (!version.matches("RFB 003\\.(00[89]|0[1-9]\\d|[1-9]\\d\\d)\n")) {
            // RFC 6143 7.1.2: no security types, then why (a 3.3 client reads this as garbage and closes anyway)
            send(ByteBuffer.allocate(1).put((byte) 0).array());
            send(Rfb.reason("LabForge speaks RFB 3.8 only"));
            throw new RfbRefused(ConsoleClose.VNC_PROTOCOL, "client version " + version.strip());
        }
        send(new byte[] {1, Rfb.SECURITY_NONE}); // LabForge's ticket was the authentication
        stage = Stage.SECURITY;
    }

    private void security(int type) {
        if (type != Rfb.SECURITY_NONE) {
            send(ByteBuffer.allocate(4).putInt(1).array());
            send(Rfb.reason("security type None only"));
            throw new RfbRefused(ConsoleClose.VNC_PROTOCOL, "security type " + type);
        }
        send(ByteBuffer.allocate(4).putInt(0).array()); // SecurityResult OK
        stage = Stage.INIT;
    }

    void over() {
        stage = Stage.OVER;
        live = false;
        waiting = false;
    }

    private void send(byte[] bytes) {
        viewer.offer(new BinaryMessage(bytes));
    }
}
