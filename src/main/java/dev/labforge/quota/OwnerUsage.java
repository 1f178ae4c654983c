package dev.labforge.quota;

import dev.labforge.access.Owner;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/** One owner's limits next to what they use. */
@Schema(name = "OwnerUsage")
record OwnerUsage(Subject owner, Limits limits, Usage usage) {

    @Schema(name = "QuotaOwner")
    record Subject(Owner.Kind kind, UUID id, String name) {
    }
}
