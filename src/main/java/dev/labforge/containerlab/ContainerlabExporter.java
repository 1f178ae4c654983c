package dev.labforge.containerlab;

import dev.labforge.containerlab.yaml.BlockScalar;
import dev.labforge.containerlab.yaml.YamlWriter;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.NodeOrigin;
import dev.labforge.topology.Position;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Writes a topology as a containerlab file that containerlab's JSON schema accepts and that
 * {@link ContainerlabImporter} reads back to the same topology.
 *
 * <p>Nodes name the catalog image's disk and kind, since that is what containerlab can run. Startup configs go out
 * as literal blocks, one-line ones included (a one-line plain scalar would read back as a file path), whose chomping
 * indicator keeps trailing newlines exact; text a literal block cannot carry (carriage returns, control characters)
 * falls back to a quoted scalar, which the importer also reads as configuration.
 */
public final class ContainerlabExporter {

    // kind for nodes whose image the catalog does not know: containerlab's plain container kind
    private static final String FALLBACK_KIND = "linux";
    // containerlab's kind for a Linux bridge on the host, which the links to it join into one LAN
    private static final String SEGMENT_KIND = "bridge";

    /**
     * @throws IllegalArgumentException if node names are missing or repeat: a containerlab file keys nodes by
     *                                  name, so such a topology (which the validator rejects) has no faithful export
     */
    public String write(String labName, Topology topology, ImageCatalogView catalog) {
        Objects.requireNonNull(labName, "labName");
        Objects.requireNonNull(topology, "topology");
        CatalogImages images = new CatalogImages(catalog);
        Map<String, Object> nodes = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("nodes", nodes));
        Set<String> names = new HashSet<>();
        Map<String, String> shown = new HashMap<>(); // model name to the name the file shows
        UnaryOperator<Endpoint> rename = end -> new Endpoint(shown.getOrDefault(end.node(), end.node()), end.iface());
        for (Node node : topology.nodes()) {
            if (node.name() == null || !names.add(node.shownName())) {
                throw new IllegalArgumentException("node names must be present and unique: " + node.shownName());
            }
            nodes.put(node.shownName(), node(node, images.named(node.image())));
            shown.put(node.name(), node.shownName());
        }
        List<Map<String, Object>> links = new ArrayList<>(topology.links().stream()
                .map(link -> link(new Link(rename.apply(link.a()), rename.apply(link.b()), link.mtu()))).toList());
        for (Segment segment : topology.segments()) {
            // a LAN is containerlab's bridge node with a veth to each member; the bridge's port names are its own
            if (segment.name() == null || !names.add(segment.shownName())) {
                throw new IllegalArgumentException("segment names must be present and unique among nodes and"
                        + " segments: " + segment.shownName());
            }
            nodes.put(segment.shownName(), new LinkedHashMap<>(Map.of("kind", SEGMENT_KIND)));
            for (int port = 0; port < segment.endpoints().size(); port++) {
                Endpoint bridgePort = new Endpoint(segment.shownName(), "eth" + (port + 1));
                links.add(link(new Link(rename.apply(segment.endpoints().get(port)), bridgePort, segment.mtu())));
            }
        }
        if (!links.isEmpty()) { // the schema wants at least one link when the list is there
            body.put("links", links);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", labName);
        root.put("topology", body);
        return YamlWriter.write(root);
    }

    private static Map<String, Object> node(Node node, Optional<CatalogImage> entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<NodeOrigin> origin = Optional.ofNullable(node.origin()).filter(NodeOrigin::fromContainerlab);
        // an imported node goes out as it came in (a container image containerlab runs); others name the catalog's
        // kind and disk. Canonical, because the schema only knows current kind names ("nokia_srlinux", not "srl")
        out.put("kind", origin.map(NodeOrigin::kind).filter(kind -> !kind.isBlank())
                .map(ClabKinds::canonical).or(() -> entry.map(CatalogImage::exportKind)).orElse(FALLBACK_KIND));
        String image = origin.map(NodeOrigin::image).filter(i -> !i.isBlank())
                .orElseGet(() -> entry.map(CatalogImage::exportImage).orElse(node.image()));
        if (image != null) {
            out.put("image", image);
        }
        if (node.startupConfig() != null) {
            out.put("startup-config", new BlockScalar(node.startupConfig()));
        }
        if (node.cpu() != null) {
            out.put("cpu", node.cpu());
        }
        if (node.memoryMib() != null) {
            out.put("memory", MemorySize.format(node.memoryMib()));
        }
        Map<String, String> labels = new TreeMap<>(node.labels());
        Position position = node.position();
        if (position != null) {
            labels.put(NodeReader.POS_X, coordinate(position.x()));
            labels.put(NodeReader.POS_Y, coordinate(position.y()));
        }
        if (!labels.isEmpty()) {
            out.put("labels", labels);
        }
        return out;
    }

    private static Map<String, Object> link(Link link) {
        Map<String, Object> out = new LinkedHashMap<>();
        // the schema wants the brief form's two strings distinct; a loop (invalid anyway) goes out as veth
        if (link.mtu() == null && readsBack(link.a()) && readsBack(link.b()) && !link.a().equals(link.b())) {
            out.put("endpoints", List.of(link.a().toString(), link.b().toString()));
            return out;
        }
        out.put("type", "veth");
        List<Map<String, String>> ends = new ArrayList<>();
        for (Endpoint end : link.endpoints()) {
            Map<String, String> endpoint = new LinkedHashMap<>();
            endpoint.put("node", end.node());
            endpoint.put("interface", end.iface());
            ends.add(endpoint);
        }
        out.put("endpoints", ends);
        if (link.mtu() != null) {
            out.put("mtu", link.mtu());
        }
        return out;
    }

    /** The brief form "node:interface" is ambiguous when the node name itself holds a colon. */
    private static boolean readsBack(Endpoint end) {
        return Endpoint.parse(end.toString()).equals(end);
    }

    /** Whole numbers without ".0", so that a position written by hand ("120") exports as it was imported. */
    public static String coordinate(double value) {
        boolean negativeZero = value == 0 && 1 / value < 0;
        if (value == Math.rint(value) && Math.abs(value) < 1e15 && !negativeZero) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
