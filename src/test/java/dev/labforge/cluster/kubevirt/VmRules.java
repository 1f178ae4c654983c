package dev.labforge.cluster.kubevirt;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What KubeVirt's validating webhook checks and no schema expresses (sources: kubevirt/kubevirt
 * {@code pkg/network/admitter/netiface.go}, {@code vmi-create-admitter.go}, {@code types.go}, {@code schema.go};
 * user guide {@code interfaces_and_networks.md}; summarised in docs/kubevirt-multus.md §1.1).
 */
final class VmRules {

    static final List<String> RUN_STRATEGIES = List.of("Always", "Halted", "Manual", "RerunOnFailure", "Once",
            "WaitAsReceiver");
    static final Set<String> MODELS = Set.of("e1000", "e1000e", "igb", "ne2k_pci", "pcnet", "rtl8139", "virtio");
    private static final Set<String> BINDINGS = Set.of("bridge", "masquerade", "sriov", "passtBinding", "binding");
    private static final Pattern INTERFACE_NAME = Pattern.compile("[A-Za-z0-9-_]+");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern MAC = Pattern.compile("([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}");

    private VmRules() {
    }

    static List<String> violations(Object vm) {
        JsonNode root = vm instanceof JsonNode node ? node : Serialization.jsonMapper().valueToTree(vm);
        List<String> out = new ArrayList<>();
        JsonNode spec = root.path("spec");
        runStrategy(spec, out);
        JsonNode template = spec.path("template").path("spec");
        memory(template.path("domain"), out);
        interfacesAndNetworks(template.path("domain").path("devices").path("interfaces"), template.path("networks"), out);
        disksAndVolumes(template.path("domain").path("devices").path("disks"), template.path("volumes"), out);
        return out;
    }

    private static void runStrategy(JsonNode spec, List<String> out) {
        if (spec.has("running") && spec.has("runStrategy")) {
            out.add("spec: running and runStrategy are mutually exclusive");
        }
        if (spec.has("runStrategy") && !RUN_STRATEGIES.contains(spec.get("runStrategy").asString())) {
            out.add("spec.runStrategy: not one of " + RUN_STRATEGIES + ": " + spec.get("runStrategy"));
        }
        if (!spec.has("running") && !spec.has("runStrategy")) {
            out.add("spec: one of running / runStrategy is required");
        }
    }

    private static void memory(JsonNode domain, List<String> out) {
        if (domain.path("memory").path("guest").isMissingNode()
                && domain.path("memory").path("hugepages").path("pageSize").isMissingNode()
                && domain.path("resources").path("requests").path("memory").isMissingNode()) {
            out.add("domain: one of memory.guest, memory.hugepages.pageSize, resources.requests.memory is required");
        }
    }

    private static void interfacesAndNetworks(JsonNode interfaces, JsonNode networks, List<String> out) {
        Set<String> interfaceNames = new HashSet<>();
        Set<String> macs = new HashSet<>();
        Set<String> networkNames = new HashSet<>();
        Set<String> podNetworks = new HashSet<>();
        for (JsonNode network : networks) {
            String name = network.path("name").asString("");
            if (!DNS_LABEL.matcher(name).matches()) {
                out.add("networks: name is not a DNS label: " + name);
            }
            if (!networkNames.add(name)) {
                out.add("networks: duplicate name " + name);
            }
            int sources = (network.has("pod") ? 1 : 0) + (network.has("multus") ? 1 : 0);
            if (sources != 1) {
                out.add("networks[" + name + "]: exactly one of pod / multus expected");
            }
            if (network.has("pod")) {
                podNetworks.add(name);
            }
            if (network.has("multus") && network.path("multus").path("networkName").asString("").isEmpty()) {
                out.add("networks[" + name + "]: multus.networkName is required");
            }
        }
        for (JsonNode iface : interfaces) {
            String name = iface.path("name").asString("");
            if (!INTERFACE_NAME.matcher(name).matches()) {
                out.add("interfaces: invalid name " + name);
            }
            if (!interfaceNames.add(name)) {
                out.add("interfaces: duplicate name " + name);
            }
            if (!networkNames.contains(name)) {
                out.add("interfaces[" + name + "]: no network of the same name");
            }
            long bindings = BINDINGS.stream().filter(iface::has).count();
            if (bindings != 1) {
                out.add("interfaces[" + name + "]: exactly one binding expected, found " + bindings);
            }
            if (iface.has("masquerade") && !podNetworks.contains(name)) {
                out.add("interfaces[" + name + "]: masquerade is only allowed on the pod network");
            }
            if (iface.has("model") && !MODELS.contains(iface.get("model").asString())) {
                out.add("interfaces[" + name + "]: unknown model " + iface.get("model"));
            }
            if (iface.has("macAddress")) {
                mac(name, iface.get("macAddress").asString(), macs, out);
            }
        }
        for (String network : networkNames) {
            if (!interfaceNames.contains(network)) {
                out.add("networks[" + network + "]: no interface of the same name");
            }
        }
    }

    private static void mac(String iface, String mac, Set<String> seen, List<String> out) {
        if (!MAC.matcher(mac).matches()) {
            out.add("interfaces[" + iface + "]: malformed MAC " + mac);
            return;
        }
        if ((Integer.parseInt(mac.substring(0, 2), 16) & 1) != 0) {
            out.add("interfaces[" + iface + "]: multicast MAC " + mac);
        }
        if (!seen.add(mac.toLowerCase().replace('-', ':'))) {
            out.add("interfaces[" + iface + "]: duplicate MAC " + mac);
        }
    }

    private static void disksAndVolumes(JsonNode disks, JsonNode volumes, List<String> out) {
        Set<String> volumeNames = new HashSet<>();
        volumes.forEach(v -> volumeNames.add(v.path("name").asString("")));
        Set<String> diskNames = new HashSet<>();
        for (JsonNode disk : disks) {
            String name = disk.path("name").asString("");
            if (!diskNames.add(name)) {
                out.add("disks: duplicate name " + name);
            }
            if (!volumeNames.contains(name)) {
                out.add("disks[" + name + "]: no volume of the same name");
            }
        }
        long cloudInits = 0;
        for (JsonNode volume : volumes) {
            boolean cloudInit = volume.has("cloudInitNoCloud") || volume.has("cloudInitConfigDrive");
            cloudInits += cloudInit ? 1 : 0;
            if (cloudInit && !diskNames.contains(volume.path("name").asString(""))) {
                out.add("volumes[" + volume.path("name").asString("") + "]: cloud-init volume without a disk");
            }
        }
        if (cloudInits > 1) {
            out.add("volumes: at most one cloud-init volume");
        }
    }
}
