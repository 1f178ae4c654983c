package dev.labforge.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.LabObjects;
import dev.labforge.cluster.TestLabs;
import dev.labforge.cluster.kubevirt.VirtualMachines;
import dev.labforge.cluster.multus.LinkDriver;
import dev.labforge.cluster.multus.Multus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reconciler rewrites an object only when its spec hash changes; these are the promises behind that. */
class SpecHashTest {

    private static final LinkDriver BRIDGE = Multus.driver("bridge");
    private static final LabPlan RING = TestLabs.vendorRing();

    @Test
    void everyObjectCarriesA16HexHashOfItsContent() {
        for (HasMetadata object : LabObjects.render(RING, BRIDGE)) {
            assertThat(ClusterLabels.specHash(object)).matches("[0-9a-f]{16}")
                    .isEqualTo(ClusterLabels.computeSpecHash(object));
        }
    }

    @Test
    void changingOneNodesCpuRewritesOnlyThatVm() {
        LabPlan edited = TestLabs.withNode(RING, "r2", n -> TestLabs.withCpu(n, 8));

        assertThat(changed(RING, edited)).containsExactly("VirtualMachine/r2");
    }

    @Test
    void startingOrStoppingChangesRunStrategyButNotTheHash() {
        LabPlan stopped = TestLabs.withNode(RING, "r1", n -> TestLabs.withRunning(n, false));
        GenericKubernetesResource before = VirtualMachines.render(RING, TestLabs.node(RING, "r1"));
        GenericKubernetesResource after = VirtualMachines.render(stopped, TestLabs.node(stopped, "r1"));

        assertThat((String) after.get("spec", "runStrategy")).isEqualTo("Halted");
        assertThat((String) before.get("spec", "runStrategy")).isEqualTo("Always");
        assertThat(changed(RING, stopped)).isEmpty();
    }

    @Test
    void aNewSpecVersionAloneRewritesNothing() {
        LabPlan next = TestLabs.withSpecVersion(RING, RING.specVersion() + 1);

        assertThat(changed(RING, next)).isEmpty();
        assertThat(LabObjects.render(next, BRIDGE))
                .allSatisfy(o -> assertThat(o.getMetadata().getLabels()).containsEntry(ClusterLabels.SPEC_VERSION, "4"));
    }

    @Test
    void changingALinksMtuRewritesOnlyThatNad() {
        String nad = RING.links().get(2).nadName();
        LabPlan edited = TestLabs.withLink(RING, nad, l -> TestLabs.withMtu(l, 9000));

        assertThat(changed(RING, edited)).containsExactly("NetworkAttachmentDefinition/" + nad);
    }

    @Test
    void changingAStartupConfigRewritesThatSecretAndTheBootHashOfItsVm() {
        LabPlan edited = TestLabs.withNode(RING, "r3", n -> TestLabs.withStartupConfig(n, "hostname r3-new\n"));

        // the VM changes only in its template's boot hash, which tells the reconciler to restart a running r3
        assertThat(changed(RING, edited)).containsExactlyInAnyOrder("Secret/r3-config", "VirtualMachine/r3");
        assertThat(VirtualMachines.bootHash(VirtualMachines.render(edited, TestLabs.node(edited, "r3"))))
                .isNotEqualTo(VirtualMachines.bootHash(VirtualMachines.render(RING, TestLabs.node(RING, "r3"))));
        assertThat(VirtualMachines.bootHash(VirtualMachines.render(edited, TestLabs.node(edited, "r1"))))
                .isEqualTo(VirtualMachines.bootHash(VirtualMachines.render(RING, TestLabs.node(RING, "r1"))));
    }

    @Test
    void serverOwnedFieldsDoNotCount() {
        GenericKubernetesResource vm = VirtualMachines.render(RING, TestLabs.node(RING, "r1"));
        String hash = ClusterLabels.specHash(vm);
        vm.getMetadata().setResourceVersion("4711");
        vm.getMetadata().setUid("0b5e-...");
        vm.getMetadata().setGeneration(3L);
        vm.setAdditionalProperty("status", Map.of("printableStatus", "Running"));

        assertThat(ClusterLabels.computeSpecHash(vm)).isEqualTo(hash);
    }

    @Test
    void stampingIsIdempotentAndReadable() {
        GenericKubernetesResource vm = VirtualMachines.render(RING, TestLabs.node(RING, "r1"));
        String hash = ClusterLabels.specHash(vm);

        assertThat(ClusterLabels.specHash(ClusterLabels.withSpecHash(vm))).isEqualTo(hash);
        assertThat(vm.getMetadata().getAnnotations()).containsOnlyKeys(ClusterLabels.SPEC_HASH);
        assertThat(ClusterLabels.specHash(new NamespaceBuilder().withNewMetadata().withName("x").endMetadata().build()))
                .isNull();
    }

    /** Keys ("Kind/name") of objects whose hash differs between the two renderings. */
    private static Set<String> changed(LabPlan before, LabPlan after) {
        Map<String, String> a = LabObjects.hashes(before, BRIDGE);
        Map<String, String> b = LabObjects.hashes(after, BRIDGE);
        assertThat(b.keySet()).isEqualTo(a.keySet());
        return a.keySet().stream().filter(k -> !a.get(k).equals(b.get(k))).collect(Collectors.toSet());
    }
}
