package dev.labforge.cluster.kubevirt;

import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.Macs;
import dev.labforge.cluster.plan.NicPlan;
import dev.labforge.cluster.plan.NodePlan;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * cloud-init NoCloud payloads, written with a YAML library (the startup config is arbitrary text).
 *
 * <p>userdata: a {@code #cloud-config} document whose {@code write_files} puts the startup config at
 * {@value #STARTUP_CONFIG_PATH}; the image's boot scripts load it from there. Without a config it is the bare
 * header: cloud-init reads network-config only when user-data is present.
 *
 * <p>networkdata: netplan v2 {@code ethernets} entries that rename each lab NIC after the user's interface name,
 * matched by its planned MAC (guest PCI order is not reliable, kubevirt#16693). Names Linux cannot carry are
 * left out. With none left, networkdata is empty: KubeVirt then writes no network-config file
 * ({@code GenerateLocalData} in {@code pkg/cloud-init/cloud-init.go}) and cloud-init keeps its fallback DHCP on
 * the first NIC. Otherwise the management NIC (masquerade, its MAC planned too) gets an explicit DHCP entry,
 * since a network-config that names some NICs disables the fallback. Strings are double-quoted: YAML 1.1 parsers (PyYAML in cloud-init) read an unquoted all-digit
 * MAC as a base-60 number.
 */
final class NoCloudData {

    static final String STARTUP_CONFIG_PATH = "/etc/labforge/startup-config";
    private static final String HEADER = "#cloud-config\n";
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .build();

    private NoCloudData() {
    }

    static String userData(NodePlan node) {
        if (node.startupConfig() == null) {
            return HEADER;
        }
        // 0600: startup configs may hold credentials
        Map<String, Object> file = Fields.of("path", STARTUP_CONFIG_PATH, "permissions", "0600",
                "content", node.startupConfig());
        return HEADER + YAML.writeValueAsString(Fields.of("write_files", List.of(file)));
    }

    static String networkData(LabPlan lab, NodePlan node) {
        Map<String, Object> ethernets = Fields.of();
        // pinning the lab NICs turns off cloud-init's fallback DHCP: ask for it on management explicitly
        ethernets.put("mgmt", Fields.of("match", Fields.of("macaddress", Macs.management(lab.labId(), node.name())),
                "dhcp4", true));
        for (NicPlan nic : node.nics()) {
            if (LinuxInterfaceNames.valid(nic.iface())) {
                ethernets.put(nic.iface(), Fields.of("match", Fields.of("macaddress", nic.mac()), "set-name", nic.iface()));
            }
        }
        return ethernets.size() == 1 ? "" : YAML.writeValueAsString(Fields.of("version", 2, "ethernets", ethernets));
    }
}
