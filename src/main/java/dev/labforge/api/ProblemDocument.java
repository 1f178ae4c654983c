package dev.labforge.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;

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
        List<InvalidField> errors,
        @Schema(description = "quota-exceeded only: the limit the request would pass",
                allowableValues = {"labs", "runningNodes", "vcpus", "memoryMib"}) String limit,
        @Schema(description = "quota-exceeded only: whose limit it is") Owner owner,
        @Schema(description = "quota-exceeded only: the limit's value") Long max,
        @Schema(description = "quota-exceeded only: what the owner uses now") Long used,
        @Schema(description = "quota-exceeded only: what the request would add") Long requested) {

    /** An owner as every answer names one: the same object labs and usage show. */
    @Schema(name = "ProblemOwner")
    record Owner(@Schema(allowableValues = {"user", "team"}) String kind, UUID id,
                 @Schema(description = "the user's or team's name") String name) {
    }
}
