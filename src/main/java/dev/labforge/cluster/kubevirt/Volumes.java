package dev.labforge.cluster.kubevirt;

import dev.labforge.cluster.plan.NodePlan;
import dev.labforge.image.ConfigDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A router's disks and the volumes behind them: the containerDisk root disk, and the cloud-init disk when
 * the image takes a startup config.
 *
 * <p>Cloud-init data always comes from the node's Secret, never inline: VM objects are readable by anyone
 * who may list VMs, and startup configs may hold credentials.
 */
final class Volumes {

    static final String ROOT_DISK = "rootdisk";
    static final String CLOUD_INIT_DISK = "cloudinitdisk";

    private Volumes() {
    }

    static List<Map<String, Object>> disks(NodePlan node) {
        List<Map<String, Object>> disks = new ArrayList<>();
        disks.add(Fields.of("name", ROOT_DISK, "disk", Fields.of("bus", "virtio")));
        if (node.configDelivery() != ConfigDelivery.NONE) {
            disks.add(Fields.of("name", CLOUD_INIT_DISK, "disk", Fields.of("bus", "virtio")));
        }
        return disks;
    }

    static List<Map<String, Object>> volumes(NodePlan node) {
        List<Map<String, Object>> volumes = new ArrayList<>();
        // containerDisks are ephemeral: each boot starts from the image and re-reads the startup config
        volumes.add(Fields.of("name", ROOT_DISK,
                "containerDisk", Fields.of("image", node.containerDisk(), "imagePullPolicy", "IfNotPresent")));
        String source = switch (node.configDelivery()) {
            case NOCLOUD -> "cloudInitNoCloud";
            case CONFIG_DRIVE -> "cloudInitConfigDrive";
            case NONE -> null;
        };
        if (source != null) {
            Map<String, Object> secret = Fields.of("name", ConfigSecrets.name(node));
            volumes.add(Fields.of("name", CLOUD_INIT_DISK,
                    source, Fields.of("secretRef", secret, "networkDataSecretRef", Fields.of("name", secret.get("name")))));
        }
        return volumes;
    }
}
