package dev.labforge.containerlab.gns3;

import dev.labforge.containerlab.Warnings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GNS3 node types whose software LabForge does not run and whose nodes run a catalog image in its place: Dynamips
 * emulates the hardware of classic IOS routers (a 7200, a 3600), which the catalog's IOSv stands in for; a VPCS is
 * GNS3's own minimal PC, which a Linux host stands in for. Said once per type and catalog image, at the first such
 * node, as the node types left out are, so that nothing is swapped silently.
 */
final class Gns3Substitutes {

    private static final Map<String, String> WHAT = Map.of(
            "dynamips", "Dynamips router(s) emulate classic IOS hardware, which LabForge does not run",
            "vpcs", "VPCS node(s) are GNS3's own simulated PC, which LabForge does not run");

    private record Group(String pointer, List<String> nodes, List<String> references) {
    }

    private final Map<String, Group> groups = new LinkedHashMap<>(); // node type + "\0" + catalog image

    /** A node of a type LabForge stands in for runs catalog image {@code image}; other types are not recorded. */
    void add(String type, String node, String pointer, String reference, String image) {
        if (!WHAT.containsKey(type)) {
            return;
        }
        Group group = groups.computeIfAbsent(type + "\0" + image,
                key -> new Group(pointer, new ArrayList<>(), new ArrayList<>()));
        group.nodes().add(node);
        if (reference != null && !group.references().contains(reference)) {
            group.references().add(reference);
        }
    }

    void warn(Warnings warnings) {
        groups.forEach((key, group) -> {
            String type = key.substring(0, key.indexOf('\0'));
            String image = key.substring(key.indexOf('\0') + 1);
            warnings.add(group.pointer(), group.nodes().size() + " " + WHAT.get(type) + " (" + few(group.nodes())
                    + (group.references().isEmpty() ? "" : "; image " + few(group.references())) + "); they run"
                    + " catalog image '" + image + "' instead, with its port names, and a GNS3 export writes them as"
                    + (type.equals("vpcs") ? " VPCS nodes again" : " QEMU nodes of that image"));
        });
    }

    private static String few(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(4, names.size()))) + (names.size() > 4 ? ", ..." : "");
    }
}
