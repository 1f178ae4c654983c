package dev.labforge.cluster.kubevirt;

import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.Macs;
import dev.labforge.cluster.plan.NicPlan;
import dev.labforge.cluster.plan.NodePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A router's NICs: {@code domain.devices.interfaces} and {@code networks}, paired 1:1 by name.
 *
 * <p>Management first, lab NICs after it in link order. Guest NIC order is not guaranteed by KubeVirt
 * (kubevirt#16693), which is why every lab NIC carries its planned MAC: guests pin names by it.
 */
final class Interfaces {

    /** Management interface and network: masquerade (NAT behind the pod IP), the only binding allowed on pod. */
    static final String MGMT = "mgmt";

    private Interfaces() {
    }

    static List<Map<String, Object>> interfaces(LabPlan lab, NodePlan node) {
        List<Map<String, Object>> interfaces = new ArrayList<>();
        // same model as the lab NICs: an image without virtio drivers would not see a virtio mgmt NIC either
        interfaces.add(Fields.of("name", MGMT, "masquerade", Fields.empty(), "model", node.nicModel(),
                "macAddress", Macs.management(lab.labId(), node.name())));
        for (NicPlan nic : node.nics()) {
            interfaces.add(Fields.of("name", networkName(nic), "bridge", Fields.empty(), "model", node.nicModel(),
                    "macAddress", nic.mac()));
        }
        return interfaces;
    }

    static List<Map<String, Object>> networks(NodePlan node) {
        List<Map<String, Object>> networks = new ArrayList<>();
        networks.add(Fields.of("name", MGMT, "pod", Fields.empty()));
        for (NicPlan nic : node.nics()) {
            networks.add(Fields.of("name", networkName(nic), "multus", Fields.of("networkName", nic.nadName())));
        }
        return networks;
    }

    private static String networkName(NicPlan nic) {
        if (MGMT.equals(nic.networkName())) {
            throw new IllegalArgumentException("network name " + MGMT + " is reserved for management: " + nic);
        }
        return nic.networkName();
    }
}
