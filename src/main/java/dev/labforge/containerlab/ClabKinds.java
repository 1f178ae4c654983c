package dev.labforge.containerlab;

import java.util.Map;

/**
 * Containerlab accepts older names for many kinds ({@code srl}, {@code ceos}, {@code vr-sros}); files in the wild
 * use both, so catalog matching compares canonical names. The table follows the kind names each containerlab node
 * package registers.
 */
public final class ClabKinds {

    /**
     * The kinds containerlab's topology schema allows: the enum of definitions.node-config.properties.kind in
     * schemas/clab.schema.json of github.com/srl-labs/containerlab at commit 39ff2b7ccce20f3c4610fcbd1fc030582f4499c1
     * (src/test/resources/containerlab/clab.schema.json; ClabKindsTest keeps the two equal).
     */
    static final java.util.Set<String> SCHEMA_KINDS = java.util.Set.of(
            "nokia_srlinux", "arista_ceos", "juniper_crpd", "juniper_csrx", "sonic-vs", "sonic-vm", "nokia_sros",
            "nokia_srsim", "juniper_vmx", "juniper_vqfx", "juniper_vsrx", "juniper_vjunosrouter",
            "juniper_vjunosswitch", "juniper_vjunosevolved", "cisco_xrv", "cisco_xrv9k", "arista_veos",
            "cisco_csr1000v", "paloalto_panos", "mikrotik_ros", "6wind_vsr", "cisco_n9kv", "cisco_ftdv",
            "dell_ftosv", "dell_sonic", "aruba_aoscx", "linux", "bridge", "ovs-bridge", "border0", "host",
            "keysight_ixia-c-one", "ipinfusion_ocnos", "checkpoint_cloudguard", "ciena_saos", "ext-container",
            "rare", "cisco_xrd", "cisco_xrd_vrouter", "cisco_c8000", "cisco_c8000v", "cisco_cat9kv", "cisco_iol",
            "cisco_asav", "cisco_vios", "nvidia_cumulusvx", "huawei_vrp", "openbsd", "freebsd", "generic_vm",
            "fortinet_fortigate", "k8s-kind", "fdio_vpp", "vyosnetworks_vyos", "juniper_cjunosevolved",
            "arrcus_arcos", "f5_bigip-ve", "cisco_sdwan", "openwrt", "spirent_stc", "veesix_osvbng", "ostinato",
            "plvision_sonic");

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("srl", "nokia_srlinux"),
            Map.entry("ceos", "arista_ceos"),
            Map.entry("crpd", "juniper_crpd"),
            Map.entry("xrd", "cisco_xrd"),
            Map.entry("c8000", "cisco_c8000"),
            Map.entry("cvx", "cumulus_cvx"),
            Map.entry("cjunosevolved", "juniper_cjunosevolved"),
            Map.entry("vr-sros", "nokia_sros"), Map.entry("vr-nokia_sros", "nokia_sros"),
            Map.entry("vr-vmx", "juniper_vmx"), Map.entry("vr-juniper_vmx", "juniper_vmx"),
            Map.entry("vr-vqfx", "juniper_vqfx"), Map.entry("vr-juniper_vqfx", "juniper_vqfx"),
            Map.entry("vr-vsrx", "juniper_vsrx"), Map.entry("vr-juniper_vsrx", "juniper_vsrx"),
            Map.entry("vr-xrv", "cisco_xrv"), Map.entry("vr-cisco_xrv", "cisco_xrv"),
            Map.entry("vr-xrv9k", "cisco_xrv9k"), Map.entry("vr-cisco_xrv9k", "cisco_xrv9k"),
            Map.entry("vr-csr", "cisco_csr1000v"), Map.entry("vr-cisco_csr1000v", "cisco_csr1000v"),
            Map.entry("vr-n9kv", "cisco_n9kv"), Map.entry("vr-cisco_n9kv", "cisco_n9kv"),
            Map.entry("vr-veos", "arista_veos"), Map.entry("vr-arista_veos", "arista_veos"),
            Map.entry("vr-ros", "mikrotik_ros"), Map.entry("vr-mikrotik_ros", "mikrotik_ros"),
            Map.entry("vr-pan", "paloalto_panos"), Map.entry("vr-paloalto_panos", "paloalto_panos"),
            Map.entry("vr-ftosv", "dell_ftosv"), Map.entry("vr-dell_ftosv", "dell_ftosv"),
            Map.entry("vr-aoscx", "aruba_aoscx"), Map.entry("vr-aruba_aoscx", "aruba_aoscx"),
            Map.entry("vr-ciena_saos", "ciena_saos"));

    private ClabKinds() {
    }

    /** Whether containerlab runs the kind: a schema kind, or an older name of one ({@code srl}, {@code vr-sros}). */
    public static boolean isKnown(String kind) {
        return kind != null && SCHEMA_KINDS.contains(canonical(kind));
    }

    public static String canonical(String kind) {
        return kind == null ? null : ALIASES.getOrDefault(kind, kind);
    }
}
