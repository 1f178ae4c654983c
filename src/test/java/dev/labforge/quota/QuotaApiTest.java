package dev.labforge.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class QuotaApiTest extends IntegrationTest {

    /** Two nodes: frr defaults (see Catalog) unless cpu is given. */
    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":2,"memoryMib":1024},
                                  {"name":"r2","image":"frr","cpu":2,"memoryMib":1024}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""";

    private ApiClient alice;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        alice = api().newUser();
    }

    @Test
    void parallelStartsNeverEndAboveTheLimit() throws Exception {
        setQuota("users/" + alice.username(), "{\"runningNodes\":5}");
        int labs = 8;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < labs; i++) {
            ids.add(create(alice, "par-" + i));
        }
        CyclicBarrier barrier = new CyclicBarrier(labs);
        ExecutorService pool = Executors.newFixedThreadPool(labs);
        List<Future<Response>> answers = new ArrayList<>();
        for (String id : ids) {
            answers.add(pool.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                return alice.post("/api/v1/labs/" + id + "/start", null);
            }));
        }
        int started = 0;
        int refused = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get(30, TimeUnit.SECONDS);
            if (response.status() == 202) {
                started++;
            } else {
                assertThat(response.status()).as(response.body()).isEqualTo(403);
                assertThat(response.json().get("type").asString()).endsWith("/quota-exceeded");
                refused++;
            }
        }
        pool.shutdown();
        assertThat(started).isEqualTo(2);
        assertThat(refused).isEqualTo(labs - 2);
        JsonNode usage = mine(alice, "user");
        assertThat(usage.get("usage").get("runningNodes").asLong()).isEqualTo(4);
        assertThat(usage.get("usage").get("vcpus").asLong()).isEqualTo(8);
        assertThat(usage.get("limits").get("runningNodes").asInt()).isEqualTo(5);
    }

    @Test
    void aStartThatWaitedForTheOwnersLockStartsTheDefinitionAsItIsThen() throws Exception {
        setQuota("users/" + alice.username(), "{\"runningNodes\":2}");
        String id = create(alice, "waited");
        UUID owner = UUID.fromString(alice.get("/api/v1/me").json().get("id").asString());
        long key = owner.getMostSignificantBits() ^ owner.getLeastSignificantBits();
        TestDatabase.Connection db = TestDatabase.get();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            // an edit under way, holding what an edit holds, in its order: the lab's row, then the owner's lock
            holder.setAutoCommit(false);
            holder.createStatement().execute("select id from labs where id = '" + id + "' for no key update");
            holder.createStatement().execute("select pg_advisory_xact_lock(" + key + ")");
            Future<Response> start = pool.submit(() -> alice.post("/api/v1/labs/" + id + "/start", null));
            // the start waits behind the edit, which then commits a third node
            awaitAWaiter(holder);
            assertThat(start.isDone()).isFalse();
            holder.createStatement().execute("update labs set topology = jsonb_set(topology, '{nodes}',"
                    + " topology->'nodes' || '[{\"name\":\"r3\",\"image\":\"frr\"}]'::jsonb) where id = '" + id + "'");
            holder.commit();
            Response answer = start.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as(answer.body()).isEqualTo(403);
            assertThat(answer.json().get("requested").asLong()).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        assertThat(mine(alice, "user").get("usage").get("runningNodes").asLong()).isZero();
    }

    /**
     * Until a backend waits for a lock that {@code holder}'s transaction holds: then the request has got that far,
     * however slow the machine.
     */
    private static void awaitAWaiter(Connection holder) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (var waiting = holder.prepareStatement("select count(*) from pg_stat_activity"
                + " where pg_backend_pid() = any(pg_blocking_pids(pid))")) {
            while (true) {
                try (var result = waiting.executeQuery()) {
                    result.next();
                    if (result.getLong(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nothing waited behind the edit within 30 s");
                }
                Thread.sleep(20);
            }
        }
    }

    @Test
    void aRefusalNamesTheLimitTheUsageAndTheRequestAndChangesNothing() {
        setQuota("users/" + alice.username(), "{\"vcpus\":6}");
        String first = create(alice, "first");
        String second = create(alice, "second");
        assertThat(alice.post("/api/v1/labs/" + first + "/start", null).status()).isEqualTo(202);

        Response refused = alice.post("/api/v1/labs/" + second + "/start", null);
        assertThat(refused.status()).isEqualTo(403);
        JsonNode problem = refused.json();
        assertThat(problem.get("limit").asString()).isEqualTo("vcpus");
        assertThat(problem.get("max").asLong()).isEqualTo(6);
        assertThat(problem.get("used").asLong()).isEqualTo(4);
        assertThat(problem.get("requested").asLong()).isEqualTo(4);
        assertThat(problem.get("detail").asString()).contains("vCPUs").contains("4 of 6");
        assertThat(alice.get("/api/v1/labs/" + second).json().has("status")).isFalse();

        // stopping the first frees its vCPUs for the second
        assertThat(alice.post("/api/v1/labs/" + first + "/stop", null).status()).isEqualTo(202);
        assertThat(alice.post("/api/v1/labs/" + second + "/start", null).status()).isEqualTo(202);
        // a stopped node of a running lab can be started again only within the limit
        assertThat(alice.post("/api/v1/labs/" + second + "/nodes/r1/stop", null).status()).isEqualTo(202);
        assertThat(mine(alice, "user").get("usage").get("vcpus").asLong()).isEqualTo(2);
        assertThat(alice.post("/api/v1/labs/" + second + "/nodes/r1/start", null).status()).isEqualTo(202);
        assertThat(mine(alice, "user").get("usage").get("vcpus").asLong()).isEqualTo(4);
    }

    @Test
    void addingNodesToARunningLabIsCheckedAndARefusedEditIsNotSaved() {
        setQuota("users/" + alice.username(), "{\"runningNodes\":2}");
        String id = create(alice, "grow");
        assertThat(alice.post("/api/v1/labs/" + id + "/start", null).status()).isEqualTo(202);
        String bigger = """
                {"name":"grow","nodes":[{"name":"r1","image":"frr","cpu":2,"memoryMib":1024},
                                        {"name":"r2","image":"frr","cpu":2,"memoryMib":1024},
                                        {"name":"r3","image":"frr"}],
                 "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""";
        Response refused = alice.put("/api/v1/labs/" + id, bigger);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("limit").asString()).isEqualTo("runningNodes");
        assertThat(alice.get("/api/v1/labs/" + id).json().get("nodes")).hasSize(2);

        setQuota("users/" + alice.username(), "{\"runningNodes\":3}");
        assertThat(alice.put("/api/v1/labs/" + id, bigger).status()).isEqualTo(200);
        assertThat(mine(alice, "user").get("usage").get("runningNodes").asLong()).isEqualTo(3);
    }

    @Test
    void theLabCountIsLimitedAtCreation() {
        setQuota("users/" + alice.username(), "{\"labs\":1}");
        create(alice, "only");
        Response refused = alice.post("/api/v1/labs", LAB.formatted("one-too-many"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("limit").asString()).isEqualTo("labs");
        assertThat(alice.get("/api/v1/labs").json().get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void teamLabsCountAgainstTheTeamNotTheStarter() {
        String team = "q-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(alice.post("/api/v1/teams", "{\"name\":\"" + team + "\"}").status()).isEqualTo(201);
        setQuota("teams/" + team, "{\"runningNodes\":2}");
        setQuota("users/" + alice.username(), "{\"runningNodes\":0}");
        String teamLab = alice.post("/api/v1/labs?team=" + team, LAB.formatted("team-lab")).json().get("id")
                .asString();
        assertThat(alice.post("/api/v1/labs/" + teamLab + "/start", null).status()).isEqualTo(202);
        assertThat(mine(alice, "team").get("usage").get("runningNodes").asLong()).isEqualTo(2);
        assertThat(mine(alice, "user").get("usage").get("runningNodes").asLong()).isZero();
        String ownLab = create(alice, "own");
        Response own = alice.post("/api/v1/labs/" + ownLab + "/start", null);
        assertThat(own.status()).isEqualTo(403);
        // the owner is the object a lab and the usage show (kind, id, name), not a string of its own
        JsonNode owner = own.json().get("owner");
        assertThat(owner.get("kind").asString()).isEqualTo("user");
        assertThat(owner.get("name").asString()).isEqualTo(alice.username());
        assertThat(owner).isEqualTo(alice.get("/api/v1/labs/" + ownLab).json().get("owner"))
                .isEqualTo(mine(alice, "user").get("owner"));
        assertThat(own.json().get("detail").asString()).contains("user " + alice.username() + " uses 0 of 0");
    }

    @Test
    void onlyAdministratorsSetQuotasAndLimitsAreValidated() {
        Response notAdmin = alice.put("/api/v1/quotas/users/" + alice.username(), "{\"labs\":100}");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(alice.get("/api/v1/quotas/users/" + alice.username()).status()).isEqualTo(200);
        ApiClient bob = api().newUser();
        assertThat(bob.get("/api/v1/quotas/users/" + alice.username()).status()).isEqualTo(404);

        Response negative = api().put("/api/v1/quotas/users/" + alice.username(), "{\"vcpus\":-1,\"labs\":-2}");
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().get("errors").findValuesAsString("pointer"))
                .containsExactlyInAnyOrder("/vcpus", "/labs");
        assertThat(api().put("/api/v1/quotas/users/nobody-" + UUID.randomUUID().toString().substring(0, 6),
                "{}").status()).isEqualTo(404);
        assertThat(api().delete("/api/v1/quotas/users/" + alice.username()).status()).isEqualTo(204);
    }

    private JsonNode mine(ApiClient client, String kind) {
        for (JsonNode owner : client.get("/api/v1/usage").json()) {
            if (owner.get("owner").get("kind").asString().equals(kind)) {
                return owner;
            }
        }
        throw new AssertionError("no " + kind + " in usage");
    }

    private String create(ApiClient client, String name) {
        Response created = client.post("/api/v1/labs", LAB.formatted(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private void setQuota(String path, String limits) {
        Response set = api().put("/api/v1/quotas/" + path, limits);
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }
}
