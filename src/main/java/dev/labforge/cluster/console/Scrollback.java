package dev.labforge.cluster.console;

/** The last {@code capacity} bytes a console printed, for a viewer who joins late: a ring, never larger. */
final class Scrollback {

    private final byte[] ring;
    private int start;
    private int size;

    Scrollback(int capacity) {
        ring = new byte[capacity];
    }

    void append(byte[] bytes) {
        int from = Math.max(0, bytes.length - ring.length); // only the tail of a huge write can be kept
        for (int i = from; i < bytes.length; i++) {
            ring[(start + size) % ring.length] = bytes[i];
            if (size < ring.length) {
                size++;
            } else {
                start = (start + 1) % ring.length;
            }
        }
    }

    byte[] snapshot() {
        byte[] copy = new byte[size];
        for (int i = 0; i < size; i++) {
            copy[i] = ring[(start + i) % ring.length];
        }
        return copy;
    }
}
