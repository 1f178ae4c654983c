package dev.labforge.topology;

import java.util.List;

final class ImagesAreInCatalog implements TopologyRule {

    @Override
    public String name() {
        return "image-known";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        for (int i = 0; i < topology.nodes().size(); i++) {
            String image = topology.nodes().get(i).image();
            if (image == null || image.isBlank()) {
                out.add(violation(TopologyRule.nodePointer(i, "image"), "an image from the catalog is required"));
            } else if (context.images().find(image).isEmpty()) {
                out.add(violation(TopologyRule.nodePointer(i, "image"),
                        "image '" + image + "' is not in the image catalog (GET /api/v1/images lists it)"));
            }
        }
    }
}
