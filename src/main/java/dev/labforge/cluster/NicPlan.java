package dev.labforge.cluster;

/**
 * One lab interface of a router VM.
 *
 * @param iface   the interface name the user wrote ({@code eth1}, {@code Ethernet1/1}); also its
 *                KubeVirt interface/network name after {@link #networkName()} sanitising
 * @param nadName the NetworkAttachmentDefinition of the link it plugs into
 * @param mac     deterministic, locally administered unicast MAC: the guest pins names by it
 */
public record NicPlan(String iface, String nadName, String mac) {

    /** KubeVirt needs DNS labels for network names; vendor names like Ethernet1/1 are not. */
    public String networkName() {
        String cleaned = iface.toLowerCase().replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
        return cleaned.isEmpty() ? "nic" : cleaned.length() > 63 ? cleaned.substring(0, 63) : cleaned;
    }
}
