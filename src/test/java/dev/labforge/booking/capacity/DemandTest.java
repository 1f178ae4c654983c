package dev.labforge.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemandTest {

    /** fitsOn is shortIn without its list: the free-slot read decides with the one what bookings refuse with the other. */
    @Test
    void aDemandFitsOnALoadExactlyWhenNoResourceIsShort() {
        Demand capacity = new Demand(4, 4, 4);
        long[] values = {0, 1, 3, 4, 5};
        int checked = 0;
        for (long v : values) {
            for (long m : values) {
                for (long n : values) {
                    Demand demand = new Demand(v, m, n);
                    for (long used : values) {
                        Demand load = new Demand(used, 4 - Math.min(4, used), used / 2);
                        assertThat(demand.fitsOn(load, capacity)).as("%s on %s", demand, load)
                                .isEqualTo(demand.shortIn(load, capacity).isEmpty());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isEqualTo(625);
        assertThat(new Demand(1, 0, 0).fitsOn(new Demand(4, 0, 0), capacity)).isFalse();
        assertThat(new Demand(0, 1, 1).fitsOn(new Demand(9, 0, 0), capacity)).as("no vCPUs wanted").isTrue();
    }
}
