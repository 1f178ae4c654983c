package dev.labforge.cluster.plan;

import dev.labforge.topology.Endpoint;
import java.util.List;

/**
 * One link or shared segment as it should be: a broadcast domain its member interfaces attach to. A point-to-point
 * link is the case of two members; a segment (a LAN) has any number, all attached to the same NAD, so the driver's
 * bridge (or the driver's VLAN on the trunk) joins them all.
 *
 * @param nadName   its NetworkAttachmentDefinition's name: stable for the two endpoints a link joins, or for the
 *                  segment's name, so members joining or leaving a segment never rename it
 * @param bridge    the host bridge (bridge driver) or trunk bridge (vlan driver); at most 15 characters
 * @param vlan      the VLAN id (vlan driver), one per link or segment; null for the bridge driver
 * @param mtu       bytes; always set on the NAD
 * @param endpoints the member interfaces
 */
public record LinkPlan(String nadName, String bridge, Integer vlan, int mtu, List<Endpoint> endpoints) {

    public LinkPlan {
        endpoints = List.copyOf(endpoints);
    }

    public LinkPlan(String nadName, String bridge, Integer vlan, int mtu, Endpoint a, Endpoint b) {
        this(nadName, bridge, vlan, mtu, List.of(a, b));
    }
}
