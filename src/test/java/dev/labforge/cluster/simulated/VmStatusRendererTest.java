package dev.labforge.cluster.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VmStatusRendererTest {

    @ParameterizedTest(name = "{0} with VMI {1} {2} -> {3}")
    @CsvSource(nullValues = "-", textBlock = """
            # runStrategy   VMI phase    sync failure      printableStatus   created  ready
            Always,         -,           -,                Provisioning,     false,   false
            Halted,         -,           -,                Stopped,          false,   false
            Manual,         -,           -,                Stopped,          false,   false
            Always,         '',          -,                Starting,         true,    false
            Always,         Pending,     -,                Starting,         true,    false
            Always,         Scheduling,  -,                Starting,         true,    false
            Always,         Scheduling,  ErrImagePull,     ErrImagePull,     true,    false
            Always,         Scheduling,  ImagePullBackOff, ImagePullBackOff, true,    false
            Always,         Scheduled,   -,                Starting,         true,    false
            Always,         Running,     -,                Running,          true,    true
            RerunOnFailure, Running,     -,                Running,          true,    true
            Halted,         Running,     -,                Stopping,         true,    false
            Halted,         Scheduling,  ImagePullBackOff, Stopping,         true,    false
            Always,         Succeeded,   -,                Stopped,          true,    false
            """)
    void printableStatusFollowsKubeVirtsFirstMatchRules(String runStrategy, String phase, String syncFailure,
                                                        String printable, boolean created, boolean ready) {
        GenericKubernetesResource vm = Fixtures.vm(runStrategy);
        GenericKubernetesResource vmi = phase == null ? null : Fixtures.vmi(vm, phase, syncFailure);

        VmStatus status = VmStatusRenderer.render(vm, vmi);

        assertThat(status.printableStatus()).isEqualTo(printable);
        assertThat(status.created()).isEqualTo(created);
        assertThat(status.ready()).isEqualTo(ready);
        assertThat(status.conditions().getFirst().type()).isEqualTo("Ready");
        assertThat(status.conditions().getFirst().status()).isEqualTo(ready ? "True" : "False");
        assertThat(status.observedGeneration()).isEqualTo(1L);
    }

    @Test
    void aVmBeingDeletedIsTerminating() {
        GenericKubernetesResource vm = Fixtures.vm("Always");
        vm.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");

        assertThat(VmStatusRenderer.render(vm, Fixtures.vmi(vm, "Running", null)).printableStatus())
                .isEqualTo("Terminating");
        assertThat(VmStatusRenderer.render(vm, null).printableStatus()).isEqualTo("Terminating");
    }

    @Test
    void aTemplateThatNoLongerMatchesTheVmiAsksForARestart() {
        GenericKubernetesResource vm = Fixtures.vm("Always");
        GenericKubernetesResource vmi = Fixtures.vmi(vm, "Running", null);
        assertThat(VmStatusRenderer.render(vm, vmi).conditions()).extracting(Condition::type)
                .containsExactly("Ready");

        GenericKubernetesResource edited = Fixtures.vm("Always");
        VmiRenderer.templateSpec(edited).put("terminationGracePeriodSeconds", 0);

        assertThat(VmStatusRenderer.render(edited, vmi).conditions())
                .contains(new Condition("RestartRequired", "True", null,
                        "a non-live-updatable field was changed in the template spec"));
        assertThat(VmStatusRenderer.render(edited, vmi).printableStatus()).isEqualTo("Running");
    }
}
