package dev.labforge.access.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.IntegrationTest;
import dev.labforge.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A token's expiry is counted from the service's clock, the one its expiry is checked against. */
class TokenClockTest extends IntegrationTest {

    @Autowired
    MovableClock clock;

    @AfterEach
    void systemTimeAgain() {
        clock.useSystemTime();
    }

    @Test
    void aTokensExpiryCountsFromTheServicesClock() {
        ApiClient user = api().newUser();
        Instant now = Instant.now().plus(Duration.ofMinutes(7)).truncatedTo(ChronoUnit.MILLIS);
        clock.set(now);
        Response created = user.post("/api/v1/tokens", "{\"name\":\"week\",\"expiresInDays\":7}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Instant.parse(created.json().get("expiresAt").asString())).isEqualTo(now.plus(Duration.ofDays(7)));

        ApiClient week = user.as(created.json().get("secret").asString());
        assertThat(week.get("/api/v1/me").status()).isEqualTo(200);
        clock.set(now.plus(Duration.ofDays(7)));
        assertThat(week.get("/api/v1/me").status()).as("expired on the service's clock").isEqualTo(401);
    }
}
