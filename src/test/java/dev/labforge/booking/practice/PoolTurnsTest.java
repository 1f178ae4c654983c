package dev.labforge.booking.practice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Students booking one pool at once wait for their turn in the service, holding no database connection: the
 * test holds the pool's row lock, so no booking can finish, and sends more bookings than the connection pool
 * has connections (10 in the tests). Before {@link PoolTurns} each of them took a connection and then waited
 * for the lock, the pool ran dry and the bookings past its timeout got a 500 (bench/overbooking.sh: 452 of 500).
 * Now all but one wait in line, and once the lock is let go every one gets its answer: the places, then 409s.
 */
class PoolTurnsTest extends BookingIntegrationTest {

    private static final int REQUESTS = 24;
    private static final int FITS = 4;

    @Autowired
    private PoolTurns turns;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void bookingsWaitingForAPoolHoldNoConnectionAndAllGetAnAnswer() throws Exception {
        clock.set(Instant.parse("2030-06-03T08:00:00Z"));
        Classroom room = Classroom.create(api(), FITS * 4, "");
        List<ApiClient> students = room.enrolStudents(REQUESTS);
        UUID pool = jdbc.sql("select id from capacity_pools where name = ?").param(room.pool).query(UUID.class).single();
        String body = "{\"course\":\"" + room.course + "\",\"start\":\"2030-06-04T10:00:00Z\","
                + "\"end\":\"2030-06-04T11:00:00Z\"}";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            try (Connection holder = dataSource.getConnection()) {
                holder.setAutoCommit(false);
                try (PreparedStatement lock = holder.prepareStatement(
                        "select id from capacity_pools where id = ? for update")) {
                    lock.setObject(1, pool);
                    lock.executeQuery().close();
                }
                for (ApiClient student : students) {
                    answers.add(threads.submit(() -> http.send(HttpRequest.newBuilder(URI.create(
                                    "http://localhost:" + port + "/api/v1/bookings")).timeout(Duration.ofMinutes(2))
                            .header("Authorization", "Bearer " + student.token())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                            HttpResponse.BodyHandlers.ofString())));
                }
                // one booking holds its turn (and a connection, waiting for the lock); every other one is in line
                await("all but one booking waiting in the pool's line", () -> turns.waiting(pool) == REQUESTS - 1);
                assertThat(answers).noneMatch(Future::isDone);
                holder.rollback();
            }
            Map<Integer, Integer> byStatus = new TreeMap<>();
            for (Future<HttpResponse<String>> answer : answers) {
                byStatus.merge(answer.get().statusCode(), 1, Integer::sum);
            }
            assertThat(byStatus).isEqualTo(Map.of(201, FITS, 409, REQUESTS - FITS));
        }
        assertThat(turns.waiting(pool)).isZero();
    }
}
