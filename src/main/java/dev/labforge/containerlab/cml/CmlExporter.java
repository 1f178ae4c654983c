package dev.labforge.containerlab.cml;

import dev.labforge.containerlab.CatalogImage;
import dev.labforge.containerlab.CatalogImages;
import dev.labforge.containerlab.ClabKinds;
import dev.labforge.containerlab.ContainerlabExporter;
import dev.labforge.containerlab.ImageCatalogView;
import dev.labforge.containerlab.yaml.BlockScalar;
import dev.labforge.containerlab.yaml.YamlWriter;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.InterfaceNaming;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Writes a topology as a Cisco Modeling Labs 2.x topology file that {@link CmlImporter} reads back to the same
 * topology.
 *
 * <p>A node's {@code node_definition} is the CML definition of its catalog image's containerlab kind (the reverse of
 * {@link CmlImporter#KINDS}), else the image's name. The importer picks the first catalog image of that kind, so the
 * node also names its image in {@code image_definition} whenever that pick would be another image. Segments become
 * unmanaged switches with one port per member. Link and segment MTUs and node labels have no place in the format
 * and are not written.
 */
public final class CmlExporter {

    /** For each containerlab kind, the CML node definition that runs the same OS. */
    static final Map<String, String> DEFINITIONS = Map.ofEntries(
            Map.entry("cisco_vios", "iosv"), Map.entry("cisco_csr1000v", "csr1000v"),
            Map.entry("cisco_c8000v", "cat8000v"), Map.entry("cisco_xrv9k", "iosxrv9000"),
            Map.entry("cisco_xrv", "iosxrv"), Map.entry("cisco_n9kv", "nxosv9000"), Map.entry("cisco_iol", "iol-xe"),
            Map.entry("cisco_asav", "asav"), Map.entry("cisco_ftdv", "ftdv"),
            Map.entry("cisco_cat9kv", "cat9000v-q200"), Map.entry("linux", "ubuntu"));

    // the file format version CML 2.5 and later write and read
    private static final String VERSION = "0.2.2";

    public String write(String labName, String description, Topology topology, ImageCatalogView catalog) {
        Objects.requireNonNull(labName, "labName");
        Objects.requireNonNull(topology, "topology");
        CatalogImages images = new CatalogImages(catalog);
        Map<String, Object> lab = new LinkedHashMap<>();
        lab.put("title", labName);
        if (description != null && !description.isBlank()) {
            lab.put("description", description);
        }
        lab.put("version", VERSION);
        Map<String, String> ids = new HashMap<>(); // model node name to its CML id
        Map<String, Map<String, String>> ports = new HashMap<>(); // model node name to its interfaces' ids by name
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Node node : topology.nodes()) {
            String id = "n" + nodes.size();
            ids.put(node.name(), id);
            Optional<CatalogImage> entry = images.named(node.image());
            Map<String, String> own = interfaces(node.name(), topology);
            ports.put(node.name(), own);
            nodes.add(node(id, node, entry, images, own));
        }
        List<Map<String, Object>> links = new ArrayList<>();
        for (Link link : topology.links()) {
            links.add(link("l" + links.size(), ids, ports, link.a(), link.b()));
        }
        for (Segment segment : topology.segments()) {
            String id = "n" + nodes.size();
            Map<String, String> switchPorts = new LinkedHashMap<>();
            List<Map<String, Object>> interfaces = new ArrayList<>();
            for (int i = 0; i < segment.endpoints().size(); i++) {
                interfaces.add(iface("i" + i, "port" + i, i));
                switchPorts.put("port" + i, "i" + i);
            }
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", id);
            node.put("label", segment.shownName());
            node.put("node_definition", CmlImporter.SWITCH);
            node.put("interfaces", interfaces);
            nodes.add(node);
            ids.put("\0segment", id);
            ports.put("\0segment", switchPorts);
            for (int i = 0; i < segment.endpoints().size(); i++) {
                links.add(link("l" + links.size(), ids, ports, segment.endpoints().get(i),
                        new Endpoint("\0segment", "port" + i)));
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("lab", lab);
        root.put("nodes", nodes);
        root.put("links", links);
        return YamlWriter.write(root);
    }

    private static Map<String, Object> node(String id, Node node, Optional<CatalogImage> entry, CatalogImages images,
                                            Map<String, String> own) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("label", node.shownName());
        String kind = entry.map(CatalogImage::clabKind).map(ClabKinds::canonical).orElse(null);
        String definition = kind == null ? null : DEFINITIONS.get(kind);
        out.put("node_definition", definition != null ? definition : node.image());
        if (definition != null && !node.image().equals(images.choose(null, kind).image())) {
            out.put("image_definition", node.image());
        }
        Position position = node.position();
        if (position != null) {
            out.put("x", number(position.x()));
            out.put("y", number(position.y()));
        }
        if (node.cpu() != null) {
            out.put("cpus", node.cpu());
        }
        if (node.memoryMib() != null) {
            out.put("ram", node.memoryMib());
        }
        if (node.startupConfig() != null) {
            out.put("configuration", new BlockScalar(node.startupConfig()));
        }
        InterfaceNaming naming = entry.map(CatalogImage::interfaces).orElse(null);
        List<Map<String, Object>> interfaces = new ArrayList<>();
        int next = naming == null ? 0 : naming.maxPorts();
        for (Map.Entry<String, String> iface : own.entrySet()) {
            OptionalInt port = naming == null || !naming.isDataPort(iface.getKey()) ? OptionalInt.empty()
                    : naming.portNumber(iface.getKey());
            // a data port's slot is its place among the image's ports, as CML numbers slots
            int slot = port.isPresent() ? port.getAsInt() - naming.firstPort() : next++;
            interfaces.add(iface(iface.getValue(), iface.getKey(), slot));
        }
        out.put("interfaces", interfaces);
        return out;
    }

    /** The interfaces a node uses, in the order links and then segments name them, each with its CML id. */
    private static Map<String, String> interfaces(String node, Topology topology) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Topology.Wire wire : topology.wires()) {
            if (wire.endpoint().node().equals(node)) {
                out.putIfAbsent(wire.endpoint().iface(), "i" + out.size());
            }
        }
        return out;
    }

    private static Map<String, Object> iface(String id, String label, int slot) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("label", label);
        out.put("slot", slot);
        out.put("type", "physical");
        return out;
    }

    private static Map<String, Object> link(String id, Map<String, String> ids, Map<String, Map<String, String>> ports,
                                            Endpoint a, Endpoint b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("n1", ids.get(a.node()));
        out.put("i1", ports.get(a.node()).get(a.iface()));
        out.put("n2", ids.get(b.node()));
        out.put("i2", ports.get(b.node()).get(b.iface()));
        return out;
    }

    /** Whole coordinates as integers, as CML writes them; others as decimals. */
    private static Object number(double value) {
        String text = ContainerlabExporter.coordinate(value);
        return text.matches("-?[0-9]{1,9}") ? (Object) Integer.parseInt(text) : (Object) value;
    }
}
