package dev.labforge.containerlab;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The text of an uploaded topology file, which must be UTF-8: a malformed byte is refused, saying where. */
public final class Utf8Text {

    private Utf8Text() {
    }

    public static String of(byte[] file) throws ContainerlabFormatException {
        ByteBuffer bytes = ByteBuffer.wrap(file);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new ContainerlabFormatException("", "the file is not valid UTF-8 (a malformed byte sequence at"
                    + " byte " + bytes.position() + ")");
        }
    }
}
