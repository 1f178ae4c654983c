package dev.labforge.api;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in a request body must be text PostgreSQL can store. A JSON escape can spell a NUL (which
 * PostgreSQL refuses) or half of a surrogate pair (which the driver silently stores as '?'), so the
 * answer would echo a value that is not what was saved. Every string and every object key of every
 * body is checked as it is read; a flaw is a 400 pointing at the value. The containerlab reader
 * applies the same rule to YAML scalars.
 */
final class StorableText {

    private StorableText() {
    }

    /** Why the text cannot be stored, or null when it can. */
    static String flaw(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "contains a NUL character (U+0000), which cannot be stored";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired UTF-16 surrogate (U+%04X), which is no character and cannot be stored"
                        .formatted((int) c);
            }
        }
        return null;
    }

    static SimpleModule module() {
        return new SimpleModule("storable-text")
                .addDeserializer(String.class, new CheckedStrings())
                .addKeyDeserializer(String.class, new CheckedKeys());
    }

    /** The refusal, a Jackson read failure so that Jackson adds the path to the value. */
    static final class Unstorable extends MismatchedInputException {

        Unstorable(JsonParser parser, String flaw) {
            super(parser, flaw, String.class);
        }
    }

    private static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            return checked(super.deserialize(parser, context), context);
        }
    }

    private static final class CheckedKeys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return checked(key, context);
        }
    }

    private static String checked(String text, DeserializationContext context) {
        String flaw = text == null ? null : flaw(text);
        if (flaw != null) {
            throw new Unstorable(context.getParser(), flaw);
        }
        return text;
    }
}
