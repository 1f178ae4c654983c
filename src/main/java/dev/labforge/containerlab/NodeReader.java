package dev.labforge.containerlab;

import dev.labforge.containerlab.yaml.Located;
import dev.labforge.topology.Node;
import dev.labforge.topology.NodeOrigin;
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
    private final KindNotes kinds;

    NodeReader(Inheritance inheritance, CatalogImages catalog, Warnings warnings, PointerMap.Builder pointers,
               KindNotes kinds) {
        this.kinds = kinds;
        this.inheritance = inheritance;
        this.catalog = catalog;
        this.warnings = warnings;
        this.pointers = pointers;
    }

    /** @param displayName the file's name when the model's differs from it; else null */
    Node read(int index, String name, String displayName, Located block) {
        String model = "/nodes/" + index;
        pointers.put(model, block.pointer()).put(model + "/name", block.pointer());
        NodeConfig own = NodeConfig.read(block, warnings);
        List<NodeConfig> layers = inheritance.layers(own);

        String image = image(model, displayName != null ? displayName : name, block, own, layers);
        NodeOrigin origin = origin(image, inheritance.kindOf(own).map(Sourced::value).orElse(null),
                Inheritance.first(layers, NodeConfig::image).map(Sourced::value).orElse(null));
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
        return new Node(name, image, cpu, memory, startupConfig, labels, position, displayName, origin);
    }

    private String image(String model, String name, Located block, NodeConfig own, List<NodeConfig> layers) {
        Optional<Sourced<String>> image = Inheritance.first(layers, NodeConfig::image);
        Optional<Sourced<String>> kind = inheritance.kindOf(own);
        CatalogImages.Choice choice = catalog.choose(image.map(Sourced::value).orElse(null),
                kind.map(Sourced::value).orElse(null));
        // an image the catalog lacks is the user's to fix, at the image field, or at the kind if no image was given
        String source = image.or(() -> kind).map(Sourced::pointer).orElse(block.pointer());
        pointers.put(model + "/image", source);
        if (choice.match() == CatalogImages.Match.KIND && image.isPresent()) {
            kinds.substituted(kind.get().value(), name, image.get().value(), choice.image(), image.get().pointer());
        }
        return choice.image();
    }

    /**
     * What the file said the node runs, as far as an export from the catalog would not say it again: a node that
     * names the catalog's disk and kind keeps no origin, so labs made in LabForge read back unchanged. The kind under
     * its current name: containerlab runs both, and its schema knows only the current one.
     */
    private NodeOrigin origin(String catalogImage, String kind, String image) {
        Optional<CatalogImage> entry = catalog.named(catalogImage);
        String canonical = ClabKinds.canonical(kind);
        String ownKind = canonical == null || canonical.equals(entry.map(CatalogImage::exportKind).orElse(null))
                ? null : canonical;
        String ownImage = image == null || image.equals(entry.map(CatalogImage::exportImage).orElse(null))
                ? null : image;
        return ownKind == null && ownImage == null ? null : new NodeOrigin(ownKind, ownImage);
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
