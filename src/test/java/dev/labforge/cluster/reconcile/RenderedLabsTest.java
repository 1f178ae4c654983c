package dev.labforge.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.TestLabs;
import dev.labforge.cluster.kubevirt.ConfigSecrets;
import dev.labforge.cluster.kubevirt.Namespaces;
import dev.labforge.cluster.kubevirt.VirtualMachines;
import dev.labforge.cluster.multus.BridgeLinkDriver;
import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.NodePlan;
import dev.labforge.cluster.plan.SpecHash;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class RenderedLabsTest {

    private static final LabPlan LAB = TestLabs.twoRouters();

    private static RenderedLabs.Render render(LabPlan plan) {
        List<GenericKubernetesResource> nads = plan.links().stream()
                .map(link -> new BridgeLinkDriver().render(plan, link)).toList();
        List<Secret> secrets = plan.nodes().stream().map(node -> ConfigSecrets.render(plan, node))
                .filter(Objects::nonNull).toList();
        List<GenericKubernetesResource> vms = plan.nodes().stream().map(node -> VirtualMachines.render(plan, node))
                .toList();
        return RenderedLabs.Render.of(SpecHash.ofContent(plan), Namespaces.render(plan), nads, secrets, vms);
    }

    @Test
    void aRenderMatchesExactlyTheObjectsItWasMadeOf() {
        RenderedLabs.Render render = render(LAB);
        List<GenericKubernetesResource> vms = new ArrayList<>(LAB.nodes().stream()
                .map(node -> VirtualMachines.render(LAB, node)).toList());

        assertThat(render.matches("vms", vms)).isTrue();
        assertThat(render.matches("vms", vms.subList(1, vms.size()))).as("one missing").isFalse();
        GenericKubernetesResource changed = VirtualMachines.render(LAB, LAB.nodes().getFirst());
        changed.getMetadata().getAnnotations().put(ClusterLabels.SPEC_HASH, "0000000000000000");
        assertThat(render.matches("vms", List.of(changed, vms.get(1)))).as("changed behind its back").isFalse();
        GenericKubernetesResource stranger = VirtualMachines.render(LAB, LAB.nodes().getFirst());
        stranger.getMetadata().setName("r9");
        List<GenericKubernetesResource> extra = new ArrayList<>(vms);
        extra.add(stranger);
        assertThat(render.matches("vms", extra)).as("one too many").isFalse();
        assertThat(render.vmHash(LAB.nodes().getFirst().vmName())).isEqualTo(ClusterLabels.specHash(vms.getFirst()));
        assertThat(render.bootHash(LAB.nodes().getFirst().vmName()))
                .isEqualTo(VirtualMachines.bootHash(vms.getFirst()));
    }

    @Test
    void anotherPlanIsAnotherRender() {
        RenderedLabs labs = new RenderedLabs();
        labs.remember(LAB.labId(), render(LAB));
        NodePlan first = LAB.nodes().getFirst();
        NodePlan reconfigured = new NodePlan(first.name(), first.vmName(), first.containerDisk(), first.nicModel(),
                first.configDelivery(), first.cpu(), first.memoryMib(), "hostname other\n", first.running(),
                first.nics(), first.readinessPort());
        List<NodePlan> nodes = new ArrayList<>(LAB.nodes());
        nodes.set(0, reconfigured);
        LabPlan edited = new LabPlan(LAB.labId(), LAB.labName(), LAB.namespace(), LAB.specVersion(), nodes,
                LAB.links());

        assertThat(labs.current(LAB.labId(), SpecHash.ofContent(LAB))).isNotNull();
        assertThat(labs.current(LAB.labId(), SpecHash.ofContent(edited))).isNull();
        labs.forget(LAB.labId());
        assertThat(labs.current(LAB.labId(), SpecHash.ofContent(LAB))).isNull();
    }
}
