package dev.labforge.cluster.console;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * A serial console socket opened with {@code &lines=true}, by a line-at-a-time client such as {@code wsdump} or
 * {@code wscat}: console output goes out as text (UTF-8, a character split between two outputs kept whole, a byte
 * that is not UTF-8 shown as U+FFFD), which such a client prints as it is instead of as a dump of bytes. Its sends
 * come one at a time from its {@link Viewer}, so the decoder's state needs no lock.
 */
final class LineSession extends WebSocketSessionDecorator {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** The start of a character whose last bytes are still to come. */
    private byte[] carry = new byte[0];

    LineSession(WebSocketSession session) {
        super(session);
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        if (!(message instanceof BinaryMessage binary)) {
            super.sendMessage(message);
            return;
        }
        ByteBuffer payload = binary.getPayload().duplicate();
        ByteBuffer in = ByteBuffer.allocate(carry.length + payload.remaining()).put(carry).put(payload).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        carry = new byte[in.remaining()];
        in.get(carry);
        if (out.position() > 0) {
            super.sendMessage(new TextMessage(out.flip().toString()));
        }
    }
}
