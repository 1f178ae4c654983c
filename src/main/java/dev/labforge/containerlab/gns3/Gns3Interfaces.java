package dev.labforge.containerlab.gns3;

import dev.labforge.containerlab.CatalogImage;
import dev.labforge.containerlab.Warnings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GNS3 node's port names as its catalog image names them. Names the image takes (or takes as an alias) stay, in the
 * image's own form; otherwise every port of the node takes the image's data port of its place: the adapter for
 * nodes whose adapters are network cards (QEMU's adapter 2 is the third card), the order of adapter and port for IOU
 * and Dynamips slots. Said once per node, as {@link dev.labforge.containerlab.cml.CmlImporter} does.
 */
final class Gns3Interfaces {

    private Gns3Interfaces() {
    }

    /**
     * @param own port names by "adapter/port"
     * @return the image's names by "adapter/port"
     */
    static Map<String, String> rename(String node, String pointer, String type, CatalogImage image,
                                      Map<String, String> own, Warnings warnings) {
        boolean accepted = own.values().stream().allMatch(name -> image.interfaces().isDataPort(name)
                || image.interfaces().canonical(name, image.interfaceAliases()).isPresent());
        Map<String, String> out = new LinkedHashMap<>();
        if (accepted) {
            own.forEach((key, name) -> out.put(key, image.interfaces().canonical(name, image.interfaceAliases())
                    .orElse(name)));
            return out;
        }
        List<String> keys = new ArrayList<>(own.keySet());
        keys.sort(Comparator.comparingInt((String k) -> part(k, 0)).thenComparingInt(k -> part(k, 1)));
        List<String> renamed = new ArrayList<>();
        for (int rank = 0; rank < keys.size(); rank++) {
            String key = keys.get(rank);
            int place = Gns3Ports.onePortPerAdapter(type) ? part(key, 0) : rank;
            String name = place < image.interfaces().maxPorts() ? image.interfaces().dataPort(place) : own.get(key);
            out.put(key, name);
            if (renamed.size() < 4) {
                renamed.add(own.get(key) + " -> " + name);
            }
        }
        warnings.add(pointer, "image '" + image.name() + "' names its data ports " + image.interfaces().describe()
                + "; the ports of '" + node + "' are mapped in adapter order (" + String.join(", ", renamed)
                + (own.size() > 4 ? ", ..." : "") + ")");
        return out;
    }

    private static int part(String key, int index) {
        return Integer.parseInt(key.split("/")[index]);
    }
}
