package dev.labforge.cluster.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.Macs;
import dev.labforge.cluster.plan.NicPlan;
import dev.labforge.cluster.plan.NodePlan;
import dev.labforge.cluster.TestLabs;
import dev.labforge.image.ConfigDelivery;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VirtualMachinesTest {

    private static final LabPlan RING = TestLabs.vendorRing();
    private static final NodePlan R1 = TestLabs.node(RING, "r1");

    @Test
    void runStrategyFollowsRunning() {
        assertThat(VirtualMachines.runStrategy(true)).isEqualTo("Always");
        assertThat(VirtualMachines.runStrategy(false)).isEqualTo("Halted");
    }

    @Test
    void contextsNameKubevirtResources() {
        assertThat(KubeVirt.VM.getPlural()).isEqualTo("virtualmachines");
        assertThat(KubeVirt.VMI.getPlural()).isEqualTo("virtualmachineinstances");
        assertThat(KubeVirt.VM.getGroup()).isEqualTo("kubevirt.io");
        assertThat(KubeVirt.VMI.getVersion()).isEqualTo("v1");
    }

    @Test
    void identityAndLabels() {
        GenericKubernetesResource vm = VirtualMachines.render(RING, R1);

        assertThat(vm.getApiVersion()).isEqualTo("kubevirt.io/v1");
        assertThat(vm.getKind()).isEqualTo("VirtualMachine");
        assertThat(vm.getMetadata().getName()).isEqualTo("r1");
        assertThat(vm.getMetadata().getNamespace()).isEqualTo("lab-b2e4d1");
        assertThat(vm.getMetadata().getLabels()).isEqualTo(ClusterLabels.router(RING, R1));
        assertThat((Map<String, String>) vm.get("spec", "template", "metadata", "labels"))
                .isEqualTo(ClusterLabels.template(RING, R1));
    }

    @Test
    void thePoolsNodeSelectorGoesToTheTemplateSpecAndNoneWithoutOne() {
        LabPlan pooled = TestLabs.pooled();
        GenericKubernetesResource vm = VirtualMachines.render(pooled, TestLabs.node(pooled, "r1"));

        assertThat((Map<String, String>) vm.get("spec", "template", "spec", "nodeSelector"))
                .containsExactly(Map.entry("kubernetes.io/arch", "amd64"), Map.entry("labforge.dev/pool", "classroom"));
        assertThat((Object) VirtualMachines.render(RING, R1).get("spec", "template", "spec", "nodeSelector")).isNull();
    }

    @Test
    void cpuMemoryAndConsoles() {
        GenericKubernetesResource vm = VirtualMachines.render(RING, R1);

        assertThat((Integer) vm.get("spec", "template", "spec", "domain", "cpu", "cores")).isEqualTo(2);
        assertThat((String) vm.get("spec", "template", "spec", "domain", "memory", "guest")).isEqualTo("4096Mi");
        assertThat((Boolean) vm.get("spec", "template", "spec", "domain", "devices", "autoattachSerialConsole")).isTrue();
        assertThat((Boolean) vm.get("spec", "template", "spec", "domain", "devices", "autoattachGraphicsDevice")).isTrue();
    }

    @Test
    void mgmtComesFirstThenOneBridgedNicPerPlanInOrder() {
        GenericKubernetesResource vm = VirtualMachines.render(RING, R1);
        List<Map<String, Object>> interfaces = vm.get("spec", "template", "spec", "domain", "devices", "interfaces");
        List<Map<String, Object>> networks = vm.get("spec", "template", "spec", "networks");

        assertThat(interfaces.getFirst()).isEqualTo(Map.of("name", "mgmt", "masquerade", Map.of(), "model", "e1000",
                "macAddress", Macs.management(RING.labId(), R1.name())));
        assertThat(networks.getFirst()).isEqualTo(Map.of("name", "mgmt", "pod", Map.of()));
        assertThat(interfaces).hasSize(R1.nics().size() + 1);
        for (int i = 0; i < R1.nics().size(); i++) {
            NicPlan nic = R1.nics().get(i);
            assertThat(interfaces.get(i + 1)).isEqualTo(Map.of("name", nic.networkName(), "bridge", Map.of(),
                    "model", "e1000", "macAddress", nic.mac()));
            assertThat(networks.get(i + 1)).isEqualTo(Map.of("name", nic.networkName(),
                    "multus", Map.of("networkName", nic.nadName())));
        }
    }

    @Test
    void theSelfLinkPlugsTwoNicsOfOneVmIntoOneNad() {
        List<Map<String, Object>> networks = VirtualMachines.render(RING, R1).get("spec", "template", "spec", "networks");
        String selfLink = RING.links().getLast().nadName();

        assertThat(networks).filteredOn(n -> n.get("multus") instanceof Map<?, ?> m && selfLink.equals(m.get("networkName")))
                .extracting(n -> n.get("name")).containsExactly("ethernet3", "ethernet4");
    }

    @ParameterizedTest
    @CsvSource({"NOCLOUD, cloudInitNoCloud", "CONFIG_DRIVE, cloudInitConfigDrive"})
    void cloudInitComesFromTheNodesSecret(ConfigDelivery delivery, String source) {
        NodePlan node = TestLabs.withDelivery(R1, delivery);
        GenericKubernetesResource vm = VirtualMachines.render(RING, node);
        List<Map<String, Object>> disks = vm.get("spec", "template", "spec", "domain", "devices", "disks");
        List<Map<String, Object>> volumes = vm.get("spec", "template", "spec", "volumes");

        assertThat(disks).extracting(d -> d.get("name")).containsExactly("rootdisk", "cloudinitdisk");
        assertThat(volumes.get(1)).isEqualTo(Map.of("name", "cloudinitdisk", source, Map.of(
                "secretRef", Map.of("name", "r1-config"), "networkDataSecretRef", Map.of("name", "r1-config"))));
        assertThat(Serialization.asYaml(vm)).doesNotContain("hostname r1").doesNotContain("userData");
    }

    @Test
    void noCloudInitDiskWhenTheImageTakesNoConfig() {
        GenericKubernetesResource vm = VirtualMachines.render(RING, TestLabs.withDelivery(R1, ConfigDelivery.NONE));
        List<Map<String, Object>> disks = vm.get("spec", "template", "spec", "domain", "devices", "disks");
        List<Map<String, Object>> volumes = vm.get("spec", "template", "spec", "volumes");

        assertThat(disks).extracting(d -> d.get("name")).containsExactly("rootdisk");
        assertThat(volumes).containsExactly(Map.of("name", "rootdisk", "containerDisk",
                Map.of("image", R1.containerDisk(), "imagePullPolicy", "IfNotPresent")));
    }

    @Test
    void readinessProbeOnlyWithAPort() {
        assertThat((Integer) VirtualMachines.render(RING, R1).get("spec", "template", "spec", "readinessProbe", "tcpSocket",
                "port")).isEqualTo(830);
        LabPlan vlan = TestLabs.stoppedVlan();
        assertThat((Object) VirtualMachines.render(vlan, TestLabs.node(vlan, "r3")).get("spec", "template", "spec",
                "readinessProbe")).isNull();
    }

    @Test
    void mgmtIsReserved() {
        NodePlan clash = TestLabs.withNics(R1, List.of(new NicPlan("mgmt", "mgmt", "l-x-000", "02:00:00:00:00:01")));
        assertThatIllegalArgumentException().isThrownBy(() -> VirtualMachines.render(RING, clash));
    }
}
