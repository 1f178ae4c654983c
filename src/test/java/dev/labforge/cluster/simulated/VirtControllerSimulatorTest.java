package dev.labforge.cluster.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated virt-controller against the simulated API, seen as the reconciler would: through watches. */
class VirtControllerSimulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static SimulatedCluster cluster;
    private static KubernetesClient client;
    private static VirtControllerSimulator simulator;

    private static final AtomicInteger TESTS = new AtomicInteger();

    private String ns;

    @BeforeAll
    static void start() {
        cluster = SimulatedCluster.start(SimulatorSettings.immediate());
        client = cluster.client();
        simulator = cluster.simulator();
    }

    @AfterAll
    static void stop() {
        cluster.close();
    }

    @BeforeEach
    void namespacePerTest() {
        ns = "sim-" + TESTS.incrementAndGet();
        simulator.settings(SimulatorSettings.immediate());
    }

    @Test
    void eachVmBootsForItsOwnSpreadTime() {
        simulator.settings(SimulatorSettings.immediate().withDelays(Duration.ZERO, Duration.ofMillis(300),
                Duration.ZERO).withBootSpread(Duration.ofMillis(300), 1));
        List<Long> tookMillis = new java.util.ArrayList<>();
        for (String name : List.of("r1", "r2", "r3")) {
            long started = System.nanoTime();
            Vms.vms(client, ns).resource(Vms.router(ns, name, "Always")).create();
            assertThat(simulator.awaitRunning(ns, name, WAIT)).isTrue();
            long took = (System.nanoTime() - started) / 1_000_000;
            assertThat(took).as(name).isGreaterThanOrEqualTo(simulator.settings().bootDelayOf(ns, name).toMillis());
            tookMillis.add(took);
        }
        System.out.println("booted in " + tookMillis + " ms, drawn " + List.of("r1", "r2", "r3").stream()
                .map(n -> simulator.settings().bootDelayOf(ns, n).toMillis()).toList());
    }

    @Test
    void alwaysGoesThroughProvisioningAndStartingToRunning() {
        try (StatusRecorder vmStatus = StatusRecorder.printableStatus(Vms.vms(client, ns));
             StatusRecorder vmiPhase = StatusRecorder.phase(Vms.vmis(client, ns))) {
            GenericKubernetesResource vm = Vms.vms(client, ns).resource(Vms.router(ns, "r1", "Always")).create();

            assertThat(simulator.awaitRunning(ns, "r1", WAIT)).isTrue();
            Eventually.await("watched VM status", WAIT, () -> vmStatus.values("r1"), v -> v.contains("Running"));
            assertThat(vmStatus.values("r1")).containsExactly("Provisioning", "Starting", "Running");
            assertThat(vmiPhase.values("r1")).containsExactly("Pending", "Scheduling", "Scheduled", "Running");

            GenericKubernetesResource running = Vms.vms(client, ns).withName("r1").get();
            assertThat((Boolean) running.get("status", "ready")).isTrue();
            assertThat((Boolean) running.get("status", "created")).isTrue();
            assertThat(condition(running, "Ready")).containsEntry("status", "True");
            assertThat(condition(running, "RestartRequired")).isNull();
            assertThat(running.get("status", "observedGeneration").toString()).isEqualTo("1");

            GenericKubernetesResource vmi = Vms.vmis(client, ns).withName("r1").get();
            assertThat(vmi.getMetadata().getLabels())
                    .isEqualTo(Map.of("labforge.dev/lab", ns, "labforge.dev/node", "r1"));
            OwnerReference owner = vmi.getMetadata().getOwnerReferences().getFirst();
            assertThat(owner.getKind()).isEqualTo("VirtualMachine");
            assertThat(owner.getUid()).isEqualTo(vm.getMetadata().getUid());
            assertThat(owner.getController()).isTrue();
            assertThat((String) vmi.get("status", "nodeName")).isEqualTo("sim-node-1");
            assertThat(condition(vmi, "Ready")).containsEntry("status", "True");
            List<Map<String, Object>> nics = vmi.get("status", "interfaces");
            assertThat(nics).extracting(nic -> nic.get("name")).containsExactly("mgmt", "eth1", "eth2");
            assertThat(nics.get(0)).containsEntry("ipAddress", "10.0.2.2");
            assertThat((String) nics.get(0).get("mac")).matches("02(:[0-9a-f]{2}){5}");
            assertThat(nics.get(1)).containsEntry("mac", "02:7f:3a:01:00:01").doesNotContainKey("ipAddress");
            assertThat(nics.get(2)).containsEntry("mac", "02:7f:3a:01:00:02").containsEntry("linkState", "up");
        }
    }

    @Test
    void haltedStopsTheVmAndDeletesItsVmi() {
        start("r1");
        try (StatusRecorder vmStatus = StatusRecorder.printableStatus(Vms.vms(client, ns))) {
            Vms.runStrategy(client, ns, "r1", "Halted");

            Eventually.await("Stopped", WAIT, () -> vmStatus.values("r1"), v -> v.contains("Stopped"));
            assertThat(vmStatus.values("r1")).containsExactly("Running", "Stopping", "Stopped");
            assertThat(Vms.vmis(client, ns).withName("r1").get()).isNull();
            GenericKubernetesResource stopped = Vms.vms(client, ns).withName("r1").get();
            assertThat((Boolean) stopped.get("status", "ready")).isFalse();
            assertThat((Boolean) stopped.get("status", "created")).isFalse();
        }
    }

    @Test
    void anImageThatNeverPullsEndsInImagePullBackOff() throws InterruptedException {
        try (StatusRecorder vmStatus = StatusRecorder.printableStatus(Vms.vms(client, ns))) {
            Vms.vms(client, ns).resource(Vms.router(ns, "r1", "Always", Vms.UNPULLABLE_IMAGE)).create();

            Eventually.await("ImagePullBackOff", WAIT, () -> vmStatus.values("r1"),
                    v -> v.contains("ImagePullBackOff"));
            Thread.sleep(200); // and stays there
            assertThat(vmStatus.values("r1"))
                    .containsExactly("Provisioning", "Starting", "ErrImagePull", "ImagePullBackOff");
            GenericKubernetesResource vm = Vms.vms(client, ns).withName("r1").get();
            assertThat((Boolean) vm.get("status", "ready")).isFalse();
            GenericKubernetesResource vmi = Vms.vmis(client, ns).withName("r1").get();
            assertThat((String) vmi.get("status", "phase")).isEqualTo("Scheduling");
            assertThat(condition(vmi, "Synchronized"))
                    .containsEntry("status", "False")
                    .containsEntry("reason", "ImagePullBackOff")
                    .containsEntry("message", "Back-off pulling image \"" + Vms.UNPULLABLE_IMAGE + "\"");
        }
    }

    @Test
    void settingsChangeWhileRunning() {
        simulator.settings(SimulatorSettings.immediate().withImageNeverPulls(image -> image.endsWith(":1.0")));

        Vms.vms(client, ns).resource(Vms.router(ns, "r1", "Always")).create();

        Eventually.await("ImagePullBackOff", WAIT, () -> printableStatus("r1"), "ImagePullBackOff"::equals);
    }

    @Test
    void deletingTheVmDeletesItsVmi() {
        start("r1");

        Vms.vms(client, ns).withName("r1").delete();

        Eventually.await("VMI deleted", WAIT, () -> Vms.vmis(client, ns).withName("r1").get(), Objects::isNull);
    }

    @Test
    void aRestartRunsANewVmi() {
        start("r1");
        String firstUid = Vms.vmis(client, ns).withName("r1").get().getMetadata().getUid();

        Vms.runStrategy(client, ns, "r1", "Halted");
        Eventually.await("Stopped", WAIT, () -> printableStatus("r1"), "Stopped"::equals);
        Vms.runStrategy(client, ns, "r1", "Always");

        assertThat(simulator.awaitRunning(ns, "r1", WAIT)).isTrue();
        assertThat(Vms.vmis(client, ns).withName("r1").get().getMetadata().getUid()).isNotEqualTo(firstUid);
    }

    @Test
    void aTemplateChangeWhileRunningAsksForARestartAndKeepsRunning() {
        start("r1");
        String uid = Vms.vmis(client, ns).withName("r1").get().getMetadata().getUid();

        Vms.vms(client, ns).withName("r1").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"domain\":{\"cpu\":{\"cores\":4}}}}}}");

        GenericKubernetesResource vm = Eventually.await("RestartRequired", WAIT,
                () -> Vms.vms(client, ns).withName("r1").get(), v -> condition(v, "RestartRequired") != null);
        assertThat(condition(vm, "RestartRequired")).containsEntry("status", "True");
        assertThat(vm.get("status", "observedGeneration").toString()).isEqualTo("2");
        assertThat((String) vm.get("status", "printableStatus")).isEqualTo("Running");
        assertThat(Vms.vmis(client, ns).withName("r1").get().getMetadata().getUid()).isEqualTo(uid);

        Vms.runStrategy(client, ns, "r1", "Halted");
        Eventually.await("Stopped", WAIT, () -> printableStatus("r1"), "Stopped"::equals);
        Vms.runStrategy(client, ns, "r1", "Always");
        assertThat(simulator.awaitRunning(ns, "r1", WAIT)).isTrue();
        GenericKubernetesResource restarted = Vms.vms(client, ns).withName("r1").get();
        assertThat(condition(restarted, "RestartRequired")).isNull();
        assertThat(Vms.vmis(client, ns).withName("r1").get().get("spec", "domain", "cpu", "cores").toString())
                .isEqualTo("4");
    }

    @Test
    void delaysSpaceTheStepsOut() {
        simulator.settings(SimulatorSettings.immediate()
                .withDelays(Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofMillis(200)));
        try (StatusRecorder vmStatus = StatusRecorder.printableStatus(Vms.vms(client, ns))) {
            Vms.vms(client, ns).resource(Vms.router(ns, "r1", "Always")).create();
            assertThat(simulator.awaitRunning(ns, "r1", WAIT)).isTrue();
            Vms.runStrategy(client, ns, "r1", "Halted");
            Eventually.await("Stopped", WAIT, () -> vmStatus.values("r1"), v -> v.contains("Stopped"));

            List<StatusRecorder.Change> changes = vmStatus.changes("r1");
            assertThat(changes).extracting(StatusRecorder.Change::value)
                    .containsExactly("Provisioning", "Starting", "Running", "Stopping", "Stopped");
            assertThat(millisBetween(changes.get(0), changes.get(1))).isGreaterThanOrEqualTo(250);
            assertThat(millisBetween(changes.get(1), changes.get(2))).isGreaterThanOrEqualTo(350);
            assertThat(millisBetween(changes.get(3), changes.get(4))).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void aConflictingStatusWriteIsRetriedOnTheLatestVersion() {
        long conflictsBefore = cluster.requests().responses(409);
        cluster.server().expect().put()
                .withPath("/apis/kubevirt.io/v1/namespaces/" + ns + "/virtualmachines/r1/status")
                .andReturn(409, Map.of("kind", "Status", "apiVersion", "v1", "status", "Failure",
                        "reason", "Conflict", "code", 409, "message", "the object has been modified"))
                .once();

        Vms.vms(client, ns).resource(Vms.router(ns, "r1", "Always")).create();

        assertThat(simulator.awaitRunning(ns, "r1", WAIT)).isTrue();
        assertThat(cluster.requests().responses(409)).isGreaterThan(conflictsBefore);
        // the injected conflict was used up: a status write to the same path now succeeds
        Vms.vms(client, ns).resource(Vms.vms(client, ns).withName("r1").get()).updateStatus();
    }

    @Test
    void aVmWithoutTheLabforgeLabelIsNotLabforgesToRun() throws InterruptedException {
        GenericKubernetesResource vm = Vms.router(ns, "r1", "Always");
        vm.getMetadata().getLabels().remove(Kinds.MANAGED_BY);
        Vms.vms(client, ns).resource(vm).create();

        Thread.sleep(200);

        assertThat(Vms.vms(client, ns).withName("r1").get().getAdditionalProperties()).doesNotContainKey("status");
        assertThat(Vms.vmis(client, ns).withName("r1").get()).isNull();
    }

    @Test
    void fiftyVmsAtOnceAllRunWithinSeconds() {
        int before = simulator.runningInstances();
        long started = System.nanoTime();

        IntStream.range(0, 50).parallel().forEach(i ->
                Vms.vms(client, ns).resource(Vms.router(ns, "r" + i, "Always")).create());

        for (int i = 0; i < 50; i++) {
            assertThat(simulator.awaitRunning(ns, "r" + i, Duration.ofSeconds(10))).as("r" + i).isTrue();
        }
        // about 500 API calls; the mock API is CPU-bound: ~2 s warm on two cores, up to ~7 s in a cold JVM
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("50 VMs running after " + took.toMillis() + " ms");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(simulator.runningInstances()).isEqualTo(before + 50);
    }

    @Test
    void tellsWhatItWroteAndSignsItsRequests() {
        List<String> written = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<ApiRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        simulator.onVmStatusWritten((namespace, name, status) -> {
            if (namespace.equals(ns)) {
                written.add(name + ":" + status.get("printableStatus") + ":" + status.get("ready"));
            }
        });
        try (RequestLog.Observation observation = cluster.requests().observe(request -> {
            if (request.resourcePath().contains("/namespaces/" + ns + "/")) {
                requests.add(request);
            }
        })) {
            start("r1");
            Eventually.await("the ready status reported", WAIT, () -> written, w -> w.contains("r1:Running:true"));
        }

        assertThat(written).containsExactly("r1:Provisioning:false", "r1:Starting:false", "r1:Starting:false",
                "r1:Running:true");
        String vms = "/apis/kubevirt.io/v1/namespaces/" + ns + "/virtualmachines";
        String vmis = "/apis/kubevirt.io/v1/namespaces/" + ns + "/virtualmachineinstances";
        assertThat(requests).filteredOn(r -> !r.agent().equals(SimulatedCluster.SIMULATOR_AGENT))
                .extracting(r -> r.method() + " " + r.path()).containsExactly("POST " + vms);
        // virt-controller's share of one VM start: four VM status writes, the VMI and its four phases
        assertThat(requests).filteredOn(r -> r.agent().equals(SimulatedCluster.SIMULATOR_AGENT))
                .extracting(r -> r.method() + " " + r.path()).containsExactlyInAnyOrder(
                        "PUT " + vms + "/r1/status", "PUT " + vms + "/r1/status", "PUT " + vms + "/r1/status",
                        "PUT " + vms + "/r1/status", "POST " + vmis, "PUT " + vmis + "/r1", "PUT " + vmis + "/r1",
                        "PUT " + vmis + "/r1", "PUT " + vmis + "/r1");
    }

    @Test
    void theSimulatorWatchesEachKindOnce() {
        start("r1");
        start("r2");
        Vms.runStrategy(client, ns, "r1", "Halted");
        Vms.vms(client, ns).withName("r2").delete();
        Eventually.await("r1 stopped", WAIT, () -> printableStatus("r1"), "Stopped"::equals);

        // the simulator's watches are the only ones across all namespaces; this test class watches per namespace
        assertThat(cluster.requests().watchRequests("/apis/kubevirt.io/v1/virtualmachines")).isEqualTo(1);
        assertThat(cluster.requests().watchRequests("/apis/kubevirt.io/v1/virtualmachineinstances")).isEqualTo(1);
    }

    private void start(String name) {
        Vms.vms(client, ns).resource(Vms.router(ns, name, "Always")).create();
        assertThat(simulator.awaitRunning(ns, name, WAIT)).as(name + " running").isTrue();
    }

    private String printableStatus(String name) {
        GenericKubernetesResource vm = Vms.vms(client, ns).withName(name).get();
        return vm == null ? null : vm.get("status", "printableStatus");
    }

    private static Map<String, Object> condition(GenericKubernetesResource resource, String type) {
        return Condition.maps(resource.get("status", "conditions")).stream()
                .filter(c -> type.equals(c.get("type")))
                .findFirst().orElse(null);
    }

    private static long millisBetween(StatusRecorder.Change from, StatusRecorder.Change to) {
        return (to.nanos() - from.nanos()) / 1_000_000;
    }
}
