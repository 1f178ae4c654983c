package dev.labforge.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.ApiClient.Response;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.cluster.ClusterConnection;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A pool derived from its Nodes: its vCPUs (times the overcommit ratio), memory and router VMs (one per allocatable
 * pod) are the summed allocatable resources of the Kubernetes Nodes its selector matches, here Nodes added to the
 * simulated cluster; they follow Nodes coming and going, and reservations the smaller pool cannot hold are kept
 * and listed as overbooked, not dropped.
 */
class DerivedPoolTest extends BookingIntegrationTest {

    private static final Instant NOW = Instant.parse("2031-06-02T08:00:00Z");

    @Autowired
    private ClusterConnection cluster;
    @Autowired
    private CapacityLedger ledger;
    @Autowired
    private CapacityPools pools;
    @Autowired
    private PlatformTransactionManager transactions;

    private final String label = "derived-" + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> nodes = new ArrayList<>();

    @AfterEach
    void removeNodes() {
        nodes.forEach(name -> cluster.client().nodes().withName(name).delete());
    }

    @Test
    void aDerivedPoolHoldsWhatItsNodesOfferFollowsThemAndReportsReservationsBeyondWhatRemains() {
        clock.set(NOW);
        node("a", label, "8", "16Gi", "110");
        node("b", label, "7500m", "8Gi", "110");
        node("other", label + "-not", "64", "256Gi", "110");
        String name = label;
        Response created = api().post("/api/v1/capacity/pools", """
                {"name":"%s","derived":true,"cpuOvercommit":2,"nodeSelector":{"labforge.dev/pool":"%s"}}"""
                .formatted(name, label));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode pool = created.json();
        assertThat(pool.get("derived").asBoolean()).isTrue();
        assertThat(pool.get("vcpus").asLong()).as("15.5 cores x 2").isEqualTo(31);
        assertThat(pool.get("memoryMib").asLong()).isEqualTo(24 * 1024);
        assertThat(pool.get("nodes").asLong()).isEqualTo(220);
        assertThat(pool.get("overbooked")).isEmpty();

        Instant nine = NOW.plus(Duration.ofHours(25));
        UUID poolId = pools.require(name).id();
        new TransactionTemplate(transactions).executeWithoutResult(status -> ledger.reserve(poolId, nine,
                nine.plus(Duration.ofHours(1)), new Demand(20, 4096, 10), "test"));

        cluster.client().nodes().withName(nodes.getFirst()).delete();
        await("the pool to follow node a away", () -> vcpus(name) == 15);
        JsonNode shrunk = api().get("/api/v1/capacity/pools/" + name).json();
        assertThat(shrunk.get("memoryMib").asLong()).isEqualTo(8 * 1024);
        JsonNode overbooked = shrunk.get("overbooked");
        assertThat(overbooked).hasSize(1);
        assertThat(overbooked.get(0).get("resource").asString()).isEqualTo("vcpus");
        assertThat(overbooked.get(0).get("reserved").asLong()).isEqualTo(20);
        assertThat(overbooked.get(0).get("capacity").asLong()).isEqualTo(15);
        assertThat(overbooked.get(0).get("start").asString()).isEqualTo(nine.toString());
        assertThat(overbooked.get(0).get("end").asString()).isEqualTo(nine.plus(Duration.ofHours(1)).toString());
        assertThat(ledger.find(reservationOf(poolId)).orElseThrow().demand().vcpus()).as("kept").isEqualTo(20);
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                ledger.reserve(poolId, nine, nine.plus(Duration.ofMinutes(30)), new Demand(1, 0, 1), "more")))
                .isInstanceOf(CapacityExhausted.class);

        node("a", label, "8", "16Gi", "110");
        await("the pool to follow node a back", () -> vcpus(name) == 31);
        assertThat(api().get("/api/v1/capacity/pools/" + name).json().get("overbooked")).isEmpty();
    }

    @Test
    void aPoolGivesItsSizeOrIsDerivedFromItsNodesNotBoth() {
        Response both = api().post("/api/v1/capacity/pools", """
                {"name":"%s","derived":true,"vcpus":4,"nodeSelector":{"labforge.dev/pool":"%s"}}""".formatted(label,
                label));
        assertThat(both.status()).as(both.body()).isEqualTo(422);
        assertThat(both.json().get("errors").findValuesAsString("pointer")).containsExactly("/vcpus");

        Response ratio = api().post("/api/v1/capacity/pools", """
                {"name":"%s","vcpus":4,"memoryMib":1024,"nodes":2,"cpuOvercommit":2}""".formatted(label));
        assertThat(ratio.status()).as(ratio.body()).isEqualTo(422);
        assertThat(ratio.json().get("errors").findValuesAsString("pointer")).containsExactly("/cpuOvercommit");

        Response below = api().post("/api/v1/capacity/pools", """
                {"name":"%s","derived":true,"cpuOvercommit":0.5}""".formatted(label));
        assertThat(below.status()).as(below.body()).isEqualTo(422);
        assertThat(below.json().get("errors").findValuesAsString("pointer")).containsExactly("/cpuOvercommit");
        assertThat(api().get("/api/v1/capacity/pools/" + label).status()).isEqualTo(404);
    }

    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private UUID reservationOf(UUID poolId) {
        return jdbc.sql("select id from capacity_reservations where pool_id = ?").param(poolId).query(UUID.class)
                .single();
    }

    private long vcpus(String pool) {
        return api().get("/api/v1/capacity/pools/" + pool).json().get("vcpus").asLong();
    }

    private void node(String suffix, String pool, String cpu, String memory, String pods) {
        String name = label + "-" + suffix;
        Node node = new NodeBuilder().withNewMetadata().withName(name).withLabels(Map.of("labforge.dev/pool", pool))
                .endMetadata().withNewStatus().withAllocatable(Map.of("cpu", new Quantity(cpu), "memory",
                        new Quantity(memory), "pods", new Quantity(pods))).endStatus().build();
        cluster.client().nodes().resource(node).create();
        if (!nodes.contains(name)) {
            nodes.add(name);
        }
    }
}
