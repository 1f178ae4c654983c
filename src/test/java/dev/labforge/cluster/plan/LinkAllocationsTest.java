package dev.labforge.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.Await;
import dev.labforge.cluster.LifecycleApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The vlan link driver's allocation on real PostgreSQL. The service under test runs the bridge driver, so these labs
 * are the test's own: each in a VLAN domain of its own, with runtime rows that nothing reconciles (destroyed and torn
 * down), and the allocations are made here, each in its own transaction as a reconcile pass makes them.
 */
class LinkAllocationsTest extends IntegrationTest {

    @Autowired
    LinkAllocations allocations;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    private ApiClient user;
    private final String domain = "test-" + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
    }

    /**
     * A lab of the test's own with a runtime row that nothing wakes the reconciler for: destroyed and torn down (which
     * the resync skips), and changed long ago (which the change feed skips). A pass over it would give its ids back.
     */
    private UUID lab() {
        String id = user.post("/api/v1/labs", LifecycleApiTest.lab("vlan-" + UUID.randomUUID().toString()
                .substring(0, 8), "", "")).json().get("id").asString();
        UUID lab = UUID.fromString(id);
        transaction.executeWithoutResult(tx -> {
            jdbc.sql("update labs set updated_at = timestamptz '2000-01-01' where id = ?").param(lab).update();
            jdbc.sql("""
                    insert into lab_runtime (lab_id, namespace, desired, state, updated_at, version, desired_at)
                    values (?, ?, 'DESTROYED', 'DEFINED', now(), 0, timestamptz '2000-01-01')""")
                    .params(lab, LabPlanner.namespaceOf(lab)).update();
        });
        return lab;
    }

    private static List<String> links(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).toList();
    }

    private Map<String, Integer> vlans(UUID lab, List<String> nads, int min, int max) {
        return transaction.execute(tx -> allocations.vlans(lab, nads, domain, min, max));
    }

    private List<Integer> held(UUID lab) {
        return jdbc.sql("select vlan from link_vlans where domain = ? and lab_id = ? order by vlan")
                .params(domain, lab).query(Integer.class).list();
    }

    @Test
    void concurrentTakersNeverShareAVlanId() throws Exception {
        int takers = 8;
        int linksPerLab = 10;
        int rounds = 4;
        List<UUID> labs = IntStream.range(0, takers).mapToObj(i -> lab()).toList();
        CyclicBarrier together = new CyclicBarrier(takers);
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        try {
            for (int round = 0; round < rounds; round++) {
                // every round replaces half of each lab's links: ids freed by one lab are wanted by the others
                int r = round;
                List<Future<Map<String, Integer>>> results = new ArrayList<>();
                for (UUID lab : labs) {
                    List<String> nads = new ArrayList<>(links("kept", linksPerLab / 2));
                    nads.addAll(links("round" + r, linksPerLab / 2));
                    results.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return vlans(lab, nads, 100, 100 + takers * linksPerLab * 2);
                    }));
                }
                Set<Integer> seen = new HashSet<>();
                List<Map<String, Integer>> answers = new ArrayList<>();
                for (Future<Map<String, Integer>> result : results) {
                    Map<String, Integer> ids = result.get(60, TimeUnit.SECONDS);
                    answers.add(ids);
                    assertThat(ids).hasSize(linksPerLab);
                    ids.values().forEach(id -> assertThat(seen.add(id))
                            .as("round %d: VLAN %d given twice: %s", r, id, answers).isTrue());
                }
                assertThat(seen).allSatisfy(id -> assertThat(id).isBetween(100, 100 + takers * linksPerLab * 2));
                for (UUID lab : labs) {
                    assertThat(held(lab)).hasSize(linksPerLab); // what each answer said is what the table holds
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anExhaustedRangeIsRefusedWithoutKeepingPartOfIt() {
        UUID first = lab();
        UUID second = lab();
        assertThat(vlans(first, links("a", 3), 100, 104).values()).containsExactlyInAnyOrder(100, 101, 102);

        assertThatThrownBy(() -> vlans(second, links("b", 3), 100, 104))
                .isInstanceOf(VlanRangeExhausted.class)
                .hasMessage("the VLAN domain " + domain + " has no free id left in 100..104: lab " + second
                        + " needs 3 more, 2 free");
        assertThat(held(second)).as("a lab that cannot have all its ids takes none").isEmpty();
        assertThat(held(first)).containsExactly(100, 101, 102);
        // the lab keeps what it has and only asks for what it lacks: a steady lab never fails for a full range
        assertThat(vlans(first, links("a", 3), 100, 104).values()).containsExactlyInAnyOrder(100, 101, 102);
    }

    @Test
    void idsAreFreedAtTeardownAndTakenAgain() {
        UUID first = lab();
        UUID second = lab();
        Map<String, Integer> taken = vlans(first, links("a", 5), 100, 104);
        assertThat(taken.values()).containsExactlyInAnyOrder(100, 101, 102, 103, 104);
        assertThatThrownBy(() -> vlans(second, links("b", 1), 100, 104)).isInstanceOf(VlanRangeExhausted.class);

        transaction.executeWithoutResult(tx -> allocations.releaseVlans(first));

        assertThat(held(first)).isEmpty();
        assertThat(vlans(second, links("b", 5), 100, 104).values()).containsExactlyInAnyOrder(100, 101, 102, 103, 104);
        // the torn-down lab, started again, waits for ids like any other
        assertThatThrownBy(() -> vlans(first, links("a", 1), 100, 104)).isInstanceOf(VlanRangeExhausted.class);
    }

    @Test
    void theReconcilerGivesATornDownLabsIdsBack() {
        // a running lab of the service's own (bridge driver), holding ids as if it had run on the vlan driver before
        UUID lab = LifecycleApiTest.runningLab(user, "vlan-teardown-" + UUID.randomUUID().toString().substring(0, 8));
        transaction.executeWithoutResult(tx -> allocations.vlans(lab, links("a", 2), domain, 100, 199));
        assertThat(held(lab)).containsExactly(100, 101);

        assertThat(user.post("/api/v1/labs/" + lab + "/destroy", "").status()).isEqualTo(202);

        Await.until("the lab torn down and its ids given back", Duration.ofSeconds(30),
                () -> held(lab).isEmpty() && "DEFINED".equals(state(lab)),
                () -> state(lab) + ", holding " + held(lab));
    }

    private String state(UUID lab) {
        return user.get("/api/v1/labs/" + lab).json().get("status").get("state").asString();
    }

    @Test
    void removedLinksGiveTheirIdsBack() {
        UUID lab = lab();
        vlans(lab, links("a", 4), 100, 103);
        Map<String, Integer> after = vlans(lab, List.of("a-0", "a-1", "c-0", "c-1"), 100, 103);
        assertThat(after.values()).containsExactlyInAnyOrder(100, 101, 102, 103);
        assertThat(held(lab)).containsExactly(100, 101, 102, 103);
    }
}
