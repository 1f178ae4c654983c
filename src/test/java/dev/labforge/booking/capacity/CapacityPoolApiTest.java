package dev.labforge.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class CapacityPoolApiTest extends BookingIntegrationTest {

    private static final String POOL = """
            {"name":"%s","vcpus":%d,"memoryMib":65536,"nodes":40,"nodeSelector":{"labforge.dev/pool":"class"}}""";

    @Autowired
    private CapacityLedger ledger;
    @Autowired
    private CapacityPools pools;
    @Autowired
    private PlatformTransactionManager transactions;

    @Test
    void administratorsDeclarePoolsEveryoneReadsThemOthersMayNotChangeThem() {
        String name = name();
        Response created = api().post("/api/v1/capacity/pools", POOL.formatted(name, 32));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/capacity/pools/" + name);
        assertThat(created.json().get("vcpus").asLong()).isEqualTo(32);
        assertThat(created.json().get("nodeSelector").get("labforge.dev/pool").asString()).isEqualTo("class");

        ApiClient user = api().newUser();
        assertThat(user.get("/api/v1/capacity/pools/" + name).json().get("memoryMib").asLong()).isEqualTo(65536);
        assertThat(user.get("/api/v1/capacity/pools").body()).contains("\"" + name + "\"");
        Response refused = user.post("/api/v1/capacity/pools", POOL.formatted(name(), 4));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(user.put("/api/v1/capacity/pools/" + name, POOL.formatted(name, 4)).status()).isEqualTo(403);
        assertThat(user.delete("/api/v1/capacity/pools/" + name).status()).isEqualTo(403);
        assertThat(anonymous().get("/api/v1/capacity/pools").status()).isEqualTo(401);

        assertThat(api().post("/api/v1/capacity/pools", POOL.formatted(name, 8)).json().get("type").asString())
                .isEqualTo("https://labforge.dev/problems/conflict");
        assertThat(api().delete("/api/v1/capacity/pools/" + name).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/capacity/pools/" + name).status()).isEqualTo(404);
    }

    @Test
    void aBadPoolIsRefusedWithAPointerToEachBadFieldAndNothingIsStored() {
        Response bad = api().post("/api/v1/capacity/pools",
                "{\"name\":\"Not A Label\",\"vcpus\":0,\"memoryMib\":-1,\"nodes\":null}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/validation-failed");
        assertThat(bad.json().get("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/name", "/vcpus", "/memoryMib", "/nodes");
        assertThat(api().get("/api/v1/capacity/pools").body()).doesNotContain("Not A Label");
    }

    @Test
    void aPoolCannotShrinkBelowWhatIsReservedAndTheLoadShowsWhatIs() {
        String name = name();
        api().post("/api/v1/capacity/pools", POOL.formatted(name, 16));
        CapacityPool pool = ledgerPool(name);
        clock.set(Instant.parse("2030-05-06T08:00:00Z"));
        Instant start = clock.instant().plus(Duration.ofDays(2));
        new TransactionTemplate(transactions).executeWithoutResult(status ->
                ledger.reserve(pool.id(), start, start.plus(Duration.ofHours(1)), new Demand(12, 4096, 6), "test"));

        Response shrink = api().put("/api/v1/capacity/pools/" + name, POOL.formatted(name, 8));
        assertThat(shrink.status()).isEqualTo(409);
        assertThat(shrink.json().get("type").asString()).isEqualTo("https://labforge.dev/problems/capacity-exhausted");
        assertThat(shrink.json().get("resource").asString()).isEqualTo("vcpus");
        assertThat(shrink.json().get("shortBy").asLong()).isEqualTo(4);
        assertThat(api().get("/api/v1/capacity/pools/" + name).json().get("vcpus").asLong()).isEqualTo(16);
        assertThat(api().put("/api/v1/capacity/pools/" + name, POOL.formatted(name, 12)).status()).isEqualTo(200);

        Response load = api().get("/api/v1/capacity/pools/" + name + "/load?from=" + start.minus(Duration.ofHours(1))
                + "&to=" + start.plus(Duration.ofHours(2)));
        assertThat(load.status()).isEqualTo(200);
        assertThat(load.json().get("segments").findValuesAsString("start")).containsExactly(
                start.minus(Duration.ofHours(1)).toString(), start.toString(), start.plus(Duration.ofHours(1)).toString());
        assertThat(load.json().get("segments").get(1).get("vcpus").asLong()).isEqualTo(12);
        assertThat(api().delete("/api/v1/capacity/pools/" + name).status()).isEqualTo(409);
        assertThat(api().get("/api/v1/capacity/pools/" + name + "/load?from=yesterday").status()).isEqualTo(400);
    }

    private CapacityPool ledgerPool(String name) {
        return pools.require(name);
    }

    private static String name() {
        return "pool-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
