package dev.labforge.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.TestLabs;
import dev.labforge.cluster.kubevirt.ConfigSecrets;
import dev.labforge.cluster.kubevirt.VirtualMachines;
import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.status.NodeStatusMapping;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The caches keep what the reconciler reads, and an update that changes none of it wakes nobody. */
class CachedObjectsTest {

    private static final LabPlan LAB = TestLabs.twoRouters();

    /** A VM as the API server sends it: rendered, then given server fields and a status. */
    private static GenericKubernetesResource vm(String printable, boolean ready, String resourceVersion,
                                                List<Map<String, Object>> conditions) {
        GenericKubernetesResource vm = Serialization.clone(VirtualMachines.render(LAB, LAB.nodes().getFirst()));
        vm.getMetadata().setResourceVersion(resourceVersion);
        vm.getMetadata().setUid("6a1b0c2e-0000-4000-8000-000000000001");
        vm.getMetadata().setCreationTimestamp("2026-11-25T10:00:00Z");
        vm.setAdditionalProperty("status", Map.of("printableStatus", printable, "ready", ready, "created", true,
                "conditions", conditions, "observedGeneration", 1, "desiredGeneration", 1));
        return vm;
    }

    private static Map<String, Object> condition(String type, String status, String message, String time) {
        return Map.of("type", type, "status", status, "reason", "SomeReason", "message", message,
                "lastProbeTime", time, "lastTransitionTime", time);
    }

    @ParameterizedTest(name = "{0} ready={1}")
    @CsvSource({"Provisioning, false", "Starting, false", "Running, false", "Running, true",
            "ErrorUnschedulable, false", "ImagePullBackOff, false", "Stopped, false"})
    void aKeptVmMapsToTheSameNodeStateAsTheWholeOne(String printable, boolean ready) {
        GenericKubernetesResource whole = vm(printable, ready, "7", List.of(
                condition("Ready", ready ? "True" : "False", "0/3 nodes are available", "2026-11-25T10:00:01Z"),
                condition("Failure", "True", "image not found", "2026-11-25T10:00:02Z")));

        GenericKubernetesResource kept = CachedObjects.vm(whole);

        for (boolean shouldRun : new boolean[] {true, false}) {
            assertThat(NodeStatusMapping.map(kept.get("status"), true, shouldRun))
                    .isEqualTo(NodeStatusMapping.map(whole.get("status"), true, shouldRun));
        }
        assertThat((String) kept.get("spec", "runStrategy")).isEqualTo(whole.get("spec", "runStrategy"));
        assertThat(ClusterLabels.specHash(kept)).isEqualTo(ClusterLabels.specHash(whole)).isNotNull();
        assertThat(kept.getMetadata().getLabels()).containsOnlyKeys(ClusterLabels.LAB)
                .containsEntry(ClusterLabels.LAB, LAB.labId().toString());
        assertThat(kept.getMetadata().getName()).isEqualTo("r1");
        assertThat(kept.getMetadata().getNamespace()).isEqualTo(LAB.namespace());
        assertThat(kept.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(kept.getMetadata().getUid()).isEqualTo(whole.getMetadata().getUid());
        assertThat((Object) kept.get("spec", "template")).isNull();
    }

    @Test
    void aSecretIsKeptWithoutItsData() {
        Secret whole = ConfigSecrets.render(LAB, LAB.nodes().getFirst());

        Secret kept = CachedObjects.secret(whole);

        assertThat(kept.getStringData()).isNullOrEmpty();
        assertThat(kept.getData()).isNullOrEmpty();
        assertThat(ClusterLabels.specHash(kept)).isEqualTo(ClusterLabels.specHash(whole));
        assertThat(kept.getMetadata().getName()).isEqualTo(whole.getMetadata().getName());
    }

    @Test
    void onlyChangesToWhatIsKeptCount() {
        List<Map<String, Object>> starting = List.of(condition("Ready", "False", "not scheduled", "10:00:01"));
        GenericKubernetesResource before = CachedObjects.vm(vm("Starting", false, "7", starting));

        // a new resourceVersion and new condition times: nothing the reconciler reads
        assertThat(CachedObjects.sameContent(before, CachedObjects.vm(vm("Starting", false, "8",
                List.of(condition("Ready", "False", "not scheduled", "10:00:09")))))).isTrue();
        // nor is a Starting VM's new waiting message: no node state reports it
        assertThat(CachedObjects.sameContent(before, CachedObjects.vm(vm("Starting", false, "9",
                List.of(condition("Ready", "False", "guest not running", "10:00:09")))))).isTrue();
        // a new printable status, or a failure's new message: a pass may decide differently
        assertThat(CachedObjects.sameContent(before, CachedObjects.vm(vm("Running", true, "10", starting)))).isFalse();
        GenericKubernetesResource failing = CachedObjects.vm(vm("ErrorUnschedulable", false, "11",
                List.of(condition("Ready", "False", "0/3 nodes: insufficient memory", "10:00:10"))));
        assertThat(CachedObjects.sameContent(failing, CachedObjects.vm(vm("ErrorUnschedulable", false, "12",
                List.of(condition("Ready", "False", "0/3 nodes: insufficient cpu", "10:00:11")))))).isFalse();

        GenericKubernetesResource vmi = vm("Running", true, "3", starting);
        GenericKubernetesResource nextPhase = vm("Running", true, "4", starting);
        nextPhase.setAdditionalProperty("status", Map.of("phase", "Running"));
        assertThat(CachedObjects.sameContent(CachedObjects.metadataOnly(vmi), CachedObjects.metadataOnly(nextPhase)))
                .isTrue();
    }

    @Test
    void aNewStatusAloneIsForTheStatusFollowerAndAnythingElseForAPass() {
        GenericKubernetesResource starting = CachedObjects.vm(vm("Starting", false, "7", List.of()));
        GenericKubernetesResource running = CachedObjects.vm(vm("Running", true, "8", List.of()));
        assertThat(CachedObjects.sameContent(starting, running)).isFalse();
        assertThat(CachedObjects.sameButStatus(starting, running)).isTrue();

        GenericKubernetesResource halted = vm("Running", true, "9", List.of());
        halted.setAdditionalProperty("spec", Map.of("runStrategy", "Halted"));
        assertThat(CachedObjects.sameButStatus(running, CachedObjects.vm(halted))).isFalse();
        GenericKubernetesResource edited = vm("Running", true, "10", List.of());
        edited.getMetadata().setAnnotations(Map.of(ClusterLabels.SPEC_HASH, "someone-else"));
        assertThat(CachedObjects.sameButStatus(running, CachedObjects.vm(edited))).isFalse();
    }

    @Test
    void aVmiKeepsTheBootHashItWasStartedWithAndNothingElseOfItsAnnotations() {
        GenericKubernetesResource vmi = vm("Running", true, "3", List.of());
        vmi.getMetadata().setAnnotations(Map.of(ClusterLabels.BOOT_HASH, "0123456789abcdef",
                "kubevirt.io/latest-observed-api-version", "v1"));

        GenericKubernetesResource kept = CachedObjects.metadataOnly(vmi);

        assertThat(kept.getMetadata().getAnnotations()).containsOnly(Map.entry(ClusterLabels.BOOT_HASH,
                "0123456789abcdef"));
        GenericKubernetesResource restarted = vm("Running", true, "9", List.of());
        restarted.getMetadata().setAnnotations(Map.of(ClusterLabels.BOOT_HASH, "fedcba9876543210"));
        assertThat(CachedObjects.sameContent(kept, CachedObjects.metadataOnly(restarted))).isFalse();
    }
}
