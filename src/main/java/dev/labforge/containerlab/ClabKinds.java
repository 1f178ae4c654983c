package dev.labforge.containerlab;

import java.util.Map;

/**
 * Containerlab accepts older names for many kinds ({@code srl}, {@code ceos}, {@code vr-sros}); files in the wild
 * use both, so catalog matching compares canonical names. The table follows the kind names each containerlab node
 * package registers.
 */
final class ClabKinds {

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

    static String canonical(String kind) {
        return kind == null ? null : ALIASES.getOrDefault(kind, kind);
    }
}
