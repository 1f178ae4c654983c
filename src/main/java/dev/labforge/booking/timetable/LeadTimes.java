package dev.labforge.booking.timetable;

import dev.labforge.booking.capacity.CapacityLedger;
import dev.labforge.topology.Node;
import dev.labforge.topology.Topology;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How long before a booking starts its lab is started, so that it is ready at the start; capacity is
 * held from then. Learned per router image from the boot durations the booking reconciler saw (the
 * 95th percentile of an image's last {@link #SAMPLES}, with a margin); the configured lead time until an
 * image has any. A lab waits for its slowest image. Starting many labs at once adds the time it takes
 * to start them all at the configured rate ({@code labforge.booking.starts-per-minute}), so that a large
 * class is started over minutes instead of in one storm and every lab is still ready at the start.
 */
@Component
public class LeadTimes {

    /** Recent samples only: a slower cluster or a new image version shows within a few classes. */
    static final int SAMPLES = 20;
    /** Boots vary; a quarter more than the 95th percentile keeps a late lab rare. */
    private static final double MARGIN = 1.25;
    private static final Duration MAX = Duration.ofHours(1);
    /** Never less: a start request itself takes a reconcile pass or two before anything boots. */
    private static final Duration MIN = Duration.ofMinutes(1);

    private final BookingProperties properties;
    private final JdbcClient jdbc;

    LeadTimes(BookingProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** The lead time for {@code labs} runs of a lab of this topology starting together. */
    public Duration of(Topology topology, int labs) {
        Duration boot = Duration.ZERO;
        boolean learned = true;
        for (String image : topology.nodes().stream().map(Node::image).distinct().toList()) {
            Integer seconds = learnedSeconds(image);
            if (seconds == null) {
                learned = false;
                break;
            }
            boot = boot.compareTo(Duration.ofSeconds(seconds)) > 0 ? boot : Duration.ofSeconds(seconds);
        }
        Duration lead = learned ? wholeMinutes(Duration.ofMillis((long) (boot.toMillis() * MARGIN)))
                : properties.leadTime();
        lead = lead.compareTo(MIN) < 0 ? MIN : lead;
        lead = lead.plus(spread(labs));
        return lead.compareTo(MAX) > 0 ? MAX : lead;
    }

    /** How long it takes to start {@code labs} labs at the configured rate: the last one starts that late. */
    Duration spread(int labs) {
        return wholeMinutes(gap().multipliedBy(Math.max(0, labs - 1)));
    }

    /** The time between two starts of one class. */
    public Duration gap() {
        return Duration.ofMillis(60_000L / Math.max(1, properties.startsPerMinute()));
    }

    /** Records that the booking's lab, started at {@code started}, was ready at {@code ready}. */
    public void record(UUID bookingId, Collection<String> images, Instant started, Instant ready) {
        long seconds = Math.max(0, Duration.between(started, ready).toSeconds());
        for (String image : images) {
            jdbc.sql("insert into image_boot_times (image, seconds, observed_at, booking_id) values (?, ?, ?, ?)")
                    .params(image, (int) seconds, CapacityLedger.utc(ready), bookingId).update();
        }
    }

    private Integer learnedSeconds(String image) {
        int seconds = jdbc.sql("""
                        select coalesce(percentile_disc(0.95) within group (order by seconds), -1)
                        from (select seconds from image_boot_times where image = ? order by observed_at desc limit ?) s""")
                .params(image, SAMPLES).query(Integer.class).single();
        return seconds < 0 ? null : seconds; // no sample yet
    }

    private static Duration wholeMinutes(Duration d) {
        long minutes = (d.toSeconds() + 59) / 60;
        return Duration.ofMinutes(minutes);
    }
}
