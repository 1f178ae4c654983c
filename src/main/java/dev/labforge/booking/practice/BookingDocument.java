package dev.labforge.booking.practice;

import dev.labforge.booking.capacity.Demand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The booking and free-slot documents of the API. */
final class BookingDocument {

    private BookingDocument() {
    }

    @Schema(name = "BookingRequest")
    record BookingRequest(
            @NotNull @Size(max = 64) @Schema(example = "net101") String course,
            @NotNull @Size(max = 64) @Schema(description = "ISO-8601 with an offset or Z, on a quarter hour",
                    example = "2030-01-08T09:00:00+01:00") String start,
            @NotNull @Size(max = 64) @Schema(description = "ISO-8601 with an offset or Z, on a quarter hour",
                    example = "2030-01-08T11:00:00+01:00") String end) {
    }

    @Schema(name = "ExtensionRequest")
    record ExtensionRequest(@NotNull @Min(15) @Max(1440) @Schema(description = "a multiple of 15", example = "30")
                            Integer minutes) {
    }

    @Schema(name = "Booking")
    record BookingView(UUID id, String course, UUID lab, Instant start, Instant end,
                       @Schema(description = "booked, active, ended or cancelled") String state, int extensions,
                       @Schema(description = "from when the lab is started and capacity held") Instant reservedFrom,
                       Instant createdAt) {
    }

    @Schema(name = "FreeSlots", description = "where one more run of the course's template fits in its pool")
    record FreeSlotsView(String course, String pool, Instant from, Instant to,
                         @Schema(example = "PT15M") String step,
                         @Schema(description = "what one run takes") Demand demand,
                         @Schema(description = "runs of free 15-minute steps") List<SlotView> free) {
    }

    @Schema(name = "FreeSlot")
    record SlotView(Instant start, Instant end) {
    }
}
