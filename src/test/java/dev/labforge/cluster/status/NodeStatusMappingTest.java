package dev.labforge.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeStatusMappingTest {

    @ParameterizedTest(name = "{0} ready={1} shouldRun={2} -> {3} {4}")
    @CsvSource(nullValues = "-", value = {
            "-,                  false, true,  STARTING, -",
            "Stopped,            false, true,  STARTING, -",
            "Stopped,            false, false, STOPPED,  -",
            "Provisioning,       false, true,  STARTING, -",
            "Starting,           false, true,  STARTING, -",
            "Running,            false, true,  BOOTING,  -",
            "Running,            true,  true,  READY,    -",
            "Migrating,          true,  true,  READY,    -",
            "Running,            true,  false, STOPPING, -",
            "Stopping,           false, false, STOPPING, -",
            "Terminating,        false, true,  STOPPING, -",
            "Paused,             false, true,  STOPPED,  Paused",
            "ErrorUnschedulable, false, true,  FAILED,   ErrorUnschedulable",
            "ErrImagePull,       false, true,  FAILED,   ErrImagePull",
            "ImagePullBackOff,   false, true,  FAILED,   ImagePullBackOff",
            "CrashLoopBackOff,   false, true,  FAILED,   CrashLoopBackOff",
            "Unknown,            false, true,  STARTING, Unknown"})
    void mapsPrintableStatus(String printable, boolean ready, boolean shouldRun, NodeState state, String reason) {
        Map<String, Object> status = new HashMap<>();
        status.put("printableStatus", printable);
        status.put("ready", ready);

        NodeObservation observed = NodeStatusMapping.map(status, true, shouldRun);

        assertThat(observed.state()).isEqualTo(state);
        assertThat(observed.reason()).isEqualTo(reason);
        GenericKubernetesResource vm = new GenericKubernetesResource();
        vm.setAdditionalProperty("status", status);
        assertThat(NodeStatusMapping.of(vm, shouldRun)).as("read from the VM itself").isEqualTo(observed);
    }

    @ParameterizedTest(name = "{0} ready={1}")
    @CsvSource(nullValues = "-", value = {"-, false", "Stopped, false", "Provisioning, false", "Starting, false",
            "Running, false", "Running, true", "Stopping, false", "Paused, false", "ErrorUnschedulable, false",
            "ImagePullBackOff, false", "CrashLoopBackOff, false", "Unknown, false"})
    void theEssentialsOfAStatusMapToTheSameNodeState(String printable, boolean ready) {
        Map<String, Object> status = new HashMap<>();
        status.put("printableStatus", printable);
        status.put("ready", ready);
        status.put("created", true);
        status.put("observedGeneration", 3);
        status.put("conditions", List.of(
                Map.of("type", "Ready", "status", ready ? "True" : "False", "reason", "Whatever",
                        "message", "0/3 nodes are available", "lastTransitionTime", "2026-11-25T10:00:00Z"),
                Map.of("type", "Failure", "status", "True", "message", "image not found")));

        Map<String, Object> essentials = NodeStatusMapping.essentials(status);

        for (boolean shouldRun : new boolean[] {true, false}) {
            assertThat(NodeStatusMapping.map(essentials, true, shouldRun))
                    .isEqualTo(NodeStatusMapping.map(status, true, shouldRun));
        }
        assertThat(essentials).doesNotContainKeys("created", "observedGeneration");
    }

    @ParameterizedTest
    @CsvSource({"true, PENDING", "false, STOPPED"})
    void aMissingVmIsPendingOrStopped(boolean shouldRun, NodeState state) {
        assertThat(NodeStatusMapping.map(null, false, shouldRun).state()).isEqualTo(state);
    }

    @org.junit.jupiter.api.Test
    void failuresCarryTheConditionMessage() {
        Map<String, Object> status = Map.of("printableStatus", "ErrorUnschedulable", "conditions", List.of(
                Map.of("type", "Ready", "status", "False", "message", "0/3 nodes are available: insufficient memory")));

        assertThat(NodeStatusMapping.map(status, true, true).message()).contains("insufficient memory");
    }

    @org.junit.jupiter.api.Test
    void anUnschedulableVmSaysWhatTheSchedulerSaidNotThatItsPodIsMissing() {
        Map<String, Object> status = Map.of("printableStatus", "ErrorUnschedulable", "conditions", List.of(
                Map.of("type", "Ready", "status", "False", "reason", "PodNotExists",
                        "message", "virt-launcher pod has not yet been scheduled"),
                Map.of("type", "PodScheduled", "status", "False", "reason", "Unschedulable",
                        "message", "0/2 nodes are available: 2 Insufficient memory.")));

        NodeObservation observed = NodeStatusMapping.map(status, true, true);
        assertThat(observed.state()).isEqualTo(NodeState.FAILED);
        assertThat(observed.reason()).isEqualTo("ErrorUnschedulable");
        assertThat(observed.message()).isEqualTo("0/2 nodes are available: 2 Insufficient memory.");
        assertThat(NodeStatusMapping.map(NodeStatusMapping.essentials(status), true, true)).isEqualTo(observed);
    }

    @org.junit.jupiter.api.Test
    void aNodeWithoutAVmIsPendingOrStopped() {
        assertThat(NodeStatusMapping.of(null, true).state()).isEqualTo(NodeState.PENDING);
        assertThat(NodeStatusMapping.of(null, false).state()).isEqualTo(NodeState.STOPPED);
    }
}
