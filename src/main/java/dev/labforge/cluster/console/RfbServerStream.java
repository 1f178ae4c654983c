package dev.labforge.cluster.console;

/**
 * Finds where each message ends in what an RFB server sends after ServerInit (RFC 6143 7.6), as it streams past in
 * chunks of any size, without holding more of it than a 12-byte header: bytes go on to the viewers at once, and a
 * viewer joining mid-stream is let in at the next message boundary. It can frame only what LabForge asked for (the
 * {@linkplain Rfb#SHARED_ENCODINGS shared encodings} in the {@linkplain Rfb#SHARED_FORMAT shared format});
 * anything else is an {@link RfbRefused}. It follows DesktopSize, so a late viewer's ServerInit has today's size.
 */
final class RfbServerStream {

    private enum Part { TYPE, UPDATE, RECTANGLE, TILE, TILE_SUBRECTS, COLOURS, CUT_TEXT }

    /** What comes after bytes skipped unread (pixels, text). */
    private enum Then { MESSAGE, RECTANGLE, TILE }

    private static final int TILE = 16;

    private final byte[] head = new byte[12];
    private Part part = Part.TYPE;
    private int need = 1;
    private int have;
    private long skip;
    private Then then;
    private int rectangles;
    private int x;
    private int y;
    private int w;
    private int h;
    private int tileX;
    private int tileY;
    private int subencoding;
    private int width;
    private int height;
    private long updates;

    RfbServerStream(int width, int height) {
        this.width = width;
        this.height = height;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** FramebufferUpdate messages seen whole so far. */
    long updates() {
        return updates;
    }

    /** Between two messages: a viewer let in now sees only whole messages. */
    boolean atBoundary() {
        return part == Part.TYPE && have == 0 && skip == 0;
    }

    /**
     * Reads {@code bytes} from {@code from} up to the end of the first message that ends in them; returns the index
     * just past it, or -1 if they ended before any message did (all of them read).
     */
    int feed(byte[] bytes, int from) {
        int at = from;
        while (at < bytes.length) {
            if (skip > 0) {
                int n = (int) Math.min(skip, bytes.length - at);
                skip -= n;
                at += n;
                if (skip == 0 && after(then)) {
                    return at;
                }
                continue;
            }
            head[have++] = bytes[at++];
            if (have == need) {
                have = 0;
                if (header()) {
                    return at;
                }
            }
        }
        return -1;
    }

    /** Reads all of {@code bytes} from {@code from}. */
    void feedAll(byte[] bytes, int from) {
        int at = from;
        while (at < bytes.length) {
            int end = feed(bytes, at);
            at = end < 0 ? bytes.length : end;
        }
    }

    /** A header is complete; true if that ended a message. */
    private boolean header() {
        switch (part) {
            case TYPE -> {
                int type = head[0] & 0xff;
                switch (type) {
                    case 0 -> expect(Part.UPDATE, 3); // padding, number-of-rectangles
                    case 1 -> expect(Part.COLOURS, 5); // SetColourMapEntries: padding, first-colour, number-of-colours
                    case 2 -> {
                        return messageEnd(); // Bell
                    }
                    case 3 -> expect(Part.CUT_TEXT, 7); // ServerCutText: padding, length
                    default -> throw new RfbRefused(ConsoleClose.VNC_UPSTREAM, "server message type " + type);
                }
                return false;
            }
            case UPDATE -> {
                rectangles = u16(1);
                return rectangles == 0 ? updateEnd() : expect(Part.RECTANGLE, 12);
            }
            case RECTANGLE -> {
                x = u16(0);
                y = u16(2);
                w = u16(4);
                h = u16(6);
                return rectangle(((head[8] & 0xff) << 24) | ((head[9] & 0xff) << 16) | ((head[10] & 0xff) << 8)
                        | (head[11] & 0xff));
            }
            case TILE -> {
                return tile(head[0] & 0xff);
            }
            case TILE_SUBRECTS -> { // the colours given, then the number of subrectangles (RFC 6143 7.7.4)
                int count = head[need - 1] & 0xff;
                boolean coloured = (subencoding & 16) != 0;
                return skipThen((long) count * (2 + (coloured ? Rfb.BYTES_PER_PIXEL : 0)), Then.TILE);
            }
            case COLOURS -> {
                return skipThen(6L * u16(3), Then.MESSAGE);
            }
            case CUT_TEXT -> {
                return skipThen(((long) u16(3) << 16) | u16(5), Then.MESSAGE);
            }
            default -> throw new IllegalStateException(part.name());
        }
    }

    private boolean rectangle(int encoding) {
        return switch (encoding) {
            case Rfb.RAW -> skipThen((long) w * h * Rfb.BYTES_PER_PIXEL, Then.RECTANGLE);
            case Rfb.COPY_RECT -> skipThen(4, Then.RECTANGLE);
            case Rfb.HEXTILE -> {
                if (w == 0 || h == 0) {
                    yield rectangleEnd();
                }
                tileX = x;
                tileY = y;
                yield expect(Part.TILE, 1);
            }
            case Rfb.DESKTOP_SIZE -> {
                width = w;
                height = h;
                yield rectangleEnd();
            }
            default -> throw new RfbRefused(ConsoleClose.VNC_UPSTREAM, "encoding " + encoding + ", not asked for");
        };
    }

    /** RFC 6143 7.7.4: one 16x16 tile (smaller at the right and bottom edges), by its subencoding mask. */
    private boolean tile(int mask) {
        int tw = Math.min(TILE, x + w - tileX);
        int th = Math.min(TILE, y + h - tileY);
        if ((mask & 1) != 0) { // Raw
            return skipThen((long) tw * th * Rfb.BYTES_PER_PIXEL, Then.TILE);
        }
        int colours = ((mask & 2) != 0 ? Rfb.BYTES_PER_PIXEL : 0) + ((mask & 4) != 0 ? Rfb.BYTES_PER_PIXEL : 0);
        if ((mask & 8) != 0) { // AnySubrects: the count follows the colours
            subencoding = mask;
            return expect(Part.TILE_SUBRECTS, colours + 1);
        }
        return skipThen(colours, Then.TILE);
    }

    private boolean skipThen(long count, Then next) {
        if (count == 0) {
            return after(next);
        }
        skip = count;
        then = next;
        return false;
    }

    private boolean after(Then next) {
        return switch (next) {
            case MESSAGE -> messageEnd();
            case RECTANGLE -> rectangleEnd();
            case TILE -> tileEnd();
        };
    }

    private boolean tileEnd() {
        tileX += TILE;
        if (tileX >= x + w) {
            tileX = x;
            tileY += TILE;
        }
        return tileY >= y + h ? rectangleEnd() : expect(Part.TILE, 1);
    }

    private boolean rectangleEnd() {
        return --rectangles == 0 ? updateEnd() : expect(Part.RECTANGLE, 12);
    }

    private boolean updateEnd() {
        updates++;
        return messageEnd();
    }

    private boolean messageEnd() {
        expect(Part.TYPE, 1);
        return true;
    }

    private boolean expect(Part next, int bytes) {
        part = next;
        need = bytes;
        have = 0;
        return false;
    }

    private int u16(int at) {
        return ((head[at] & 0xff) << 8) | (head[at + 1] & 0xff);
    }
}
