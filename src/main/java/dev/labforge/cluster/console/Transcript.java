package dev.labforge.cluster.console;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * One console session's transcript while it runs: output and keystrokes as asciicast v2 events ({@code [seconds,
 * "o" or "i", text]}), buffered in memory and taken in batches by {@link Transcripts} to be appended to the database.
 * Called on the console's hot path (the upstream's thread, the typist's socket): appending is a short synchronized
 * step, never a database write. At {@code limit} bytes nothing more is kept and the transcript is marked cut.
 */
class Transcript {

    /** A console that is not transcribed. */
    static final Transcript NONE = new Transcript(null, 0, Clock.systemUTC()) {
        @Override
        void output(byte[] bytes) {
        }

        @Override
        void input(byte[] bytes) {
        }
    };

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UUID id;
    private final long limit;
    private final Clock clock;
    private final Instant started;
    /** Each stream decoded on its own, so that a character split across two messages is kept whole. */
    private final Stream outputText = new Stream("o");
    private final Stream inputText = new Stream("i");
    private StringBuilder pending = new StringBuilder();
    private long kept;
    private boolean cut;
    private boolean cutTaken;

    Transcript(UUID id, long limit, Clock clock) {
        this.id = id;
        this.limit = limit;
        this.clock = clock;
        this.started = clock.instant();
    }

    UUID id() {
        return id;
    }

    Instant started() {
        return started;
    }

    void output(byte[] bytes) {
        append(outputText, bytes);
    }

    void input(byte[] bytes) {
        append(inputText, bytes);
    }

    /** What was recorded since the last batch: event lines, and how many bytes of console data they hold. */
    record Batch(String events, long bytes, boolean cut) {
        boolean isEmpty() {
            return events.isEmpty() && !cut;
        }
    }

    private long batchBytes;

    synchronized Batch take() {
        String events = pending.toString();
        pending = new StringBuilder();
        long bytes = batchBytes;
        batchBytes = 0;
        boolean newlyCut = cut && !cutTaken;
        cutTaken |= cut;
        return new Batch(events, bytes, newlyCut);
    }

    private synchronized void append(Stream stream, byte[] bytes) {
        if (cut || bytes.length == 0) {
            return;
        }
        if (kept + bytes.length > limit) {
            cut = true;
            return;
        }
        kept += bytes.length;
        batchBytes += bytes.length;
        String text = stream.decode(bytes);
        if (text.isEmpty()) {
            return;
        }
        double seconds = Duration.between(started, clock.instant()).toNanos() / 1e9;
        pending.append('[').append(String.format(java.util.Locale.ROOT, "%.6f", seconds)).append(", \"")
                .append(stream.code).append("\", ").append(JSON.writeValueAsString(text)).append("]\n");
    }

    /** One direction's bytes as text: an incomplete UTF-8 character at the end of a message waits for the next. */
    private static final class Stream {
        private final String code;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private byte[] carry = new byte[0];

        Stream(String code) {
            this.code = code;
        }

        String decode(byte[] bytes) {
            ByteBuffer in = ByteBuffer.allocate(carry.length + bytes.length).put(carry).put(bytes).flip();
            CharBuffer text = CharBuffer.allocate(in.remaining() + 1);
            decoder.decode(in, text, false);
            carry = new byte[in.remaining()];
            in.get(carry);
            return text.flip().toString();
        }
    }
}
