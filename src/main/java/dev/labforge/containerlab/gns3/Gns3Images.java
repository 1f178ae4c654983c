package dev.labforge.containerlab.gns3;

import dev.labforge.containerlab.CatalogImages;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a GNS3 node runs, as the catalog can match it: the image reference the node's type keeps in its properties
 * (a QEMU disk, a Docker image, an IOU binary, a Dynamips IOS image) and the containerlab kind whose catalog images
 * run the same OS, guessed from that reference's well-known file names ({@code vios-adventerprisek9-m...},
 * {@code i86bi-linux-l3-...}) the way {@link dev.labforge.containerlab.cml.CmlImporter} maps node definitions to kinds.
 */
final class Gns3Images {

    /** A node type GNS3 runs as a device of its own, and the property naming its image. */
    record Device(String property, String defaultKind) {
    }

    private record Hint(Pattern pattern, String kind) {
    }

    // order matters: the first pattern that occurs in the reference wins, so specific names come before general ones
    private static final List<Hint> HINTS = List.of(
            hint("vios_?l2|iosvl2", "cisco_vios"), hint("vios|iosv", "cisco_vios"),
            hint("csr1000v", "cisco_csr1000v"), hint("c8000v|cat8000v", "cisco_c8000v"),
            hint("cat9kv|cat9000v", "cisco_cat9kv"), hint("xrv9k|xrv9000", "cisco_xrv9k"), hint("xrv", "cisco_xrv"),
            hint("nxosv|nexus9|n9kv|nxos", "cisco_n9kv"), hint("i86bi|iol", "cisco_iol"), hint("asav", "cisco_asav"),
            hint("ftdv", "cisco_ftdv"), hint("ceos", "arista_ceos"), hint("veos", "arista_veos"),
            hint("vmx", "juniper_vmx"), hint("vsrx", "juniper_vsrx"), hint("vqfx", "juniper_vqfx"),
            hint("srlinux", "nokia_srlinux"), hint("sros|vsr-i", "nokia_sros"),
            hint("chr-|routeros|mikrotik", "mikrotik_ros"), hint("vyos", "vyosnetworks_vyos"),
            hint("cumulus", "nvidia_cumulusvx"), hint("fortigate|fortios", "fortinet_fortigate"),
            hint("openwrt", "openwrt"), hint("frr|ubuntu|debian|alpine|centos|fedora|linux|microcore|tinycore|toolbox"
                    + "|webterm", "linux"));

    private Gns3Images() {
    }

    private static Hint hint(String regex, String kind) {
        return new Hint(Pattern.compile(regex), kind);
    }

    /**
     * The device a node type stands for; empty for the types that are no device of their own (switches, hubs,
     * clouds) or that LabForge cannot run.
     */
    static Optional<Device> device(String nodeType) {
        return Optional.ofNullable(switch (nodeType) {
            case "qemu" -> new Device("hda_disk_image", null);
            case "docker" -> new Device("image", "linux");
            case "iou" -> new Device("path", "cisco_iol");
            // Dynamips emulates classic IOS routers; IOSv is the IOS that runs as a VM
            case "dynamips" -> new Device("image", "cisco_vios");
            case "virtualbox" -> new Device("vmname", null);
            case "vmware" -> new Device("vmx_path", null);
            // a VPCS is a minimal simulated PC; a Linux host is its counterpart
            case "vpcs" -> new Device("", "linux");
            default -> null;
        });
    }

    /**
     * The catalog image a node of a type runs, given the image reference the file wrote for it: by the reference's
     * file name, then the kind that name (or the type) suggests, then a catalog image named like the whole reference.
     */
    static CatalogImages.Choice pick(CatalogImages images, Device device, String written) {
        String file = written == null ? null : fileName(written);
        CatalogImages.Choice choice = images.choose(file, kind(file, device));
        if (choice.match() == CatalogImages.Match.NONE && written != null && images.named(written).isPresent()) {
            return new CatalogImages.Choice(written, CatalogImages.Match.NAME);
        }
        return choice;
    }

    /** The kind a reference's file name suggests, else the type's own; null when neither says. */
    static String kind(String reference, Device device) {
        // a VMware machine's file ends in .vmx, which would read as Juniper's vMX
        String name = reference == null ? "" : fileName(reference).toLowerCase(Locale.ROOT).replaceFirst("\\.vmx$", "");
        return HINTS.stream().filter(h -> h.pattern().matcher(name).find()).map(Hint::kind).findFirst()
                .orElse(device.defaultKind());
    }

    /** The last part of a path, which is what catalog entries are named after ({@code images/x.qcow2} -> x.qcow2). */
    static String fileName(String reference) {
        String cut = reference.substring(Math.max(reference.lastIndexOf('/'), reference.lastIndexOf('\\')) + 1);
        return cut.isEmpty() ? reference : cut;
    }
}
