package dev.labforge.topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every node names a catalog image. Reported once per missing image, at the first node that names it, with the
 * others listed: a file of twenty SR Linux nodes against an empty catalog lacks one image, not twenty.
 */
final class ImagesAreInCatalog implements TopologyRule {

    @Override
    public String name() {
        return "image-known";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        Map<String, List<Integer>> missing = new LinkedHashMap<>(); // image ("" for none) to the nodes naming it
        for (int i = 0; i < topology.nodes().size(); i++) {
            String image = topology.nodes().get(i).image();
            String key = image == null || image.isBlank() ? "" : image;
            if (key.isEmpty() || context.images().find(image).isEmpty()) {
                missing.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
        missing.forEach((image, nodes) -> {
            String message = image.isEmpty() ? "an image from the catalog is required"
                    : "image '" + image + "' is not in the image catalog (GET /api/v1/images lists it)";
            out.add(violation(TopologyRule.nodePointer(nodes.getFirst(), "image"), message + others(topology, nodes)));
        });
    }

    private static String others(Topology topology, List<Integer> nodes) {
        if (nodes.size() == 1) {
            return "";
        }
        List<String> names = nodes.subList(1, nodes.size()).stream()
                .map(i -> topology.nodes().get(i).shownName()).toList();
        return "; so do " + (names.size() <= 5 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more");
    }
}
