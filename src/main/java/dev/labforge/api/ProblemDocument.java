package dev.labforge.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The shape of every error answer, for the OpenAPI description (RFC 9457 plus {@code errors}). */
@Schema(name = "Problem", description = "RFC 9457 problem details")
record ProblemDocument(
        @Schema(example = "https://labforge.dev/problems/validation-failed",
                description = "stable identifier of the kind of problem; branch on this") String type,
        @Schema(example = "Validation failed") String title,
        @Schema(example = "422") int status,
        @Schema(description = "what went wrong, for people") String detail,
        @Schema(example = "/api/v1/labs") String instance,
        @Schema(description = "one entry per invalid field, with a JSON pointer into the request body")
        List<InvalidField> errors) {
}
