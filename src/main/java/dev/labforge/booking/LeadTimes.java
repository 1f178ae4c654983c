package dev.labforge.booking;

import dev.labforge.topology.Topology;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * How long before a booking starts its lab is started, so that it is ready at the start; capacity is
 * held from then.
 */
@Component
class LeadTimes {

    private final BookingProperties properties;

    LeadTimes(BookingProperties properties) {
        this.properties = properties;
    }

    /** The lead time for {@code labs} runs of a lab of this topology starting together. */
    Duration of(Topology topology, int labs) {
        return properties.leadTime();
    }
}
