package dev.labforge.booking.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.booking.capacity.CapacityLedger;
import dev.labforge.booking.capacity.Demand;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreeSlotsTest {

    private static final Instant T = Instant.parse("2030-03-26T08:00:00Z");
    private static final Demand CAPACITY = new Demand(8, 100_000, 100);
    private static final Demand RUN = new Demand(4, 1024, 3);

    @Test
    void aStepIsFreeWhenTheRunFitsFromItsLeadTimeToItsEnd() {
        // 4 of 8 vCPUs taken 09:00-10:00, 8 of 8 from 10:00 to 11:00
        List<CapacityLedger.Segment> load = List.of(
                segment(T.minus(Duration.ofMinutes(5)), T.plus(Duration.ofHours(1)), 0),
                segment(T.plus(Duration.ofHours(1)), T.plus(Duration.ofHours(2)), 4),
                segment(T.plus(Duration.ofHours(2)), T.plus(Duration.ofHours(3)), 8),
                segment(T.plus(Duration.ofHours(3)), T.plus(Duration.ofHours(4)), 0));
        List<FreeSlots.Slot> free = FreeSlots.find(load, CAPACITY, RUN, Duration.ofMinutes(5), T,
                T.plus(Duration.ofHours(4)));
        assertThat(free).containsExactly(
                new FreeSlots.Slot(T, T.plus(Duration.ofHours(2))), // 09:45 is the last step: [09:40, 10:00) fits
                new FreeSlots.Slot(T.plus(Duration.ofMinutes(195)), T.plus(Duration.ofHours(4)))); // 11:15: lead after 11:00
    }

    @Test
    void aRunLargerThanThePoolFitsNowhere() {
        List<CapacityLedger.Segment> empty = List.of(segment(T.minus(Duration.ofMinutes(5)), T.plus(Duration.ofHours(1)), 0));
        assertThat(FreeSlots.find(empty, CAPACITY, new Demand(9, 0, 1), Duration.ofMinutes(5), T,
                T.plus(Duration.ofHours(1)))).isEmpty();
    }

    private static CapacityLedger.Segment segment(Instant start, Instant end, long vcpus) {
        return new CapacityLedger.Segment(start, end, new Demand(vcpus, 0, 0));
    }
}
