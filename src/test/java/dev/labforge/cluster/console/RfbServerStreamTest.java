package dev.labforge.cluster.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Framing the server's messages (RFC 6143 7.6, 7.7) however they are cut into chunks. */
class RfbServerStreamTest {

    /** Messages of every kind LabForge can frame, and where each ends. */
    private final ByteArrayOutputStream stream = new ByteArrayOutputStream();
    private final List<Integer> ends = new ArrayList<>();

    RfbServerStreamTest() {
        message(new byte[] {2}); // Bell
        message(ByteBuffer.allocate(13).put((byte) 3).put(new byte[3]).putInt(5).put("hello".getBytes()).array());
        message(ByteBuffer.allocate(6 + 2 * 6).put((byte) 1).put((byte) 0).putShort((short) 0).putShort((short) 2)
                .put(filled(12)).array()); // SetColourMapEntries
        ByteArrayOutputStream update = new ByteArrayOutputStream();
        update.writeBytes(new byte[] {0, 0, 0, 4});
        update.writeBytes(rectangle(1, 2, 3, 2, Rfb.RAW));
        update.writeBytes(filled(3 * 2 * 4));
        update.writeBytes(rectangle(5, 5, 10, 10, Rfb.COPY_RECT));
        update.writeBytes(filled(4));
        update.writeBytes(rectangle(0, 0, 20, 18, Rfb.HEXTILE)); // tiles 16x16, 4x16, 16x2, 4x2
        update.writeBytes(new byte[] {1});
        update.writeBytes(filled(16 * 16 * 4)); // Raw tile
        update.writeBytes(new byte[] {2 | 4 | 8});
        update.writeBytes(filled(4 + 4)); // background, foreground
        update.writeBytes(new byte[] {2});
        update.writeBytes(filled(2 * 2)); // two plain subrectangles
        update.writeBytes(new byte[] {2 | 8 | 16});
        update.writeBytes(filled(4));
        update.writeBytes(new byte[] {1});
        update.writeBytes(filled(4 + 2)); // one coloured subrectangle
        update.writeBytes(new byte[] {0}); // same background, nothing else
        update.writeBytes(rectangle(0, 0, 800, 600, Rfb.DESKTOP_SIZE));
        message(update.toByteArray());
        message(new byte[] {0, 0, 0, 0}); // an update of no rectangles
        message(new byte[] {2});
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 1 << 20})
    void findsEveryMessageEndInChunksOfAnySize(int chunk) {
        byte[] all = stream.toByteArray();
        RfbServerStream framer = new RfbServerStream(640, 480);
        List<Integer> found = new ArrayList<>();
        for (int start = 0; start < all.length; start += chunk) {
            byte[] part = Arrays.copyOfRange(all, start, Math.min(all.length, start + chunk));
            int at = 0;
            while (at < part.length) {
                int end = framer.feed(part, at);
                if (end < 0) {
                    break;
                }
                found.add(start + end);
                at = end;
            }
        }
        assertThat(found).isEqualTo(ends);
        assertThat(framer.atBoundary()).isTrue();
        assertThat(framer.updates()).isEqualTo(2);
        assertThat(new int[] {framer.width(), framer.height()}).as("DesktopSize followed").containsExactly(800, 600);
    }

    @Test
    void randomCutsToo() {
        byte[] all = stream.toByteArray();
        Random random = new Random(17);
        for (int round = 0; round < 200; round++) {
            RfbServerStream framer = new RfbServerStream(640, 480);
            List<Integer> found = new ArrayList<>();
            int start = 0;
            while (start < all.length) {
                int to = Math.min(all.length, start + 1 + random.nextInt(300));
                byte[] part = Arrays.copyOfRange(all, start, to);
                int at = 0;
                int end;
                while (at < part.length && (end = framer.feed(part, at)) >= 0) {
                    found.add(start + end);
                    at = end;
                }
                start = to;
            }
            assertThat(found).isEqualTo(ends);
        }
    }

    @Test
    void isBetweenMessagesOnlyAtTheirEnds() {
        RfbServerStream framer = new RfbServerStream(640, 480);
        byte[] all = stream.toByteArray();
        for (int i = 0; i < all.length; i++) {
            framer.feedAll(new byte[] {all[i]}, 0);
            assertThat(framer.atBoundary()).as("after byte %d", i).isEqualTo(ends.contains(i + 1));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 7, 6, -239, 2})
    void refusesWhatWasNotAskedForInsteadOfGuessingItsLength(int encoding) { // ZRLE, Tight, zlib, Cursor, RRE
        RfbServerStream framer = new RfbServerStream(640, 480);
        byte[] update = RfbMessages.concat(new byte[] {0, 0, 0, 1}, rectangle(0, 0, 8, 8, encoding));
        assertThatThrownBy(() -> framer.feedAll(update, 0)).isInstanceOfSatisfying(RfbRefused.class,
                refused -> assertThat(refused.close()).isEqualTo(ConsoleClose.VNC_UPSTREAM));
    }

    @Test
    void refusesAnUnknownMessageType() {
        assertThatThrownBy(() -> new RfbServerStream(1, 1).feedAll(new byte[] {(byte) 248}, 0))
                .isInstanceOf(RfbRefused.class);
    }

    private void message(byte[] bytes) {
        stream.writeBytes(bytes);
        ends.add(stream.size());
    }

    private static byte[] rectangle(int x, int y, int w, int h, int encoding) {
        return ByteBuffer.allocate(12).putShort((short) x).putShort((short) y).putShort((short) w)
                .putShort((short) h).putInt(encoding).array();
    }

    /** Bytes that would read as a message type or a count if miscounted. */
    private static byte[] filled(int n) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) 0xff);
        return bytes;
    }
}
