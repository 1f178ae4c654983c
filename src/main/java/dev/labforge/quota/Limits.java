package dev.labforge.quota;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.PositiveOrZero;

/** An owner's limits; an absent (null) limit means no limit. */
@Schema(name = "Limits", description = "absent means no limit")
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Limits(@PositiveOrZero Integer labs, @PositiveOrZero Integer runningNodes,
                     @PositiveOrZero Integer vcpus, @PositiveOrZero Long memoryMib) {

    public static final Limits NONE = new Limits(null, null, null, null);
}
