package dev.labforge.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.cluster.Scrape;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Booking's meters on /actuator/prometheus: a pool's capacity and what its reservations hold now (this test's own pool,
 * so exact), and bookings by state and upcoming as the clock passes a booking's start. The gauges count every
 * booking in the database, so this test's booking is on a day no other test books (2037-08-19), which makes the
 * upcoming count exactly its own.
 */
class BookingMetersTest extends BookingIntegrationTest {

    @Test
    void aPoolsCapacityAndLoadAndTheBookingsStatesShowAsTheClockMoves() {
        clock.set(Instant.parse("2037-08-18T08:00:00Z")); // within the course's booking window of the slot
        Classroom room = Classroom.create(api(), 8, "");
        ApiClient alice = room.enrol("student");
        assertThat(alice.post("/api/v1/bookings", "{\"course\":\"" + room.course
                + "\",\"start\":\"2037-08-19T08:00:00Z\",\"end\":\"2037-08-19T10:00:00Z\"}").status()).isEqualTo(201);

        clock.set(Instant.parse("2037-08-19T07:00:00Z").minus(BookingMeters.FRESH_FOR)); // before its lead time
        Scrape.of(port); // a new reading: it registers the new pool's gauges, served from the next scrape
        clock.set(Instant.parse("2037-08-19T07:00:00Z"));
        Scrape early = Scrape.of(port);
        assertThat(early.value("labforge_pool_capacity", "pool", room.pool, "resource", "vcpus")).isEqualTo(8);
        assertThat(early.value("labforge_pool_capacity", "pool", room.pool, "resource", "memory"))
                .isEqualTo(1048576.0 * 1024 * 1024);
        assertThat(early.value("labforge_pool_capacity", "pool", room.pool, "resource", "nodes")).isEqualTo(1000);
        assertThat(early.value("labforge_pool_reserved", "pool", room.pool, "resource", "vcpus")).isZero();
        assertThat(early.value("labforge_bookings", "state", "booked")).isGreaterThanOrEqualTo(1);
        assertThat(early.value("labforge_bookings_upcoming")).as("starts in an hour, not within").isZero();

        clock.set(Instant.parse("2037-08-19T07:30:00Z"));
        assertThat(Scrape.of(port).value("labforge_bookings_upcoming")).isGreaterThanOrEqualTo(1);

        clock.set(Instant.parse("2037-08-19T08:30:00Z"));
        Scrape during = Scrape.of(port);
        assertThat(during.value("labforge_pool_reserved", "pool", room.pool, "resource", "vcpus"))
                .as("two routers of 2 vCPUs").isEqualTo(4);
        assertThat(during.value("labforge_pool_reserved", "pool", room.pool, "resource", "nodes")).isEqualTo(2);
        assertThat(during.value("labforge_pool_reserved", "pool", room.pool, "resource", "memory"))
                .isEqualTo(2048.0 * 1024 * 1024);
        assertThat(during.value("labforge_bookings", "state", "active")).isGreaterThanOrEqualTo(1);

        clock.set(Instant.parse("2037-08-19T10:00:00Z").plus(Duration.ofMinutes(1)));
        Scrape after = Scrape.of(port);
        assertThat(after.value("labforge_pool_reserved", "pool", room.pool, "resource", "vcpus")).isZero();
        assertThat(after.value("labforge_bookings", "state", "ended")).isGreaterThanOrEqualTo(1);
    }
}
