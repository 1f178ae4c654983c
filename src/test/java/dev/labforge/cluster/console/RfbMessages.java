package dev.labforge.cluster.console;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** What an RFB client sends (RFC 6143 7.5), as noVNC sends it, and server messages to frame, for the tests. */
final class RfbMessages {

    /** noVNC's encodings (core/rfb.js, depth 24): stateful ones among them, which LabForge must not pass on. */
    static final int[] NOVNC_ENCODINGS = {1, 7, -260, 16, 21, 5, 2, 6, 0, -26, -247, -223, -224, -258, -261, -308,
        -309, -312, -313, -307, 0xc0a1e5ce, -314, -239};

    private RfbMessages() {
    }

    static byte[] version() {
        return "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** noVNC's: 32 bpp, depth 24, little-endian, true colour, red in the low byte. */
    static byte[] noVncPixelFormat() {
        return pixelFormat(32, 24, 0, 8, 16);
    }

    static byte[] pixelFormat(int bpp, int depth, int redShift, int greenShift, int blueShift) {
        return ByteBuffer.allocate(20).put((byte) 0).put(new byte[3]).put((byte) bpp).put((byte) depth)
                .put((byte) 0).put((byte) 1).putShort((short) 255).putShort((short) 255).putShort((short) 255)
                .put((byte) redShift).put((byte) greenShift).put((byte) blueShift).put(new byte[3]).array();
    }

    static byte[] encodings(int... encodings) {
        ByteBuffer message = ByteBuffer.allocate(4 + 4 * encodings.length).put((byte) 2).put((byte) 0)
                .putShort((short) encodings.length);
        for (int encoding : encodings) {
            message.putInt(encoding);
        }
        return message.array();
    }

    static byte[] updateRequest(boolean incremental, int width, int height) {
        return ByteBuffer.allocate(10).put((byte) 3).put((byte) (incremental ? 1 : 0)).putShort((short) 0)
                .putShort((short) 0).putShort((short) width).putShort((short) height).array();
    }

    static byte[] key(int keysym, boolean down) {
        return ByteBuffer.allocate(8).put((byte) 4).put((byte) (down ? 1 : 0)).putShort((short) 0).putInt(keysym)
                .array();
    }

    static byte[] pointer(int mask, int x, int y) {
        return ByteBuffer.allocate(6).put((byte) 5).put((byte) mask).putShort((short) x).putShort((short) y).array();
    }

    static byte[] cutText(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(8 + bytes.length).put((byte) 6).put(new byte[3]).putInt(bytes.length).put(bytes)
                .array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
