package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.cluster.reconcile.Classroom;
import dev.labforge.cluster.status.RuntimeCounts;
import dev.labforge.deploy.Dashboard;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * /actuator/prometheus over HTTP, as Prometheus scrapes it: LabForge's meters are there, and they move as a lab's start
 * moves the service. On a quiet service of its own, so that a gauge's change is this test's lab and nothing else.
 */
class PrometheusEndpointTest extends QuietServiceTest {

    /** The gauges are read at most every {@link RuntimeCounts#FRESH_FOR}: a change shows within that and a pass. */
    private static final Duration SHOWS_WITHIN = Duration.ofSeconds(30);

    @Autowired
    JdbcClient jdbc;

    private ApiClient user;

    @BeforeEach
    void setUp() {
        user = newUser();
    }

    @Test
    void theMetersFollowALabsStart() {
        Scrape before = awaitScrape("the gauges showing the database", scrape ->
                scrape.value("labforge_labs", "state", "RUNNING") == labs("RUNNING")
                        && scrape.value("labforge_nodes", "state", "READY") == nodes("READY"));
        UUID lab = runningClassroomLab();

        Scrape after = awaitScrape("the lab's nodes READY in the gauges", scrape ->
                scrape.value("labforge_labs", "state", "RUNNING") == before.value("labforge_labs", "state", "RUNNING") + 1
                        && scrape.value("labforge_nodes", "state", "READY")
                        == before.value("labforge_nodes", "state", "READY") + Classroom.ROUTERS);

        assertThat(after.contentType()).startsWith("text/plain");
        assertThat(increase(before, after, "labforge_committed_nodes")).isEqualTo(Classroom.ROUTERS);
        assertThat(increase(before, after, "labforge_committed_vcpus")).isEqualTo(
                jdbc.sql("select sum(vcpus) from node_runtime where lab_id = ?").param(lab).query(Long.class).single()
                        .doubleValue());
        assertThat(increase(before, after, "labforge_committed_memory_bytes")).isEqualTo(jdbc.sql(
                "select sum(memory_mib) * 1024 * 1024 from node_runtime where lab_id = ?").param(lab)
                .query(Long.class).single().doubleValue());
        // a deploy's writes: one create per object, each answered
        assertThat(created(before, after, "namespaces")).isEqualTo(1);
        assertThat(created(before, after, "secrets")).isEqualTo(Classroom.ROUTERS);
        assertThat(created(before, after, "virtualmachines")).isEqualTo(Classroom.ROUTERS);
        assertThat(created(before, after, "network-attachment-definitions")).isEqualTo(Classroom.LINKS);
        assertThat(increase(before, after, "labforge_cluster_writes_total")).as("no other write")
                .isEqualTo(Classroom.OBJECTS_PER_LAB);
        assertThat(increase(before, after, "labforge_reconcile_pass_seconds_count")).isPositive();
        assertThat(increase(before, after, "labforge_status_lag_seconds_count")).as("status recorded by the follower")
                .isPositive();
        assertThat(after.value("labforge_reconcile_pass_seconds_bucket", "outcome", "settled", "le", "+Inf"))
                .isEqualTo(after.value("labforge_reconcile_pass_seconds_count", "outcome", "settled"));
        assertThat(after.value("labforge_reconciler_leader")).isEqualTo(1);
        assertThat(after.names()).contains("labforge_reconcile_queue", "labforge_status_pending",
                "jvm_memory_used_bytes", "http_server_requests_seconds_count");
    }

    /**
     * Every metric the shipped Grafana dashboard queries is served, and every LabForge meter served is on the
     * dashboard. Histogram and counter series are named as Prometheus names them (_bucket, _count, _total).
     */
    @Test
    void theDashboardAsksForMetersTheServiceServesAndShowsEachOfLabForges() {
        if (!Scrape.of(port).has("labforge_cluster_writes_total")) { // counters appear with their first write
            runningClassroomLab();
        }
        if (!Scrape.of(port).has("labforge_pool_capacity")) { // a pool's gauges appear once a reading has seen it
            ApiClient admin = new ApiClient(port, dev.labforge.IntegrationTest.ADMIN_TOKEN);
            assertThat(admin.post("/api/v1/capacity/pools", "{\"name\":\"metrics-" + UUID.randomUUID().toString()
                    .substring(0, 8) + "\",\"vcpus\":8,\"memoryMib\":16384,\"nodes\":4}").status()).isEqualTo(201);
            Await.until("the pool's gauges served", SHOWS_WITHIN, Duration.ofMillis(500),
                    () -> Scrape.of(port).has("labforge_pool_capacity"), () -> "not yet");
        }
        Scrape scrape = Scrape.of(port);
        Set<String> asked = Dashboard.metricNames();

        assertThat(scrape.names()).containsAll(asked);
        Set<String> shown = families(asked);
        Set<String> served = families(scrape.names());
        served.removeIf(name -> !name.startsWith("labforge_"));
        assertThat(shown).containsAll(served);
    }

    private UUID runningClassroomLab() {
        String name = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = user.post("/api/v1/labs", Classroom.lab(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(user.post("/api/v1/labs/" + id + "/start", "").status()).isEqualTo(202);
        Await.until("the lab RUNNING", SHOWS_WITHIN, Duration.ofMillis(50),
                () -> "RUNNING".equals(user.get("/api/v1/labs/" + id).json().get("status").get("state").asString()),
                () -> user.get("/api/v1/labs/" + id).body());
        return UUID.fromString(id);
    }

    private Scrape awaitScrape(String what, Predicate<Scrape> condition) {
        Scrape[] last = {null};
        Await.until(what, SHOWS_WITHIN, Duration.ofMillis(250), () -> condition.test(last[0] = Scrape.of(port)),
                () -> "labs " + labStates() + "; last scrape: labs RUNNING "
                        + last[0].value("labforge_labs", "state", "RUNNING") + ", nodes READY "
                        + last[0].value("labforge_nodes", "state", "READY"));
        return last[0];
    }

    private static double increase(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    private static double created(Scrape before, Scrape after, String kind) {
        return increase(before, after, "labforge_cluster_writes_total", "kind", kind, "verb", "create", "result",
                "ok");
    }

    private long labs(String state) {
        return jdbc.sql("select count(*) from lab_runtime where state = ?").param(state).query(Long.class).single();
    }

    private long nodes(String state) {
        return jdbc.sql("select count(*) from node_runtime where state = ?").param(state).query(Long.class).single();
    }

    private String labStates() {
        return jdbc.sql("select state, count(*) from lab_runtime group by state order by state")
                .query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2)).list().toString();
    }

    /** Metric names as families: a histogram's or counter's series under the one name the meter has. */
    private static Set<String> families(Set<String> names) {
        Set<String> families = new TreeSet<>();
        names.forEach(name -> families.add(name.replaceFirst("_(bucket|count|sum|max|total|created)$", "")));
        return families;
    }
}
