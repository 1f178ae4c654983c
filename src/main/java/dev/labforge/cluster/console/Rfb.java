package dev.labforge.cluster.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a shared VNC screen fixes for every viewer, in RFC 6143's terms (The Remote Framebuffer Protocol, RFB 3.8).
 * One upstream connection serves every viewer, so the server's output must mean the same to each of them: one pixel
 * format, and one set of encodings whose rectangles stand alone (no zlib stream that a viewer joining later would
 * have missed the start of, as ZRLE, Tight and zlib keep: RFC 6143 7.7.5, 7.7.6 and the Tight notes).
 */
final class Rfb {

    /** RFC 6143 7.1.1: the only version LabForge speaks, to the node and to viewers. */
    static final byte[] VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
    static final int SECURITY_NONE = 1;

    static final int RAW = 0;
    static final int COPY_RECT = 1;
    static final int HEXTILE = 5;
    /** RFC 6143 7.8.2: the framebuffer changed size (a VM's screen does while it boots). */
    static final int DESKTOP_SIZE = -223;

    /**
     * Asked of the node once, in this order of preference (RFC 6143 7.5.2). No Cursor pseudo-encoding: with it the
     * server stops drawing the pointer into the framebuffer, and watchers would not see where the driver points.
     */
    static final int[] SHARED_ENCODINGS = {HEXTILE, COPY_RECT, RAW, DESKTOP_SIZE};

    /**
     * RFC 6143 7.4: 32 bits per pixel, depth 24, little-endian, true colour, red in the low byte; the format noVNC
     * sets, so that it is never refused.
     */
    static final byte[] SHARED_FORMAT = {32, 24, 0, 1, 0, (byte) 255, 0, (byte) 255, 0, (byte) 255, 0, 8, 16, 0, 0, 0};
    static final int BYTES_PER_PIXEL = 4;

    private Rfb() {
    }

    /** RFC 6143 7.5.1: SetPixelFormat with the shared format. */
    static byte[] setPixelFormat() {
        return ByteBuffer.allocate(20).put((byte) 0).put(new byte[3]).put(SHARED_FORMAT).array();
    }

    /** RFC 6143 7.5.2: SetEncodings with the shared set. */
    static byte[] setEncodings() {
        ByteBuffer message = ByteBuffer.allocate(4 + 4 * SHARED_ENCODINGS.length).put((byte) 2).put((byte) 0)
                .putShort((short) SHARED_ENCODINGS.length);
        for (int encoding : SHARED_ENCODINGS) {
            message.putInt(encoding);
        }
        return message.array();
    }

    /** RFC 6143 7.5.3: FramebufferUpdateRequest for the whole screen. */
    static byte[] updateRequest(boolean incremental, int width, int height) {
        return ByteBuffer.allocate(10).put((byte) 3).put((byte) (incremental ? 1 : 0)).putShort((short) 0)
                .putShort((short) 0).putShort((short) width).putShort((short) height).array();
    }

    /** Whether a SetPixelFormat message (20 bytes) asks for the shared format; its three padding bytes aside. */
    static boolean isSharedFormat(byte[] setPixelFormat) {
        return Arrays.equals(setPixelFormat, 4, 17, SHARED_FORMAT, 0, 13);
    }

    /** RFC 6143 7.3.2: ServerInit, with the shared pixel format whatever the node's own is (LabForge set it). */
    static byte[] serverInit(int width, int height, byte[] name) {
        return ByteBuffer.allocate(24 + name.length).putShort((short) width).putShort((short) height)
                .put(SHARED_FORMAT).putInt(name.length).put(name).array();
    }

    /** A refusal in the RFB handshake: RFC 6143 7.1.2, a reason string after a failure. */
    static byte[] reason(String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + text.length).putInt(text.length).put(text).array();
    }
}
