package dev.labforge.cluster.multus;

import dev.labforge.cluster.plan.LinkPlan;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * CNI bridge-plugin configs, built as JSON trees (never by concatenation) and checked against the kernel's
 * and 802.1Q's limits before they reach a node, where failures surface as unhelpful CNI errors.
 */
final class CniConfig {

    static final String CNI_VERSION = "0.3.1";
    /** IFNAMSIZ is 16 with the NUL; longer names fail with "numerical result out of range". */
    private static final Pattern BRIDGE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,15}");
    private static final int MIN_VLAN = 1;
    private static final int MAX_VLAN = 4094;
    /** IPv4's minimum link MTU; 65535 is the largest the kernel accepts on a bridge. */
    private static final int MIN_MTU = 68;
    private static final int MAX_MTU = 65535;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CniConfig() {
    }

    static ObjectNode bridge(LinkPlan link) {
        ObjectNode config = base(link);
        finish(config, link);
        return config;
    }

    static ObjectNode vlan(LinkPlan link) {
        Integer vlan = link.vlan();
        if (vlan == null || vlan < MIN_VLAN || vlan > MAX_VLAN) {
            throw new IllegalArgumentException("link " + link.nadName() + ": VLAN must be 1..4094, was " + vlan);
        }
        ObjectNode config = base(link);
        config.put("vlan", vlan);
        finish(config, link);
        return config;
    }

    static String write(ObjectNode config) {
        return JSON.writeValueAsString(config);
    }

    private static ObjectNode base(LinkPlan link) {
        String bridge = link.bridge();
        if (bridge == null || !BRIDGE_NAME.matcher(bridge).matches()) {
            throw new IllegalArgumentException("link " + link.nadName()
                    + ": bridge name must be 1-15 characters of [a-zA-Z0-9_-], was " + bridge);
        }
        ObjectNode config = JSON.createObjectNode();
        config.put("cniVersion", CNI_VERSION);
        config.put("name", link.nadName());   // Multus matches the CNI name to the NAD
        config.put("type", "bridge");
        config.put("bridge", bridge);
        return config;
    }

    private static void finish(ObjectNode config, LinkPlan link) {
        if (link.mtu() < MIN_MTU || link.mtu() > MAX_MTU) {
            throw new IllegalArgumentException("link " + link.nadName() + ": MTU must be 68..65535, was " + link.mtu());
        }
        config.put("mtu", link.mtu());   // explicit on both ends: no other layer guarantees they agree
        config.putObject("ipam");        // required by the plugin; empty = L2 only, the routers own addressing
        config.put("macspoofchk", false); // routers may source virtual MACs (VRRP, HSRP)
    }
}
