package dev.labforge.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import dev.labforge.MovableClock;
import dev.labforge.lab.LabRunner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Base of the booking module's tests: the whole service over HTTP, with the clock the test moves.
 * Each test names its pools and courses uniquely and sets the clock before it relies on it; the
 * clock goes back to the system's time after each. Tests that run the booking reconciler's passes
 * themselves first wait until this replica holds its lease ({@link #awaitReconcilerLease}).
 */
public abstract class BookingIntegrationTest extends IntegrationTest {

    @Autowired
    protected MovableClock clock;
    @Autowired
    private LabRunner runner;

    @AfterEach
    void systemTimeAgain() {
        clock.useSystemTime();
    }

    /** A pass of a replica without the lease does nothing: tests calling passes wait for it first. */
    protected void awaitReconcilerLease() {
        await("this replica to hold the reconciler lease", runner::leads);
    }

    /** The setup of a test that runs the reconciler's passes itself: the clock at {@code now}, and the lease held. */
    protected void passesFrom(Instant now) {
        clock.set(now);
        awaitReconcilerLease();
    }

    /** The student books a slot of the room's course; the booking's id. */
    protected static String bookSlot(ApiClient student, Classroom room, String start, String end) {
        Response booked = student.post("/api/v1/bookings", "{\"course\":\"" + room.course + "\",\"start\":\"" + start
                + "\",\"end\":\"" + end + "\"}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json().get("id").asString();
    }

    /** The messages of the lab's events of one kind, oldest first. */
    protected static List<String> labNotes(ApiClient client, String lab, String kind) {
        List<String> messages = new ArrayList<>();
        for (JsonNode event : client.get("/api/v1/labs/" + lab + "/events").json().get("items")) {
            if (event.get("kind").asString().equals(kind)) {
                messages.add(event.get("message").asString());
            }
        }
        return messages;
    }

    /** The lab's state, empty when it has no status yet. */
    protected static String labState(ApiClient client, String lab) {
        JsonNode status = client.get("/api/v1/labs/" + lab).json().get("status");
        return status == null || status.isNull() ? "" : status.get("state").asString();
    }

    /** How many vCPUs the pool's reservations add up to at {@code instant}, as its load endpoint says. */
    protected long vcpusAt(String pool, String instant) {
        Instant at = Instant.parse(instant);
        JsonNode segments = api().get("/api/v1/capacity/pools/" + pool + "/load?from=" + at.minusSeconds(1)
                + "&to=" + at.plusSeconds(1)).json().get("segments");
        for (JsonNode segment : segments) {
            if (!Instant.parse(segment.get("start").asString()).isAfter(at)
                    && Instant.parse(segment.get("end").asString()).isAfter(at)) {
                return segment.get("vcpus").asLong();
            }
        }
        throw new AssertionError("no segment at " + instant + ": " + segments);
    }

    /** Polls {@code done} until it holds; fails after 60 s, saying what it waited for. */
    protected static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after 60 s waiting for " + what);
            }
            try {
                Thread.sleep(20); // polling a condition with a deadline, not waiting a fixed time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
