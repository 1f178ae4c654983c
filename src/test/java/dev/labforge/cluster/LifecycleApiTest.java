package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient.Response;
import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.LabPlanner;
import dev.labforge.cluster.reconcile.ClusterRuntime;
import dev.labforge.cluster.reconcile.LabActivity;
import dev.labforge.cluster.status.LabRuntimeRepository;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The whole loop on the simulated cluster: REST request, reconciler, mock API server, simulator, status. */
public class LifecycleApiTest extends IntegrationTest {

    @Autowired
    ClusterConnection cluster;
    @Autowired
    ClusterRuntime runtime;
    @Autowired
    LabRuntimeRepository runtimes;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** How long a read of an event stream may take before the test gives up on it. */
    private static final Duration STREAM_WAIT = Duration.ofSeconds(30);

    private ApiClient user;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        user = api().newUser();
    }

    /** A new three-router lab of {@code user}'s, started and seen RUNNING over REST within 30 s. */
    public static UUID runningLab(ApiClient user, String name) {
        String id = user.post("/api/v1/labs", lab(name, "", "")).json().get("id").asString();
        assertThat(user.post("/api/v1/labs/" + id + "/start", "").status()).isEqualTo(202);
        Await.until("the lab RUNNING", Duration.ofSeconds(30),
                () -> "RUNNING".equals(user.get("/api/v1/labs/" + id).json().get("status").get("state").asString()),
                () -> user.get("/api/v1/labs/" + id).body());
        return UUID.fromString(id);
    }

    public static String lab(String name, String extraNodes, String extraLinks) {
        return """
                {"name":"%s","nodes":[{"name":"r1","image":"frr","startupConfig":"hostname r1\\n"},
                  {"name":"r2","image":"frr"},{"name":"r3","image":"frr"}%s],
                 "links":[{"endpoints":["r1:eth1","r2:eth1"]},{"endpoints":["r2:eth2","r3:eth1"],"mtu":9000},
                  {"endpoints":["r3:eth2","r1:eth2"]}%s]}""".formatted(name, extraNodes, extraLinks);
    }

    private String create(String name) {
        Response created = user.post("/api/v1/labs", lab(name, "", ""));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private JsonNode awaitStatus(String id, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = user.get("/api/v1/labs/" + id).json().get("status");
            if (status != null && condition.test(status)) {
                return status;
            }
            sleep(50);
        }
        throw new AssertionError("status never matched; last: " + status);
    }

    /** Waits up to 20 s for a condition on the cluster or the event log, and fails saying what it waited for. */
    private static void awaitUntil(String what, java.util.function.BooleanSupplier condition) {
        Await.until(what, Duration.ofSeconds(20), Duration.ofMillis(50), condition, () -> "not yet");
    }

    /** Follows what the service does for this lab only: its threads work on other tests' labs meanwhile. */
    private LabActivity activity(String id) {
        return LabActivity.of(runtime, cluster, UUID.fromString(id));
    }

    private static Predicate<JsonNode> state(String state) {
        return s -> s.get("state").asString().equals(state);
    }

    private KubernetesClient k8s() {
        return cluster.client();
    }

    private List<GenericKubernetesResource> vms(String id) {
        return k8s().genericKubernetesResources(KubeVirt.VM).inNamespace(LabPlanner.namespaceOf(UUID.fromString(id)))
                .list().getItems();
    }

    private List<GenericKubernetesResource> nads(String id) {
        return k8s().genericKubernetesResources(Multus.NAD).inNamespace(LabPlanner.namespaceOf(UUID.fromString(id)))
                .list().getItems();
    }

    /** Each VMI's uid by name: a restart replaces the VMI, so its uid changes. */
    private java.util.Map<String, String> vmiUids(String id) {
        return k8s().genericKubernetesResources(KubeVirt.VMI).inNamespace(LabPlanner.namespaceOf(UUID.fromString(id)))
                .list().getItems().stream().collect(java.util.stream.Collectors.toMap(
                        vmi -> vmi.getMetadata().getName(), vmi -> vmi.getMetadata().getUid()));
    }

    private List<String> restartedNodes(String id) {
        return user.get("/api/v1/labs/" + id + "/events").json().get("items").valueStream()
                .filter(e -> e.get("kind").asString().equals("NodeRestarted"))
                .map(e -> e.get("node").asString()).toList();
    }

    /** {@code node}'s VMI was replaced and logged as restarted; the other two routers kept theirs. */
    private void assertOnlyRestarted(String id, java.util.Map<String, String> vmisBefore, String node) {
        java.util.Map<String, String> vmisAfter = vmiUids(id);
        for (String other : List.of("r1", "r2", "r3")) {
            if (other.equals(node)) {
                assertThat(vmisAfter.get(node)).isNotNull().isNotEqualTo(vmisBefore.get(node));
            } else {
                assertThat(vmisAfter.get(other)).isEqualTo(vmisBefore.get(other));
            }
        }
        assertThat(restartedNodes(id)).containsExactly(node);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void startsALabAndReportsEveryNodeReady() {
        String id = create("run-me");
        JsonNode status;
        try (LabActivity activity = activity(id)) {
                Response started = user.post("/api/v1/labs/" + id + "/start", "");
                assertThat(started.status()).isEqualTo(202);

                status = awaitStatus(id, state("RUNNING"));
                assertThat(activity.statusBatches()).as("VM status followed between passes").isPositive();
        }
        assertThat(status.get("ready").asInt()).isEqualTo(3);
        assertThat(status.get("nodes").valueStream().map(n -> n.get("state").asString()))
                .containsOnly("READY");
        assertThat(vms(id)).hasSize(3).allSatisfy(vm ->
                assertThat((String) vm.get("spec", "runStrategy")).isEqualTo("Always"));
        assertThat(nads(id)).hasSize(3);
        assertThat(k8s().namespaces().withName(LabPlanner.namespaceOf(UUID.fromString(id))).get()).isNotNull();
        assertThat(user.post("/api/v1/labs/" + id + "/start", "").status()).isEqualTo(202);

        JsonNode events = user.get("/api/v1/labs/" + id + "/events").json().get("items");
        assertThat(events.valueStream().map(e -> e.get("kind").asString()))
                .contains("Requested", "NodeStateChanged", "LabStateChanged");
    }

    @Test
    void stopsAndRestartsSingleNodesWithoutTouchingTheOthers() {
        String id = create("one-node");
        user.post("/api/v1/labs/" + id + "/start", "");
        awaitStatus(id, state("RUNNING"));
        String r1Uid = vms(id).stream().filter(vm -> vm.getMetadata().getName().equals("r1")).findFirst()
                .orElseThrow().getMetadata().getUid();

        assertThat(user.post("/api/v1/labs/" + id + "/nodes/r2/stop", "").status()).isEqualTo(202);
        JsonNode status = awaitStatus(id, s -> s.get("state").asString().equals("RUNNING")
                && s.get("total").asInt() == 2);
        assertThat(status.get("nodes").get(1).get("state").asString()).isEqualTo("STOPPED");
        assertThat(nads(id)).hasSize(3);

        assertThat(user.post("/api/v1/labs/" + id + "/nodes/r2/start", "").status()).isEqualTo(202);
        awaitStatus(id, s -> s.get("state").asString().equals("RUNNING") && s.get("ready").asInt() == 3);

        assertThat(user.post("/api/v1/labs/" + id + "/nodes/r3/restart", "").status()).isEqualTo(202);
        awaitUntil("r3 restarted", () -> user.get("/api/v1/labs/" + id + "/events").json().get("items").valueStream()
                .anyMatch(e -> e.get("kind").asString().equals("NodeRestarted")));
        awaitStatus(id, s -> s.get("state").asString().equals("RUNNING") && s.get("ready").asInt() == 3);
        assertThat(vms(id).stream().filter(vm -> vm.getMetadata().getName().equals("r1")).findFirst()
                .orElseThrow().getMetadata().getUid()).isEqualTo(r1Uid);

        assertThat(user.post("/api/v1/labs/" + id + "/nodes/r9/stop", "").status()).isEqualTo(404);
    }

    @Test
    void stopsAndStartsTheWholeLabKeepingItsObjects() {
        String id = create("stop-start");
        user.post("/api/v1/labs/" + id + "/start", "");
        awaitStatus(id, state("RUNNING"));

        assertThat(user.post("/api/v1/labs/" + id + "/stop", "").status()).isEqualTo(202);
        awaitStatus(id, state("STOPPED"));
        assertThat(vms(id)).hasSize(3).allSatisfy(vm ->
                assertThat((String) vm.get("spec", "runStrategy")).isEqualTo("Halted"));
        assertThat(user.post("/api/v1/labs/" + id + "/nodes/r1/start", "").status()).isEqualTo(409);

        user.post("/api/v1/labs/" + id + "/start", "");
        awaitStatus(id, state("RUNNING"));
    }

    @Test
    void editingARunningLabAppliesOnlyTheDifference() {
        String id = create("edit-live");
        user.post("/api/v1/labs/" + id + "/start", "");
        awaitStatus(id, state("RUNNING"));
        String r1Version = vms(id).stream().filter(vm -> vm.getMetadata().getName().equals("r1")).findFirst()
                .orElseThrow().getMetadata().getResourceVersion();
        java.util.Map<String, String> vmisBefore = vmiUids(id);
        try (LabActivity activity = activity(id)) {
            Response edited = user.put("/api/v1/labs/" + id, lab("edit-live", ",{\"name\":\"r4\",\"image\":\"frr\"}",
                    ",{\"endpoints\":[\"r4:eth1\",\"r3:eth3\"]}"));
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);

            awaitUntil("r3 restarted", () -> restartedNodes(id).contains("r3"));
            awaitStatus(id, s -> s.get("state").asString().equals("RUNNING") && s.get("ready").asInt() == 4);
            assertThat(vms(id)).hasSize(4);
            assertThat(nads(id)).hasSize(4);
            assertThat(vms(id).stream().filter(vm -> vm.getMetadata().getName().equals("r1")).findFirst()
                    .orElseThrow().getMetadata().getResourceVersion()).isEqualTo(r1Version);
            // r4: VM + config Secret; the new link: NAD; r3 gains a NIC: its VM and its Secret (the NIC names pinned by
            // MAC) are rewritten, and its running VMI, which lacks the NIC, is replaced. r1 and r2 are not touched.
            assertThat(activity.writes()).as(activity.requests().byVerbAndKind().toString()).isEqualTo(6);
        }
        assertOnlyRestarted(id, vmisBefore, "r3");
    }

    /**
     * virt-controller writes a VM's status whenever it likes, also between the reconciler's read of the VM and its
     * write of it. Written as a read of the latest version followed by a PUT with that version, the rewrite of r3 then
     * met a 409 and was sent again: seven writes for the edit's six, once in a loaded full build. Here the read
     * answers the version from before such a status write; the edit still costs one write per object.
     */
    @Test
    void aStatusWriteBetweenTheReconcilersReadAndItsWriteCostsNoSecondWrite() {
        String id = create("edit-race");
        user.post("/api/v1/labs/" + id + "/start", "");
        awaitStatus(id, state("RUNNING"));
        String ns = LabPlanner.namespaceOf(UUID.fromString(id));
        var r3 = k8s().genericKubernetesResources(KubeVirt.VM).inNamespace(ns).withName("r3");
        GenericKubernetesResource beforeStatusWrite = r3.get();
        GenericKubernetesResource withStatus = io.fabric8.kubernetes.client.utils.Serialization.clone(beforeStatusWrite);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> status = new java.util.LinkedHashMap<>(
                (java.util.Map<String, Object>) withStatus.getAdditionalProperties().getOrDefault("status",
                        java.util.Map.of()));
        status.put("volumeSnapshotStatuses", List.of()); // a field virt-controller owns and the simulator leaves
        withStatus.setAdditionalProperty("status", status);
        k8s().genericKubernetesResources(KubeVirt.VM).inNamespace(ns).resource(withStatus).updateStatus();
        String path = "/apis/" + KubeVirt.VM.getGroup() + "/" + KubeVirt.VM.getVersion() + "/namespaces/" + ns
                + "/virtualmachines/r3";
        cluster.simulated().server().expect().get().withPath(path).andReturn(200, beforeStatusWrite).once();
        try (LabActivity activity = activity(id)) {
            Response edited = user.put("/api/v1/labs/" + id, lab("edit-race", ",{\"name\":\"r4\",\"image\":\"frr\"}",
                    ",{\"endpoints\":[\"r4:eth1\",\"r3:eth3\"]}"));
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);

            awaitUntil("r3 restarted", () -> restartedNodes(id).contains("r3"));
            awaitStatus(id, s -> s.get("state").asString().equals("RUNNING") && s.get("ready").asInt() == 4);
            assertThat(activity.requests().byVerbAndKind()).as("the edit's writes, none refused")
                    .allSatisfy((verbKindCode, count) -> assertThat(verbKindCode).doesNotEndWith(" 409"));
            assertThat(activity.writes()).as(activity.requests().byVerbAndKind().toString()).isEqualTo(6);
        } finally {
            r3.get(); // the stale answer, if nobody asked for it: the next test's r3 must be read as it is
        }
    }

    @Test
    void aNewStartupConfigRestartsThatNodeOnlyAndOnlyWhileItRuns() {
        String id = create("config-live");
        user.post("/api/v1/labs/" + id + "/start", "");
        awaitStatus(id, state("RUNNING"));
        java.util.Map<String, String> vmisBefore = vmiUids(id);
        String changed = lab("config-live", "", "").replace("hostname r1", "hostname core1");
        try (LabActivity activity = activity(id)) {
            Response edited = user.put("/api/v1/labs/" + id, changed);
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);

            awaitUntil("r1 restarted", () -> restartedNodes(id).contains("r1"));
            awaitStatus(id, s -> s.get("state").asString().equals("RUNNING") && s.get("ready").asInt() == 3
                    && vmiUids(id).get("r1") != null && !vmiUids(id).get("r1").equals(vmisBefore.get("r1")));
            // r1's Secret (the new config), its VM (the template's boot hash) and its VMI, deleted so that KubeVirt
            // boots a fresh one with the new config
            assertThat(activity.writes()).as(activity.requests().byVerbAndKind().toString()).isEqualTo(3);
        }
        assertOnlyRestarted(id, vmisBefore, "r1");
        assertThat(user.get("/api/v1/labs/" + id + "/events").json().get("items").valueStream()
                .filter(e -> e.get("kind").asString().equals("NodeRestarted")).findFirst().orElseThrow()
                .get("message").asString()).contains("startup config");

        // a stopped node has no VMI: its next boot takes the new config, nothing is restarted
        assertThat(user.post("/api/v1/labs/" + id + "/nodes/r2/stop", "").status()).isEqualTo(202);
        awaitStatus(id, s -> s.get("nodes").get(1).get("state").asString().equals("STOPPED"));
        try (LabActivity secondEdit = activity(id)) {
            Response again = user.put("/api/v1/labs/" + id, changed.replace("{\"name\":\"r2\",\"image\":\"frr\"}",
                    "{\"name\":\"r2\",\"image\":\"frr\",\"startupConfig\":\"hostname r2\\n\"}"));
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            awaitUntil("r2's Secret and VM rewritten", () -> secondEdit.writes() >= 2);
            // a restart would come in the pass that wrote them or a later one: a pass that began after those ended
            // has had its chance (their VM's change and the periodic resync each bring one)
            long passes = secondEdit.passes();
            awaitUntil("a pass of the lab after the writes", () -> secondEdit.passes() >= passes + 2);
            assertThat(secondEdit.writes()).as(secondEdit.requests().byVerbAndKind().toString()).isEqualTo(2);
        }
        assertThat(restartedNodes(id)).containsExactly("r1");
    }

    @Test
    void thePeriodicResyncReachesAQuietLab() {
        String id = create("quiet");
        user.post("/api/v1/labs/" + id + "/start", "");
        awaitStatus(id, state("RUNNING"));
        // a change no event announces (not even the change feed): only the periodic resync (2 s here) can find it
        jdbc.sql("update lab_runtime set desired = 'STOPPED' where lab_id = ?").param(UUID.fromString(id)).update();
        awaitStatus(id, state("STOPPED"));
        assertThat(vms(id)).allSatisfy(vm -> assertThat((String) vm.get("spec", "runStrategy")).isEqualTo("Halted"));
    }

    @Test
    void repairsObjectsDeletedBehindItsBack() {
        String id = create("drift");
        user.post("/api/v1/labs/" + id + "/start", "");
        awaitStatus(id, state("RUNNING"));
        String ns = LabPlanner.namespaceOf(UUID.fromString(id));

        k8s().genericKubernetesResources(KubeVirt.VM).inNamespace(ns).withName("r2").delete();
        k8s().genericKubernetesResources(Multus.NAD).inNamespace(ns).withName(nads(id).getFirst()
                .getMetadata().getName()).delete();

        awaitUntil("the VM and the NAD back", () -> vms(id).size() == 3 && nads(id).size() == 3);
        assertThat(vms(id)).hasSize(3);
        assertThat(nads(id)).hasSize(3);
        awaitStatus(id, s -> s.get("state").asString().equals("RUNNING") && s.get("ready").asInt() == 3);
    }

    @Test
    void destroyLeavesNothingBehindAndDeletingADeployedLabDestroysItFirst() {
        String id = create("destroy-me");
        user.post("/api/v1/labs/" + id + "/start", "");
        awaitStatus(id, state("RUNNING"));
        assertThat(runtimes.liveLabIds()).as("a running lab is resynced").contains(UUID.fromString(id));

        assertThat(user.post("/api/v1/labs/" + id + "/destroy", "").status()).isEqualTo(202);
        awaitStatus(id, state("DEFINED"));
        assertThat(runtimes.liveLabIds()).as("a lab torn down is not").doesNotContain(UUID.fromString(id));
        assertThat(vms(id)).isEmpty();
        assertThat(nads(id)).isEmpty();
        assertThat(k8s().secrets().inNamespace(LabPlanner.namespaceOf(UUID.fromString(id))).list().getItems())
                .isEmpty();
        assertThat(user.post("/api/v1/labs/" + id + "/stop", "").status()).isEqualTo(409);

        user.post("/api/v1/labs/" + id + "/start", "");
        awaitStatus(id, state("RUNNING"));
        assertThat(user.delete("/api/v1/labs/" + id).status()).isEqualTo(204);
        awaitUntil("the deleted lab's objects gone", () -> vms(id).isEmpty() && nads(id).isEmpty());
        assertThat(vms(id)).isEmpty();
        assertThat(nads(id)).isEmpty();
    }

    @Test
    void streamsEventsAsServerSentEventsResumingAfterLastEventId() throws Exception {
        String id = create("stream-me");
        user.post("/api/v1/labs/" + id + "/start", "");
        awaitStatus(id, state("RUNNING"));
        JsonNode all = user.get("/api/v1/labs/" + id + "/events").json().get("items");
        long second = all.get(1).get("id").asLong();

        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/v1/labs/" + id + "/events"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Accept", "text/event-stream")
                .header("Last-Event-ID", Long.toString(second)).build();
        List<String> ids = eventIds(request, all.size() - 2);

        assertThat(ids).first().isEqualTo("id:" + all.get(2).get("id").asLong());
        assertThat(ids).last().isEqualTo("id:" + all.get(all.size() - 1).get("id").asLong());
    }

    /**
     * The first {@code count} event ids the stream sends. A stream never ends by itself, and a request's timeout covers
     * only its headers: the lines are read with a deadline, and the stream is closed at it.
     */
    private static List<String> eventIds(java.net.http.HttpRequest request, int count) throws Exception {
        List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
        var client = java.net.http.HttpClient.newHttpClient();
        try {
            var response = client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines())
                    .get(STREAM_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            try (var lines = response.body()) {
                Thread reader = Thread.ofVirtual().start(() -> lines.filter(line -> line.startsWith("id:"))
                        .limit(count).forEach(ids::add));
                if (!reader.join(STREAM_WAIT)) {
                    throw new AssertionError("the stream sent " + ids.size() + " of " + count + " event ids within "
                            + STREAM_WAIT.toSeconds() + " s: " + ids);
                }
            }
        } finally {
            client.shutdownNow();
        }
        return ids;
    }

    @Test
    void otherUsersCannotOperateTheLab() {
        String id = create("not-yours");
        ApiClient mallory = api().newUser();

        assertThat(mallory.post("/api/v1/labs/" + id + "/start", "").status()).isEqualTo(404);
        assertThat(mallory.get("/api/v1/labs/" + id + "/events").status()).isEqualTo(404);
        assertThat(anonymous().post("/api/v1/labs/" + id + "/start", "").status()).isEqualTo(401);
    }

    @Test
    void saysWhichClusterItDrives() {
        JsonNode view = user.get("/api/v1/cluster").json();
        assertThat(view.get("simulated").asBoolean()).isTrue();
        assertThat(view.get("description").asString()).contains("SIMULATED");
        assertThat(anonymous().get("/actuator/info").json().get("cluster").get("simulated").asBoolean()).isTrue();
    }
}
