package dev.labforge.cluster.kubevirt;

import dev.labforge.cluster.plan.NicPlan;
import dev.labforge.cluster.plan.NodePlan;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenStack ConfigDrive payloads. Network OSes that read a config drive take {@code user_data} as their startup
 * config verbatim; {@code network_data.json} lists each lab NIC as a physical link (id = the user's interface
 * name, the planned MAC) so the guest can map ports by MAC. No networks or services: lab links are L2 only.
 */
final class ConfigDriveData {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigDriveData() {
    }

    static String userData(NodePlan node) {
        return node.startupConfig() == null ? "" : node.startupConfig();
    }

    static String networkData(NodePlan node) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode links = root.putArray("links");
        for (NicPlan nic : node.nics()) {
            links.addObject()
                    .put("id", nic.iface())
                    .put("type", "phy")
                    .put("ethernet_mac_address", nic.mac());
        }
        root.putArray("networks");
        root.putArray("services");
        return JSON.writeValueAsString(root);
    }
}
