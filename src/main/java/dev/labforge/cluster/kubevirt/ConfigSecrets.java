package dev.labforge.cluster.kubevirt;

import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.NodePlan;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One router's cloud-init Secret, referenced by the VM's {@code secretRef} and {@code networkDataSecretRef}.
 *
 * <p>Key names: KubeVirt reads {@code userdata} (or {@code userData}) and {@code networkdata} (or
 * {@code networkData}) from the mounted Secret: {@code resolveNoCloudSecrets} / {@code resolveConfigDriveSecrets}
 * in kubevirt/kubevirt {@code pkg/cloud-init/cloud-init.go}; the user guide's startup-scripts page names
 * {@code userdata}. Written as {@code stringData} so golden files stay readable; the API server folds it into
 * {@code data}, and the reconciler compares spec hashes, not contents.
 */
public final class ConfigSecrets {

    public static final String USER_DATA = "userdata";
    public static final String NETWORK_DATA = "networkdata";

    private ConfigSecrets() {
    }

    /** The Secret, or null when the image takes no startup config ({@code ConfigDelivery.NONE}). */
    public static Secret render(LabPlan lab, NodePlan node) {
        Map<String, String> data = data(lab, node);
        return data == null ? null : secret(lab, node, data);
    }

    /** What the Secret holds ({@code userdata}, {@code networkdata}), or null when the image takes no config. */
    public static Map<String, String> data(LabPlan lab, NodePlan node) {
        return switch (node.configDelivery()) {
            case NONE -> null;
            case NOCLOUD -> data(NoCloudData.userData(node), NoCloudData.networkData(lab, node));
            case CONFIG_DRIVE -> data(ConfigDriveData.userData(node), ConfigDriveData.networkData(node));
        };
    }

    /** {@code <vmName>-config}. */
    public static String name(NodePlan node) {
        return node.vmName() + "-config";
    }

    private static Map<String, String> data(String userData, String networkData) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(USER_DATA, userData);
        data.put(NETWORK_DATA, networkData);
        return data;
    }

    private static Secret secret(LabPlan lab, NodePlan node, Map<String, String> data) {
        Secret secret = new SecretBuilder()
                .withNewMetadata()
                .withName(name(node))
                .withNamespace(lab.namespace())
                .withLabels(ClusterLabels.config(lab, node))
                .endMetadata()
                .withType("Opaque")
                .withStringData(data)
                .build();
        return ClusterLabels.withSpecHash(secret);
    }
}
