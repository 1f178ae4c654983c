package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A lab's creation and each redefinition are dated by the service's clock, not the machine's. */
class LabClockTest extends IntegrationTest {

    @Autowired
    MovableClock clock;

    @AfterEach
    void systemTimeAgain() {
        clock.useSystemTime();
    }

    @Test
    void creationAndEditsAreDatedByTheServicesClock() {
        Catalog.ensure(api());
        ApiClient user = api().newUser();
        // a few minutes ahead of the machine, to the millisecond: the database keeps microseconds
        Instant created = Instant.now().plus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.MILLIS);
        clock.set(created);
        Response lab = user.post("/api/v1/labs", LabApiTest.triangle("clocked"));
        assertThat(lab.status()).as(lab.body()).isEqualTo(201);
        String id = lab.json().get("id").asString();
        assertThat(Instant.parse(user.get("/api/v1/labs/" + id).json().get("createdAt").asString())).isEqualTo(created);

        Instant edited = created.plus(Duration.ofMinutes(3));
        clock.set(edited);
        Response put = user.put("/api/v1/labs/" + id, LabApiTest.triangle("clocked-again"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        var body = user.get("/api/v1/labs/" + id).json();
        assertThat(Instant.parse(body.get("updatedAt").asString())).isEqualTo(edited);
        assertThat(Instant.parse(body.get("createdAt").asString())).isEqualTo(created);
    }
}
