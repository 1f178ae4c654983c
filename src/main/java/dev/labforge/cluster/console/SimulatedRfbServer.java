package dev.labforge.cluster.console;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The VNC screen of a router on the SIMULATED cluster, where no VM runs: a minimal RFB 3.8 server (RFC 6143) with no
 * authentication, a static framebuffer that says it is simulated and names the node, and answers to
 * FramebufferUpdateRequest in Raw encoding, in whatever true-colour pixel format the client set. Key and pointer
 * events are read and ignored. A VNC client such as noVNC speaks to it end to end through the console proxy, as it
 * would to KubeVirt's vnc subresource. Not thread-safe: its {@link SharedScreen} feeds it one input at a time.
 */
final class SimulatedRfbServer implements ConsoleUpstreams.Upstream {

    static final int WIDTH = 480;
    static final int HEIGHT = 120;
    private static final byte[] VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);
    /** A client message longer than this (a huge cut-text) ends the session: nothing here needs one. */
    private static final int MAX_MESSAGE = 64 * 1024;

    private enum Stage { VERSION, SECURITY, INIT, NORMAL }

    private final Consumer<byte[]> output;
    private final ConsoleUpstreams.Ended ended;
    private final int[] pixels;
    private final String name;
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private Stage stage = Stage.VERSION;
    private PixelFormat format = PixelFormat.SERVER;
    private boolean over;

    /** A true-colour pixel format (RFC 6143 7.4): how one pixel is laid out on the wire. */
    record PixelFormat(int bitsPerPixel, int depth, boolean bigEndian, int redMax, int greenMax, int blueMax,
                       int redShift, int greenShift, int blueShift) {

        static final PixelFormat SERVER = new PixelFormat(32, 24, false, 255, 255, 255, 16, 8, 0);

        byte[] encode() {
            return ByteBuffer.allocate(16).put((byte) bitsPerPixel).put((byte) depth).put((byte) (bigEndian ? 1 : 0))
                    .put((byte) 1).putShort((short) redMax).putShort((short) greenMax).putShort((short) blueMax)
                    .put((byte) redShift).put((byte) greenShift).put((byte) blueShift).put(new byte[3]).array();
        }

        void put(ByteBuffer to, int rgb) {
            int r = ((rgb >> 16) & 0xff) * redMax / 255;
            int g = ((rgb >> 8) & 0xff) * greenMax / 255;
            int b = (rgb & 0xff) * blueMax / 255;
            int value = (r << redShift) | (g << greenShift) | (b << blueShift);
            int bytes = bitsPerPixel / 8;
            for (int i = 0; i < bytes; i++) {
                int shift = bigEndian ? 8 * (bytes - 1 - i) : 8 * i;
                to.put((byte) (value >>> shift));
            }
        }
    }

    SimulatedRfbServer(String node, String image, Consumer<byte[]> output, ConsoleUpstreams.Ended ended) {
        this.output = output;
        this.ended = ended;
        this.name = "LabForge SIMULATED " + node;
        this.pixels = framebuffer(node, image);
        output.accept(VERSION);
    }

    /** Dark blue, with two lines of text: that this is simulated, and the node. */
    private static int[] framebuffer(String node, String image) {
        BufferedImage screen = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = screen.createGraphics();
        g.setColor(new Color(0x10, 0x20, 0x50));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(new Color(0xff, 0xc0, 0x40));
        g.fillRect(0, 0, WIDTH, 6); // a band that shows even where no font can be drawn
        try {
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 18));
            g.drawString("LabForge SIMULATED screen", 16, 44);
            g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 16));
            g.drawString("node " + node + " (image " + image + "): no VM runs here", 16, 84);
        } catch (RuntimeException | Error noFonts) { // a JRE without fonts: the band and background stay
            // nothing to draw with
        }
        g.dispose();
        return screen.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
    }

    @Override
    public void send(byte[] input) {
        if (over) {
            return;
        }
        ByteBuffer joined = ByteBuffer.allocate(pending.remaining() + input.length);
        joined.put(pending).put(input).flip();
        pending = joined;
        while (!over && step()) {
            // each step consumes one complete client message
        }
        pending = pending.slice();
    }

    /** Handles one complete message at the head of {@code pending}; false when more bytes are needed first. */
    private boolean step() {
        ByteBuffer in = pending;
        switch (stage) {
            case VERSION -> {
                if (in.remaining() < VERSION.length) {
                    return false;
                }
                in.position(in.position() + VERSION.length); // any 3.x client: we speak 3.8 only
                stage = Stage.SECURITY;
                output.accept(new byte[] {1, 1}); // one security type: None
                return true;
            }
            case SECURITY -> {
                if (!in.hasRemaining()) {
                    return false;
                }
                if (in.get() != 1) {
                    output.accept(ByteBuffer.allocate(4).putInt(1).array());
                    return fail();
                }
                stage = Stage.INIT;
                output.accept(ByteBuffer.allocate(4).putInt(0).array()); // SecurityResult OK
                return true;
            }
            case INIT -> {
                if (!in.hasRemaining()) {
                    return false;
                }
                in.get(); // shared flag: LabForge shares the screen itself
                stage = Stage.NORMAL;
                byte[] label = name.getBytes(StandardCharsets.UTF_8);
                output.accept(ByteBuffer.allocate(24 + label.length).putShort((short) WIDTH).putShort((short) HEIGHT)
                        .put(PixelFormat.SERVER.encode()).putInt(label.length).put(label).array());
                return true;
            }
            default -> {
                return message(in);
            }
        }
    }

    private boolean message(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return false;
        }
        int type = in.get(in.position()) & 0xff;
        int length = switch (type) {
            case 0 -> 20; // SetPixelFormat
            case 2 -> in.remaining() < 4 ? -1 : 4 + 4 * (in.getShort(in.position() + 2) & 0xffff); // SetEncodings
            case 3 -> 10; // FramebufferUpdateRequest
            case 4 -> 8; // KeyEvent
            case 5 -> 6; // PointerEvent
            case 6 -> in.remaining() < 8 ? -1 : 8 + in.getInt(in.position() + 4); // ClientCutText
            default -> -2;
        };
        if (length == -2 || length > MAX_MESSAGE || (length != -1 && length < 0)) {
            return fail();
        }
        if (length == -1 || in.remaining() < length) {
            return false;
        }
        ByteBuffer message = in.slice(in.position(), length);
        in.position(in.position() + length);
        if (type == 0) {
            setPixelFormat(message);
        } else if (type == 3) {
            update(message);
        }
        return true;
    }

    private void setPixelFormat(ByteBuffer message) {
        message.position(4);
        int bpp = message.get() & 0xff;
        int depth = message.get() & 0xff;
        boolean bigEndian = message.get() != 0;
        boolean trueColour = message.get() != 0;
        if (!trueColour || (bpp != 8 && bpp != 16 && bpp != 32)) {
            fail(); // colour maps are not served
            return;
        }
        format = new PixelFormat(bpp, depth, bigEndian, message.getShort() & 0xffff, message.getShort() & 0xffff,
                message.getShort() & 0xffff, message.get() & 0xff, message.get() & 0xff, message.get() & 0xff);
    }

    /** A non-incremental request gets the region in Raw encoding; an incremental one waits, as nothing changes. */
    private void update(ByteBuffer message) {
        boolean incremental = message.get(1) != 0;
        if (incremental) {
            return;
        }
        int x = Math.min(message.getShort(2) & 0xffff, WIDTH);
        int y = Math.min(message.getShort(4) & 0xffff, HEIGHT);
        int w = Math.min(message.getShort(6) & 0xffff, WIDTH - x);
        int h = Math.min(message.getShort(8) & 0xffff, HEIGHT - y);
        int bytes = format.bitsPerPixel() / 8;
        ByteBuffer out = ByteBuffer.allocate(4 + 12 + w * h * bytes).order(ByteOrder.BIG_ENDIAN);
        out.put((byte) 0).put((byte) 0).putShort((short) 1); // FramebufferUpdate, one rectangle
        out.putShort((short) x).putShort((short) y).putShort((short) w).putShort((short) h).putInt(0); // Raw
        for (int row = y; row < y + h; row++) {
            for (int col = x; col < x + w; col++) {
                format.put(out, pixels[row * WIDTH + col]);
            }
        }
        output.accept(out.array());
    }

    private boolean fail() {
        over = true;
        ended.ended(ConsoleClose.PROTOCOL_ERROR);
        return false;
    }

    @Override
    public void close() {
        over = true;
    }

    /** The pixel at (x, y), as 0xRRGGBB: what a client that decodes the screen should see there. */
    int pixel(int x, int y) {
        return pixels[y * WIDTH + x] & 0xffffff;
    }
}
