package dev.labforge.api;

import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** What went wrong reading a request body, in words that name no internals. */
final class ReadFailures {

    private ReadFailures() {
    }

    static String describe(JacksonException e) {
        return switch (e) {
            case StorableText.Unstorable unstorable -> unstorable.getOriginalMessage();
            case UnrecognizedPropertyException unknown -> "unknown field";
            case StreamReadException malformed -> "malformed JSON: " + malformed.getOriginalMessage();
            case InvalidFormatException bad when bad.getTargetType() == UUID.class ->
                    "not a UUID: expected a string like 123e4567-e89b-12d3-a456-426614174000";
            case MismatchedInputException mismatch ->
                    "wrong type or value: expected " + JsonTypes.describe(mismatch.getTargetType());
            default -> "wrong type or value";
        };
    }
}
