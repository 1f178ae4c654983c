package dev.labforge.cluster;

import dev.labforge.topology.Endpoint;

/**
 * One point-to-point link as it should be.
 *
 * @param nadName its NetworkAttachmentDefinition's name, stable for the two endpoints it joins
 * @param bridge  the host bridge (bridge driver) or trunk bridge (vlan driver); at most 15 characters
 * @param vlan    the VLAN id (vlan driver); null for the bridge driver
 * @param mtu     bytes; always set on the NAD
 */
public record LinkPlan(String nadName, String bridge, Integer vlan, int mtu, Endpoint a, Endpoint b) {
}
