package dev.labforge.booking.adhoc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.booking.BookingIntegrationTest;
import dev.labforge.booking.Classroom;
import dev.labforge.cluster.ClusterConnection;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every run is a reservation: a lab started outside any booking holds the ad-hoc pool ({@code default}
 * here, as configured by default) from its start for the run time (2 hours), is refused with the ledger's
 * 409 when the pool is short, gets the end warnings, can be extended while the pool has room, and is
 * stopped at its end. Without that pool, starts reserve nothing, as before pools existed.
 *
 * <p>The pool named {@code default} is the whole service's ad-hoc pool while it exists, so each test
 * makes its own and renames it away afterwards, leaving other tests' labs unlimited as they expect.
 */
class AdHocRunTest extends BookingIntegrationTest {

    private static final Instant NOW = Instant.parse("2031-05-06T08:00:00Z");
    /** Two routers of 2 vCPUs: 4 vCPUs a run. */
    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":2,"memoryMib":512},
                                  {"name":"r2","image":"frr","cpu":2,"memoryMib":512}],"links":[]}""";
    private static final ResourceDefinitionContext VM = new ResourceDefinitionContext.Builder()
            .withGroup("kubevirt.io").withVersion("v1").withKind("VirtualMachine").withPlural("virtualmachines")
            .withNamespaced(true).build();

    @Autowired
    private AdHocRunReconciler reconciler;
    @Autowired
    private dev.labforge.lab.LabRunner runner;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private ClusterConnection cluster;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        renameDefaultPoolAway();
        Catalog.ensure(api());
        await("this replica to hold the reconciler lease", () -> runner.leads());
    }

    @AfterEach
    void noDefaultPoolForOtherTests() {
        renameDefaultPoolAway();
    }

    @Test
    void aLabStartedOutsideABookingHoldsThePoolForTheRunTimeAndAStartThePoolCannotHoldIsRefused() {
        defaultPool(6, "");
        ApiClient alice = api().newUser();
        ApiClient bob = api().newUser();
        String alices = lab(alice);
        String bobs = lab(bob);

        Response started = alice.post("/api/v1/labs/" + alices + "/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode run = alice.get("/api/v1/labs/" + alices + "/run").json();
        assertThat(run.get("pool").asString()).isEqualTo("default");
        assertThat(run.get("start").asString()).isEqualTo("2031-05-06T08:00:00Z");
        assertThat(run.get("end").asString()).isEqualTo("2031-05-06T10:00:00Z");
        assertThat(vcpusAt("2031-05-06T09:59:59Z")).isEqualTo(4);
        assertThat(vcpusAt("2031-05-06T10:00:00Z")).isZero();

        Response refused = bob.post("/api/v1/labs/" + bobs + "/start", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).endsWith("/capacity-exhausted");
        assertThat(problem.get("pool").asString()).isEqualTo("default");
        assertThat(problem.get("resource").asString()).isEqualTo("vcpus");
        assertThat(problem.get("shortBy").asLong()).isEqualTo(2);
        assertThat(problem.get("interval").get("start").asString()).isEqualTo("2031-05-06T08:00:00Z");
        assertThat(problem.get("interval").get("end").asString()).isEqualTo("2031-05-06T10:00:00Z");
        JsonNode status = bob.get("/api/v1/labs/" + bobs).json().get("status");
        assertThat(status == null || status.isNull()).as("nothing recorded for the refused start: %s", status)
                .isTrue();
        assertThat(bob.get("/api/v1/labs/" + bobs + "/run").status()).isEqualTo(404);

        // a stop gives back the rest of the run: bob's start fits now
        clock.set(Instant.parse("2031-05-06T08:30:00Z"));
        assertThat(alice.post("/api/v1/labs/" + alices + "/stop", "").status()).isEqualTo(202);
        assertThat(alice.get("/api/v1/labs/" + alices + "/run").status()).isEqualTo(404);
        assertThat(vcpusAt("2031-05-06T08:30:00Z")).isZero();
        Response fits = bob.post("/api/v1/labs/" + bobs + "/start", "");
        assertThat(fits.status()).as(fits.body()).isEqualTo(202);
        assertThat(bob.get("/api/v1/labs/" + bobs + "/run").json().get("end").asString())
                .isEqualTo("2031-05-06T10:30:00Z");
    }

    /**
     * A running lab edited to take more grows its reservation from the edit to the run's end, or the edit is refused
     * with what is short and nothing changes; an edit to take less gives the rest back at once. The ledger's past
     * keeps what the run held then.
     */
    @Test
    void aRunningLabThatGrowsHoldsMoreOrItsEditIsRefusedAndOneThatShrinksGivesTheRestBack() {
        defaultPool(8, "");
        ApiClient alice = api().newUser();
        ApiClient bob = api().newUser();
        String alices = lab(alice);
        String bobs = lab(bob);
        assertThat(alice.post("/api/v1/labs/" + alices + "/start", "").status()).isEqualTo(202);

        clock.set(Instant.parse("2031-05-06T08:30:00Z"));
        Response grown = alice.put("/api/v1/labs/" + alices, routers(alices, 3));
        assertThat(grown.status()).as(grown.body()).isEqualTo(200);
        assertThat(vcpusAt("2031-05-06T08:29:59Z")).as("the past as it was").isEqualTo(4);
        assertThat(vcpusAt("2031-05-06T08:30:00Z")).isEqualTo(6);
        assertThat(vcpusAt("2031-05-06T09:59:59Z")).isEqualTo(6);
        assertThat(vcpusAt("2031-05-06T10:00:00Z")).isZero();
        assertThat(notes(alice, alices, "RunResized")).singleElement().asString().contains("6 vCPUs");

        Response refused = alice.put("/api/v1/labs/" + alices, routers(alices, 5));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asString()).endsWith("/capacity-exhausted");
        assertThat(problem.get("resource").asString()).isEqualTo("vcpus");
        assertThat(problem.get("shortBy").asLong()).isEqualTo(2);
        assertThat(problem.get("interval").get("start").asString()).isEqualTo("2031-05-06T08:30:00Z");
        assertThat(problem.get("interval").get("end").asString()).isEqualTo("2031-05-06T10:00:00Z");
        assertThat(problem.get("detail").asString()).contains("Nothing was changed");
        assertThat(alice.get("/api/v1/labs/" + alices).json().get("nodes")).hasSize(3);
        assertThat(vcpusAt("2031-05-06T08:30:00Z")).isEqualTo(6);

        // bob's two routers do not fit beside alice's three; after she shrinks to one, they do
        assertThat(bob.post("/api/v1/labs/" + bobs + "/start", "").status()).isEqualTo(409);
        clock.set(Instant.parse("2031-05-06T08:45:00Z"));
        Response shrunk = alice.put("/api/v1/labs/" + alices, routers(alices, 1));
        assertThat(shrunk.status()).as(shrunk.body()).isEqualTo(200);
        assertThat(vcpusAt("2031-05-06T08:44:59Z")).isEqualTo(6);
        assertThat(vcpusAt("2031-05-06T08:45:00Z")).isEqualTo(2);
        Response fits = bob.post("/api/v1/labs/" + bobs + "/start", "");
        assertThat(fits.status()).as(fits.body()).isEqualTo(202);
        assertThat(vcpusAt("2031-05-06T09:59:59Z")).isEqualTo(6);

        // the stop gives back what the resized run holds
        clock.set(Instant.parse("2031-05-06T09:00:00Z"));
        assertThat(alice.post("/api/v1/labs/" + alices + "/stop", "").status()).isEqualTo(202);
        assertThat(vcpusAt("2031-05-06T09:00:00Z")).isEqualTo(4);
    }

    /** The lab as {@link #LAB} with {@code count} routers of 2 vCPUs and 512 MiB. */
    private String routers(String lab, int count) {
        JsonNode current = api().get("/api/v1/labs/" + lab).json();
        StringBuilder nodes = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            nodes.append(i > 1 ? "," : "").append("{\"name\":\"r").append(i)
                    .append("\",\"image\":\"frr\",\"cpu\":2,\"memoryMib\":512}");
        }
        return "{\"name\":\"" + current.get("name").asString() + "\",\"nodes\":[" + nodes + "],\"links\":[]}";
    }

    @Test
    void theRunIsWarnedTenAndTwoMinutesBeforeItsEndExtendedWhileThePoolHasRoomAndStoppedAtItsEnd() {
        defaultPool(8, "");
        ApiClient alice = api().newUser();
        String lab = lab(alice);
        assertThat(alice.post("/api/v1/labs/" + lab + "/start", "").status()).isEqualTo(202);

        clock.set(Instant.parse("2031-05-06T09:49:59Z"));
        reconciler.pass();
        assertThat(notes(alice, lab, "RunEnding")).isEmpty();
        clock.set(Instant.parse("2031-05-06T09:50:00Z"));
        reconciler.pass();
        reconciler.pass(); // once only
        assertThat(notes(alice, lab, "RunEnding")).containsExactly("the run started outside a booking ends in 10"
                + " minutes, at 2031-05-06T10:00:00Z; then the lab is stopped unless the run is extended");
        clock.set(Instant.parse("2031-05-06T09:58:00Z"));
        reconciler.pass();
        assertThat(notes(alice, lab, "RunEnding")).hasSize(2).last().asString().contains("ends in 2 minutes");

        // someone else holds the pool from 10:30: 30 more minutes fit, an hour does not
        ApiClient bob = api().newUser();
        String bobs = lab(bob);
        clock.set(Instant.parse("2031-05-06T09:59:00Z"));
        UUID poolId = jdbc.sql("select id from capacity_pools where name = 'default'").query(UUID.class).single();
        jdbc.sql("insert into capacity_reservations (id, pool_id, during, vcpus, memory_mib, nodes, purpose)"
                        + " values (?, ?, tstzrange('2031-05-06T10:30:00Z', '2031-05-06T12:00:00Z'), 8, 0, 0, ?)")
                .params(UUID.randomUUID(), poolId, "test:" + bobs).update();
        Response tooLong = alice.post("/api/v1/labs/" + lab + "/run/extend", "{\"minutes\":60}");
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(409);
        assertThat(tooLong.json().get("type").asString()).endsWith("/capacity-exhausted");
        assertThat(tooLong.json().get("interval").get("start").asString()).isEqualTo("2031-05-06T10:30:00Z");
        assertThat(alice.post("/api/v1/labs/" + lab + "/run/extend", "{\"minutes\":20}").status())
                .as("a multiple of 15").isEqualTo(422);
        assertThat(bob.post("/api/v1/labs/" + lab + "/run/extend", "{\"minutes\":30}").status())
                .as("not bob's lab").isEqualTo(404);
        Response extended = alice.post("/api/v1/labs/" + lab + "/run/extend", "{\"minutes\":30}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("end").asString()).isEqualTo("2031-05-06T10:30:00Z");
        assertThat(extended.json().get("extensions").asInt()).isEqualTo(1);

        clock.set(Instant.parse("2031-05-06T10:20:00Z"));
        reconciler.pass();
        assertThat(notes(alice, lab, "RunEnding")).hasSize(3).last().asString()
                .contains("ends in 10 minutes, at 2031-05-06T10:30:00Z");
        clock.set(Instant.parse("2031-05-06T10:29:59Z"));
        reconciler.pass();
        assertThat(desired(alice, lab)).isEqualTo("RUNNING");

        clock.set(Instant.parse("2031-05-06T10:30:00Z"));
        reconciler.pass();
        assertThat(desired(alice, lab)).as("stopped at the run's end").isEqualTo("STOPPED");
        assertThat(notes(alice, lab, "RunEnded")).hasSize(1);
        assertThat(alice.get("/api/v1/labs/" + lab + "/run").status()).isEqualTo(404);
        reconciler.pass();
        assertThat(notes(alice, lab, "RunEnded")).as("once").hasSize(1);
    }

    /**
     * A student's lab started by hand is extended by its course's rules, as its bookings are, not by the service-wide
     * ad-hoc ones (three extensions at any time): here one extension, in the run's last 30 minutes; after a change
     * back to the defaults, labforge.booking's (three, in the last 15 minutes). A lab of no course keeps the ad-hoc
     * rules.
     */
    @Test
    void aRunOfAStudentsCourseLabIsExtendedByItsCoursesRulesNotTheServiceWideOnes() {
        Classroom room = Classroom.create(api(), 64, "\"maxExtensions\":1,\"extendWithinMinutes\":30");
        ApiClient alice = room.enrol("student");
        String lab = room.labOf(alice);
        assertThat(alice.post("/api/v1/labs/" + lab + "/start", "").status()).isEqualTo(202);
        String run = "/api/v1/labs/" + lab + "/run";
        JsonNode held = alice.get(run).json();
        assertThat(held.get("pool").asString()).isEqualTo(room.pool);
        assertThat(held.get("end").asString()).isEqualTo("2031-05-06T10:00:00Z");
        assertThat(held.get("extensionsLeft").asInt()).as("the course's one, not the ad-hoc three").isEqualTo(1);

        clock.set(Instant.parse("2031-05-06T09:29:00Z"));
        Response early = alice.post(run + "/extend", "{\"minutes\":15}");
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(early.json().get("type").asString()).endsWith("/conflict");
        assertThat(early.json().get("detail").asString()).contains("the run of lab " + lab, "last 30 minutes",
                "course '" + room.course + "'", "2031-05-06T09:30:00Z");
        clock.set(Instant.parse("2031-05-06T09:30:00Z"));
        Response extended = alice.post(run + "/extend", "{\"minutes\":15}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(extended.json().get("end").asString()).isEqualTo("2031-05-06T10:15:00Z");
        assertThat(extended.json().get("extensionsLeft").asInt()).isZero();
        clock.set(Instant.parse("2031-05-06T09:45:00Z")); // in the new end's last 30 minutes
        Response again = alice.post(run + "/extend", "{\"minutes\":15}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("extended 1 time", "at most 1",
                "course '" + room.course + "'");
        Response instructor = room.instructor.post(run + "/extend", "{\"minutes\":15}");
        assertThat(instructor.status()).as("the course's staff too").isEqualTo(409);

        // back to the service's defaults: three extensions, in the last 15 minutes
        assertThat(room.instructor.send("PATCH", room.path(""), "{\"maxExtensions\":null,\"extendWithinMinutes\":null}",
                "application/merge-patch+json").status()).isEqualTo(200);
        assertThat(alice.get(run).json().get("extensionsLeft").asInt()).isEqualTo(2);
        Response notYet = alice.post(run + "/extend", "{\"minutes\":15}");
        assertThat(notYet.status()).as(notYet.body()).isEqualTo(409);
        assertThat(notYet.json().get("detail").asString()).contains("last 15 minutes", "2031-05-06T10:00:00Z");
        clock.set(Instant.parse("2031-05-06T10:00:00Z"));
        assertThat(alice.post(run + "/extend", "{\"minutes\":15}").status()).isEqualTo(200);

        // a lab of no course: the ad-hoc rules, an extension at any time
        defaultPool(8, "");
        ApiClient bob = api().newUser();
        String bobs = lab(bob);
        assertThat(bob.post("/api/v1/labs/" + bobs + "/start", "").status()).isEqualTo(202);
        assertThat(bob.get("/api/v1/labs/" + bobs + "/run").json().get("extensionsLeft").asInt()).isEqualTo(3);
        Response anyTime = bob.post("/api/v1/labs/" + bobs + "/run/extend", "{\"minutes\":15}");
        assertThat(anyTime.status()).as(anyTime.body()).isEqualTo(200);
    }

    @Test
    void withoutThePoolAStartReservesNothingAsBeforePools() {
        ApiClient alice = api().newUser();
        String lab = lab(alice);
        Response started = alice.post("/api/v1/labs/" + lab + "/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(alice.get("/api/v1/labs/" + lab + "/run").status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from capacity_reservations where purpose = ?")
                .param("ad-hoc:" + lab).query(Integer.class).single()).isZero();
    }

    @Test
    void theOwnersQuotaStillAppliesAndARefusedStartHoldsNothing() {
        defaultPool(64, "");
        ApiClient alice = api().newUser();
        assertThat(api().put("/api/v1/quotas/users/" + alice.username(), "{\"vcpus\":2}").status()).isEqualTo(200);
        String lab = lab(alice);
        Response refused = alice.post("/api/v1/labs/" + lab + "/start", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/quota-exceeded");
        assertThat(vcpusAt("2031-05-06T08:00:00Z")).as("the reservation rolled back with the start").isZero();
    }

    @Test
    void theLabsVmsGetThePoolsNodeSelector() {
        defaultPool(64, ",\"nodeSelector\":{\"labforge.dev/pool\":\"ad-hoc\"}");
        ApiClient alice = api().newUser();
        String lab = lab(alice);
        assertThat(alice.post("/api/v1/labs/" + lab + "/start", "").status()).isEqualTo(202);
        String namespace = "lab-" + lab.replace("-", "").substring(0, 16);
        await("the lab's VM in the cluster", () -> cluster.client().genericKubernetesResources(VM)
                .inNamespace(namespace).withName("r1").get() != null);
        GenericKubernetesResource vm = cluster.client().genericKubernetesResources(VM).inNamespace(namespace)
                .withName("r1").get();
        assertThat((Map<String, String>) vm.get("spec", "template", "spec", "nodeSelector"))
                .isEqualTo(Map.of("labforge.dev/pool", "ad-hoc"));

        // no simulated node has that label: the scheduler places nothing, and the lab says so
        await("r1 unschedulable", () -> "ErrorUnschedulable".equals(nodeStatus(alice, lab, "r1").path("reason")
                .asString("")));
        JsonNode r1 = nodeStatus(alice, lab, "r1");
        assertThat(r1.get("state").asString()).isEqualTo("FAILED");
        assertThat(r1.get("message").asString())
                .isEqualTo("0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector.");
    }

    private static JsonNode nodeStatus(ApiClient client, String lab, String node) {
        JsonNode status = client.get("/api/v1/labs/" + lab).json().get("status");
        if (status != null && status.get("nodes") != null) {
            for (JsonNode n : status.get("nodes")) {
                if (n.get("name").asString().equals(node)) {
                    return n;
                }
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void aClassSessionBookedFirstKeepsItsCapacityFromAdHocStarts() {
        // the class's lead time is learned from the boot times other tests' bookings recorded for their images
        // (up to an hour when a test moved the clock across a boot: CI saw the hold start at NOW): an image of its
        // own has none, so the lead time is the configured one and the class's hold starts after NOW
        String course = defaultPoolCourse(8, Classroom.ownImage(api()));
        ApiClient instructor = instructorOf(course);
        Response session = instructor.post("/api/v1/courses/" + course + "/sessions", "{\"start\":"
                + "\"2031-05-06T09:00:00Z\",\"end\":\"2031-05-06T10:00:00Z\",\"seats\":2}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);

        ApiClient alice = api().newUser();
        Response refused = alice.post("/api/v1/labs/" + lab(alice) + "/start", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("resource").asString()).isEqualTo("vcpus");
        assertThat(Instant.parse(refused.json().get("interval").get("start").asString()))
                .as("short from the class's lead time").isBefore(Instant.parse("2031-05-06T09:00:00Z"))
                .isAfter(NOW);
    }

    /**
     * A class session and seven ad-hoc starts at once on a pool of 16 vCPUs: the class needs 8 (two seats of
     * 4), each ad-hoc run 4. Whatever order the database puts them in, what is accepted fits: the ledger is
     * never above the pool, and an accepted class leaves room for two ad-hoc runs at most. Every refusal is a
     * 409; nothing fails.
     */
    @Test
    void adHocStartsRacingAClassBookingNeverTakeItsCapacity() throws Exception {
        for (int round = 0; round < 3; round++) {
            renameDefaultPoolAway();
            String course = defaultPoolCourse(16);
            ApiClient instructor = instructorOf(course);
            List<ApiClient> users = new ArrayList<>();
            List<String> labs = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                users.add(api().newUser());
                labs.add(lab(users.getLast()));
            }
            CyclicBarrier together = new CyclicBarrier(8);
            List<Callable<Response>> calls = new ArrayList<>();
            calls.add(() -> {
                together.await();
                return instructor.post("/api/v1/courses/" + course + "/sessions", "{\"start\":"
                        + "\"2031-05-06T08:30:00Z\",\"end\":\"2031-05-06T09:30:00Z\",\"seats\":2}");
            });
            for (int i = 0; i < 7; i++) {
                ApiClient user = users.get(i);
                String lab = labs.get(i);
                calls.add(() -> {
                    together.await();
                    return user.post("/api/v1/labs/" + lab + "/start", "");
                });
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Response> answers = new ArrayList<>();
            try {
                for (Future<Response> answer : pool.invokeAll(calls)) {
                    answers.add(answer.get());
                }
            } finally {
                pool.shutdownNow();
            }
            boolean classBooked = answers.getFirst().status() == 201;
            long adHoc = answers.stream().skip(1).filter(r -> r.status() == 202).count();
            for (Response answer : answers) {
                assertThat(answer.status()).as(answer.body()).isIn(201, 202, 409);
                if (answer.status() == 409) {
                    assertThat(answer.json().get("type").asString()).endsWith("/capacity-exhausted");
                }
            }
            assertThat(adHoc * 4 + (classBooked ? 8 : 0)).as("round %d: class %s, %d ad-hoc", round, classBooked,
                    adHoc).isLessThanOrEqualTo(16);
            assertThat(adHoc).as("the pool is filled, whoever wins").isGreaterThanOrEqualTo(classBooked ? 2 : 4);
            JsonNode segments = api().get("/api/v1/capacity/pools/default/load?from=2031-05-06T07:00:00Z"
                    + "&to=2031-05-06T12:00:00Z").json().get("segments");
            for (JsonNode segment : segments) {
                assertThat(segment.get("vcpus").asLong()).as("ledger at %s", segment.get("start")).isLessThanOrEqualTo(16);
            }
        }
    }

    private void defaultPool(int vcpus, String extra) {
        Response created = api().post("/api/v1/capacity/pools", "{\"name\":\"default\",\"vcpus\":" + vcpus
                + ",\"memoryMib\":1048576,\"nodes\":1000" + extra + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** A course on a new {@code default} pool of {@code vcpus}, its template the two-router lab; its name. */
    private String defaultPoolCourse(int vcpus) {
        return defaultPoolCourse(vcpus, "frr");
    }

    /** The same, with the template's routers running {@code image}. */
    private String defaultPoolCourse(int vcpus, String image) {
        defaultPool(vcpus, "");
        ApiClient instructor = api().newUser();
        String template = lab(instructor, image);
        String course = "adhoc-" + UUID.randomUUID().toString().substring(0, 8);
        Response created = instructor.post("/api/v1/courses", "{\"name\":\"" + course + "\",\"templateLab\":\""
                + template + "\",\"pool\":\"default\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        instructors.put(course, instructor);
        return course;
    }

    private final Map<String, ApiClient> instructors = new java.util.HashMap<>();

    private ApiClient instructorOf(String course) {
        return instructors.get(course);
    }

    private void renameDefaultPoolAway() {
        jdbc.sql("update capacity_pools set name = 'was-default-' || substr(id::text, 1, 8) where name = 'default'")
                .update();
    }

    private static String lab(ApiClient owner) {
        return lab(owner, "frr");
    }

    private static String lab(ApiClient owner, String image) {
        Response created = owner.post("/api/v1/labs", LAB.formatted("adhoc-" + UUID.randomUUID().toString()
                .substring(0, 8)).replace("\"image\":\"frr\"", "\"image\":\"" + image + "\""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private long vcpusAt(String instant) {
        return vcpusAt("default", instant);
    }

    private static String desired(ApiClient client, String lab) {
        return client.get("/api/v1/labs/" + lab).json().get("status").get("desired").asString();
    }

    private static List<String> notes(ApiClient client, String lab, String kind) {
        List<String> messages = new ArrayList<>();
        for (JsonNode event : client.get("/api/v1/labs/" + lab + "/events").json().get("items")) {
            if (event.get("kind").asString().equals(kind)) {
                messages.add(event.get("message").asString());
            }
        }
        return messages;
    }

}
