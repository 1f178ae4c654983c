package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.RoundTrips;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database round trips of the two hottest requests, creating a lab and reading one, counted on the request's own
 * thread (see {@link RoundTrips}): each is a wait for the database and for a core on a machine that runs both, and
 * the benchmark's create latency and read rate (docs/benchmarks.md) follow their number.
 */
class LabRoundTripsTest extends IntegrationTest {

    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"},{"name":"r2","image":"frr"},{"name":"r3","image":"frr"}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]},{"endpoints":["r2:eth2","r3:eth1"]}]}""";

    private ApiClient alice;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        alice = api().newUser(); // no limits of their own, and none by default
    }

    @Test
    void aCreateIsFourRoundTrips() {
        List<String> trips = measured(probe -> alice.post("/api/v1/labs", LAB.formatted(probe),
                RoundTrips.HEADER, probe), 201);

        assertThat(trips).as("round trips of a create: %s", trips).hasSize(4);
        assertThat(trips.get(0)).as("the caller, from the token").contains("from api_tokens");
        assertThat(trips.get(1)).as("the owner's limits, read once their lock is granted")
                .contains("pg_advisory_xact_lock_shared").contains("from quotas");
        assertThat(trips.get(2)).as("the lab and its audit entry").contains("insert into labs")
                .contains("insert into audit_log");
        assertThat(trips.get(3)).isEqualTo("COMMIT");
    }

    @Test
    void aReadIsTwoRoundTrips() {
        Response created = alice.post("/api/v1/labs", LAB.formatted("read-" + UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/api/v1/labs/" + created.json().get("id").asString();
        // with live state, so that the answer carries what the second statement read
        assertThat(alice.post(path + "/start", null).status()).isEqualTo(202);

        List<String> trips = measured(probe -> alice.get(path, RoundTrips.HEADER, probe), 200);

        assertThat(trips).as("round trips of a read: %s", trips).hasSize(2);
        assertThat(trips.get(0)).as("the caller, from the token").contains("from api_tokens");
        assertThat(trips.get(1)).as("the lab with its owner's name, and its live state").contains("from labs l")
                .contains("from users u").contains("from lab_runtime r");
        Response read = alice.get(path);
        assertThat(read.json().get("owner").get("name").asString()).isEqualTo(alice.username());
        assertThat(read.json().get("status").get("desired").asString()).isEqualTo("RUNNING");
    }

    /**
     * The round trips of one request, sent again (up to three times) while one of them was a cache refreshing
     * itself, which no request pays for more often than its period: the image catalog (every 5 s) and a token's
     * last use (every minute).
     */
    private static List<String> measured(Function<String, Response> request, int status) {
        List<String> trips = List.of();
        for (int attempt = 0; attempt < 3; attempt++) {
            String probe = "probe-" + UUID.randomUUID();
            Response response = request.apply(probe);
            assertThat(response.status()).as(response.body()).isEqualTo(status);
            trips = RoundTrips.of(probe);
            if (trips.stream().noneMatch(trip -> trip.contains("from router_images")
                    || trip.contains("update api_tokens set last_used_at"))) {
                return trips;
            }
        }
        return trips;
    }
}
