package dev.labforge.cluster.plan;


/**
 * One lab interface of a router VM.
 *
 * @param iface       the interface name the user wrote ({@code eth1}, {@code Ethernet1/1})
 * @param networkName the KubeVirt interface and network name: a DNS label, unique in the VM (the
 *                    planner derives it from {@code iface}; vendor names like Ethernet1/1 are no labels)
 * @param nadName     the NetworkAttachmentDefinition of the link it plugs into
 * @param mac         deterministic, locally administered unicast MAC: the guest pins names by it
 */
public record NicPlan(String iface, String networkName, String nadName, String mac) {
}
