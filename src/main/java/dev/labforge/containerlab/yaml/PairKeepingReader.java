package dev.labforge.containerlab.yaml;

import java.io.Reader;

/**
 * Text for SnakeYAML Engine in chunks that never end between the two halves of a surrogate pair. Its stream
 * reader fills its whole buffer and then, if the last unit is a high surrogate, reads one more unit past the
 * buffer's end: an IndexOutOfBoundsException for any file with a character outside the basic plane (an emoji)
 * at that boundary (engine 3.0.1). Ending each chunk before such a unit keeps it inside.
 */
public final class PairKeepingReader extends Reader {

    private final String text;
    private int next;

    public PairKeepingReader(String text) {
        this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (next >= text.length()) {
            return -1;
        }
        int end = Math.min(text.length(), next + length);
        if (end - next > 1 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // its low half comes first in the next chunk
        }
        text.getChars(next, end, buffer, offset);
        int read = end - next;
        next = end;
        return read;
    }

    @Override
    public void close() {
    }
}
