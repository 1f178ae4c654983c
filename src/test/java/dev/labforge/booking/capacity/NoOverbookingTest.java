package dev.labforge.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's "no overbooking": {@code requests} students book the same slot at once, over real HTTP from as many
 * threads, on a pool that fits {@code fits} of their runs. Exactly {@code fits} are accepted, every other one is a
 * clear 409 capacity-exhausted problem, none is a 5xx, and the ledger, summed by SQL afterwards, is never above the
 * pool's capacity at any instant. In every build at 12 requests for 4 places; {@code bench/overbooking.sh} runs
 * it at issue 13's size, 500 for 100 ({@code -Doverbooking.requests=500 -Doverbooking.fits=100}). That size once
 * gave 452 500s: every booking held one of the 10 database connections while it waited for the capacity pool's lock;
 * now bookings wait for their pool in the service, holding none ({@link dev.labforge.booking.practice.PoolTurns},
 * {@link dev.labforge.booking.practice.PoolTurnsTest}).
 */
class NoOverbookingTest extends BookingIntegrationTest {

    private static final int REQUESTS = Integer.getInteger("overbooking.requests", 12);
    private static final int FITS = Integer.getInteger("overbooking.fits", 4);
    private static final Instant NOW = Instant.parse("2030-06-03T08:00:00Z");
    /** Classroom's template: two routers of 2 vCPUs. */
    private static final int VCPUS_PER_RUN = 4;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void concurrentBookingsForTheLastPlacesGetExactlyThePlacesAndClearRefusals() throws Exception {
        clock.set(NOW);
        long setUp = System.nanoTime();
        Classroom room = Classroom.create(api(), FITS * VCPUS_PER_RUN, "");
        List<ApiClient> students = room.enrolStudents(REQUESTS);
        double setUpSeconds = (System.nanoTime() - setUp) / 1e9;
        String body = "{\"course\":\"" + room.course + "\",\"start\":\"2030-06-04T10:00:00Z\","
                + "\"end\":\"2030-06-04T11:00:00Z\"}";

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<long[]>> answers = new ArrayList<>();
        List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
        long started;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ApiClient student : students) {
                answers.add(threads.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/api/v1/bookings")).timeout(Duration.ofMinutes(2))
                            .header("Authorization", "Bearer " + student.token())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    go.await();
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 201) {
                        refusals.add(answer.statusCode() + " " + answer.body());
                    }
                    return new long[] {answer.statusCode(), System.nanoTime() - sent};
                }));
            }
            started = System.nanoTime();
            go.countDown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<Integer, Integer> byStatus = new TreeMap<>();
        long[] latencies = new long[answers.size()];
        for (int i = 0; i < answers.size(); i++) {
            long[] answer = answers.get(i).get();
            byStatus.merge((int) answer[0], 1, Integer::sum);
            latencies[i] = answer[1];
        }
        Arrays.sort(latencies);
        UUID pool = jdbc.sql("select id from capacity_pools where name = ?").param(room.pool).query(UUID.class).single();
        long peak = peakVcpus(pool);
        long reservations = jdbc.sql("select count(*) from capacity_reservations where pool_id = ?").param(pool)
                .query(Long.class).single();
        System.out.printf("[no overbooking] %d students booking one slot at once on a pool that fits %d runs"
                        + " (set up in %.1f s): answered in %.2f s, by status %s; latency p50 %.0f ms, max %.0f ms;"
                        + " ledger: %d reservations, at most %d of %d vCPUs reserved at any instant%n", REQUESTS, FITS,
                setUpSeconds, seconds, byStatus, latencies[latencies.length / 2] / 1e6,
                latencies[latencies.length - 1] / 1e6, reservations, peak, FITS * VCPUS_PER_RUN);

        assertThat(byStatus).as("exactly the places accepted, every other one refused with 409, no 5xx")
                .isEqualTo(Map.of(201, FITS, 409, REQUESTS - FITS));
        assertThat(refusals).hasSize(REQUESTS - FITS).allSatisfy(refusal -> {
            JsonNode problem = ApiClient.JSON.readTree(refusal.substring(4));
            assertThat(problem.get("type").asString()).endsWith("/capacity-exhausted");
            assertThat(problem.get("resource").asString()).isEqualTo("vcpus");
            assertThat(problem.get("detail").asString()).contains(room.pool).contains("2030-06-04T11:00:00Z");
        });
        assertThat(reservations).isEqualTo(FITS);
        assertThat(peak).as("the ledger never above the pool's capacity").isEqualTo(FITS * VCPUS_PER_RUN);
        assertThat(jdbc.sql("select count(*) from bookings b join courses c on c.id = b.course_id where c.name = ?")
                .param(room.course).query(Long.class).single()).isEqualTo(FITS);
    }

    /**
     * The most vCPUs the pool's reservations add up to at any instant: the sum is constant between two instants at
     * which a reservation starts or ends, and can only rise where one starts, so those instants are the ones to sum at.
     */
    private long peakVcpus(UUID pool) {
        return jdbc.sql("""
                        with r as (select during, vcpus from capacity_reservations where pool_id = ?)
                        select coalesce(max(load), 0) from (
                            select s.at, sum(r.vcpus) as load
                            from (select distinct lower(during) as at from r) s join r on r.during @> s.at
                            group by s.at) l""")
                .param(pool).query(Long.class).single();
    }
}
