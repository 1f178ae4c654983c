package dev.labforge.containerlab;

import dev.labforge.topology.Node;
import dev.labforge.topology.Position;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Builds one LabForge node from its containerlab block and what it inherits, recording where each value came from. */
final class NodeReader {

    /** containerlab's graph tools keep a node's diagram position in these two labels. */
    static final String POS_X = "graph-posX";
    static final String POS_Y = "graph-posY";

    private static final Pattern COORDINATE = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private final Inheritance inheritance;
    private final CatalogImages catalog;
    private final Warnings warnings;
    private final PointerMap.Builder pointers;

    NodeReader(Inheritance inheritance, CatalogImages catalog, Warnings warnings, PointerMap.Builder pointers) {
        this.inheritance = inheritance;
        this.catalog = catalog;
        this.warnings = warnings;
        this.pointers = pointers;
    }

    Node read(int index, String name, Located block) {
        String model = "/nodes/" + index;
        pointers.put(model, block.pointer()).put(model + "/name", block.pointer());
        NodeConfig own = NodeConfig.read(block, warnings);
        List<NodeConfig> layers = inheritance.layers(own);

        String image = image(model, block, own, layers);
        Integer cpu = value(Inheritance.first(layers, NodeConfig::cpu), model + "/cpu");
        Integer memory = value(Inheritance.first(layers, NodeConfig::memoryMib), model + "/memoryMib");
        String startupConfig = value(Inheritance.first(layers, NodeConfig::startupConfig), model + "/startupConfig");

        Map<String, Sourced<String>> sourcedLabels = Inheritance.labels(layers);
        Position position = position(sourcedLabels, model);
        Map<String, String> labels = new LinkedHashMap<>();
        sourcedLabels.forEach((key, label) -> {
            labels.put(key, label.value());
            pointers.put(PointerMap.append(model + "/labels", key), label.pointer());
        });
        if (!own.labels().isEmpty()) { // otherwise the node itself is the closest place that exists
            pointers.put(model + "/labels", PointerMap.append(block.pointer(), "labels"));
        }
        return new Node(name, image, cpu, memory, startupConfig, labels, position);
    }

    private String image(String model, Located block, NodeConfig own, List<NodeConfig> layers) {
        Optional<Sourced<String>> image = Inheritance.first(layers, NodeConfig::image);
        Optional<Sourced<String>> kind = inheritance.kindOf(own);
        CatalogImages.Choice choice = catalog.choose(image.map(Sourced::value).orElse(null),
                kind.map(Sourced::value).orElse(null));
        // an image the catalog lacks is the user's to fix, at the image field, or at the kind if no image was given
        String source = image.or(() -> kind).map(Sourced::pointer).orElse(block.pointer());
        pointers.put(model + "/image", source);
        if (choice.match() == CatalogImages.Match.KIND && image.isPresent()) {
            warnings.add(image.get().pointer(), "image '" + image.get().value() + "' is not in the image catalog;"
                    + " using catalog image '" + choice.image() + "' for kind " + kind.get().value());
        }
        return choice.image();
    }

    private <T> T value(Optional<Sourced<T>> sourced, String model) {
        sourced.ifPresent(found -> pointers.put(model, found.pointer()));
        return sourced.map(Sourced::value).orElse(null);
    }

    /** Both labels present and numeric: they become the position and stop being labels. */
    private Position position(Map<String, Sourced<String>> labels, String model) {
        Sourced<String> x = labels.get(POS_X);
        Sourced<String> y = labels.get(POS_Y);
        if (x == null && y == null) {
            return null;
        }
        Double px = coordinate(x);
        Double py = coordinate(y);
        if (px == null || py == null) {
            warnings.add((x != null ? x : y).pointer(), POS_X + " and " + POS_Y
                    + " place a node on the diagram only when both are numbers; kept as labels");
            return null;
        }
        labels.remove(POS_X);
        labels.remove(POS_Y);
        pointers.put(model + "/position", x.pointer());
        return new Position(px, py);
    }

    private static Double coordinate(Sourced<String> label) {
        if (label == null || !COORDINATE.matcher(label.value()).matches()) {
            return null;
        }
        double value = Double.parseDouble(label.value());
        return Double.isFinite(value) ? value : null;
    }
}
