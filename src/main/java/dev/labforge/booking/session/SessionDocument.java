package dev.labforge.booking.session;

import dev.labforge.booking.capacity.Demand;
import dev.labforge.booking.timetable.ClassSession;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The class session documents of the API. */
final class SessionDocument {

    private SessionDocument() {
    }

    @Schema(name = "ClassSessionRequest")
    record SessionRequest(
            @NotNull @Size(max = 64) @Schema(description = "the first occurrence's start: ISO-8601 with an offset or"
                    + " Z, on a quarter hour", example = "2027-01-05T09:00:00+01:00") String start,
            @NotNull @Size(max = 64) @Schema(description = "the first occurrence's end; every occurrence lasts as"
                    + " long", example = "2027-01-05T11:00:00+01:00") String end,
            @Size(max = 200) @Schema(description = "an RFC 5545 RRULE expanded in the course's time zone from the"
                    + " first start (a date as UNTIL means the end of that day there); absent: once",
                    example = "FREQ=WEEKLY;UNTIL=20270330") String recurrence,
            @Min(1) @Max(10000) @Schema(description = "labs to hold capacity for in each occurrence; absent: one per"
                    + " student on the roster now") Integer seats) {
    }

    @Schema(name = "ClassSession")
    record SessionView(UUID id, String course, Instant start, Instant end, String recurrence, int seats,
                       @Schema(description = "what one occurrence holds of the pool: seats x one run") Demand demand,
                       Instant createdAt, Instant cancelledAt, List<OccurrenceView> occurrences) {
    }

    @Schema(name = "ClassSessionOccurrence")
    record OccurrenceView(@Schema(description = "1-based, in time order") int seq, Instant start, Instant end,
                          @Schema(description = "from when the labs are started and capacity held") Instant reservedFrom,
                          @Schema(description = "booked, active, ended or cancelled") String state,
                          @Schema(description = "whether the roster's bookings are made (at the lead time)")
                          boolean seated) {

        static OccurrenceView from(ClassSession.Occurrence o, Instant now) {
            return new OccurrenceView(o.seq(), o.start(), o.end(), o.labFrom(), o.state(now), o.seatedAt() != null);
        }
    }
}
