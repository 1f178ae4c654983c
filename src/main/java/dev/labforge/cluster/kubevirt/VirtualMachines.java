package dev.labforge.cluster.kubevirt;

import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.NodePlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.Map;

/** One router's KubeVirt VirtualMachine, as it should be. */
public final class VirtualMachines {

    /**
     * KubeVirt's default is 180 s; router images often ignore ACPI shutdown, so stopping a lab would hang
     * that long per VM. Their running config is ephemeral anyway (containerDisk).
     */
    static final int TERMINATION_GRACE_SECONDS = 30;

    private VirtualMachines() {
    }

    public static GenericKubernetesResource render(LabPlan lab, NodePlan node) {
        GenericKubernetesResource vm = new GenericKubernetesResourceBuilder()
                .withApiVersion(KubeVirt.API_VERSION)
                .withKind(KubeVirt.VM.getKind())
                .withNewMetadata()
                .withName(node.vmName())
                .withNamespace(lab.namespace())
                .withLabels(ClusterLabels.router(lab, node))
                .endMetadata()
                .build();
        Map<String, Object> templateSpec = templateSpec(lab, node);
        String bootHash = ClusterLabels.bootHash(templateSpec, ConfigSecrets.data(lab, node));
        vm.setAdditionalProperty("spec", Fields.of(
                "runStrategy", runStrategy(node.running()),
                "template", Fields.of(
                        "metadata", Fields.of(
                                "labels", ClusterLabels.template(lab, node),
                                "annotations", Map.of(ClusterLabels.BOOT_HASH, bootHash)),
                        "spec", templateSpec)));
        return ClusterLabels.withSpecHash(vm);
    }

    /** The boot hash a VM was rendered with (its template's annotation); null if it has none. */
    public static String bootHash(GenericKubernetesResource vm) {
        Map<String, String> annotations = vm.get("spec", "template", "metadata", "annotations");
        return annotations == null ? null : annotations.get(ClusterLabels.BOOT_HASH);
    }

    /** {@code Always} or {@code Halted}; start/stop merge-patches just this field. */
    public static String runStrategy(boolean running) {
        return running ? KubeVirt.ALWAYS : KubeVirt.HALTED;
    }

    private static Map<String, Object> templateSpec(LabPlan lab, NodePlan node) {
        return Fields.of(
                "domain", Fields.of(
                        "cpu", Fields.of("cores", node.cpu()),
                        "memory", Fields.of("guest", node.memoryMib() + "Mi"),
                        "devices", Fields.of(
                                // /console and /vnc need these devices
                                "autoattachSerialConsole", true,
                                "autoattachGraphicsDevice", true,
                                "disks", Volumes.disks(node),
                                "interfaces", Interfaces.interfaces(lab, node))),
                "networks", Interfaces.networks(node),
                // the capacity pool's nodes: the scheduler places the virt-launcher pod only there
                "nodeSelector", lab.nodeSelector().isEmpty() ? null : new java.util.TreeMap<>(lab.nodeSelector()),
                "readinessProbe", readinessProbe(node),
                "terminationGracePeriodSeconds", TERMINATION_GRACE_SECONDS,
                "volumes", Volumes.volumes(node));
    }

    /** Ready = the VMI runs and the router answers on its port (reached through the masquerade NAT). */
    private static Map<String, Object> readinessProbe(NodePlan node) {
        return node.readinessPort() == null ? null
                : Fields.of("tcpSocket", Fields.of("port", node.readinessPort()), "periodSeconds", 10);
    }
}
