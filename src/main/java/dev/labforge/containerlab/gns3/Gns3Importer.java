package dev.labforge.containerlab.gns3;

import dev.labforge.containerlab.CatalogImages;
import dev.labforge.containerlab.ContainerlabFormatException;
import dev.labforge.containerlab.ContainerlabImport;
import dev.labforge.containerlab.ImageCatalogView;
import dev.labforge.containerlab.LabNames;
import dev.labforge.containerlab.NodeNames;
import dev.labforge.containerlab.PointerMap;
import dev.labforge.containerlab.Warnings;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.NodeOrigin;
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
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GNS3 2.x project ({@code .gns3}, JSON, or the portable {@code .gns3project} zip that holds one) into a
 * LabForge topology, with the other importers' discipline: warnings and errors point into the JSON
 * ({@code /topology/nodes/3/name}, {@code /topology/links/0/nodes/1}).
 *
 * <p>QEMU, Docker, IOU, Dynamips, VirtualBox, VMware and VPCS nodes become routers or hosts whose catalog image is
 * picked like {@link dev.labforge.containerlab.cml.CmlImporter} picks it ({@link Gns3Images}); Ethernet switches
 * and hubs become shared segments,
 * one per VLAN of the switch's linked ports; clouds and NATs reach outside the lab and, like ATM and Frame Relay
 * switches, are left out with their links, one warning per node type. A port's name is the one GNS3 shows
 * ({@link Gns3Ports}); when the image does not take those names, the node's ports take the image's data ports in
 * adapter order, with a warning.
 */
public final class Gns3Importer {

    static final Set<String> SEGMENT_TYPES = Set.of("ethernet_switch", "ethernet_hub");
    private static final Map<String, String> LEFT_OUT = Map.of(
            "cloud", "reach outside the lab, which LabForge labs do not",
            "nat", "reach outside the lab, which LabForge labs do not",
            "atm_switch", "switch ATM, which LabForge does not carry",
            "frame_relay_switch", "switch Frame Relay, which LabForge does not carry",
            "traceng", "are a Windows-only traceroute engine LabForge does not run");
    // the revision of GNS3 2.0's file format; older files are GNS3 1.x's, a different layout
    private static final int FIRST_REVISION = 5;
    private static final int MAX_NUMBER = 1 << 20;
    // the longest image reference a lab keeps (the API's limit for a node origin's image)
    private static final int MAX_REFERENCE = 500;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private record Gns3Node(int index, String id, String name, String type, JsonAt at) {

        boolean isSegment() {
            return SEGMENT_TYPES.contains(type);
        }

        boolean isDevice() {
            return Gns3Images.device(type).isPresent();
        }
    }

    /** One end of a link: a node's adapter and port, and the name GNS3 shows for it. */
    private record End(Gns3Node node, int adapter, int port, Optional<String> shown, JsonAt at) {

        String key() {
            return adapter + "/" + port;
        }
    }

    private record Gns3Link(JsonAt at, End a, End b) {
    }

    public ContainerlabImport read(byte[] file, ImageCatalogView catalog) throws ContainerlabFormatException {
        Objects.requireNonNull(catalog, "catalog");
        Gns3Project project = Gns3Project.isZip(file) ? Gns3Project.unpack(file) : new Gns3Project(file, Map.of());
        JsonNode root;
        try {
            root = JSON.readTree(project.topology());
        } catch (JacksonException e) {
            throw new ContainerlabFormatException("", "the file is not a JSON document: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        return read(new JsonAt(root, ""), project, catalog);
    }

    private ContainerlabImport read(JsonAt root, Gns3Project project, ImageCatalogView catalog) {
        if (root.isAbsent() || !root.node().isObject()) {
            throw root.invalid("a GNS3 project must be a JSON object with name and topology");
        }
        Optional<String> type = root.field("type").text();
        if (type.isPresent() && !type.get().equals("topology")) {
            throw root.field("type").invalid("a GNS3 project file has type 'topology', not '" + type.get() + "'");
        }
        int revision = root.field("revision").count(Integer.MAX_VALUE).orElse(FIRST_REVISION);
        if (revision < FIRST_REVISION) {
            throw root.field("revision").invalid("revision " + revision + " is a GNS3 1.x project; open it in GNS3"
                    + " 2.x and save it, which converts it, then import it");
        }
        Warnings warnings = new Warnings();
        String name = LabNames.from(root.field("name").text().orElse(null), "/name", "gns3-lab", warnings);
        JsonAt topology = root.field("topology");
        if (topology.isAbsent()) {
            throw topology.invalid("the field 'topology' is required: a GNS3 project keeps its nodes and links"
                    + " in it");
        }
        JsonAt nodeList = topology.field("nodes");
        List<Gns3Node> all = nodes(nodeList);
        List<Gns3Link> links = links(topology.field("links"), all);
        List<JsonAt> drawings = topology.field("drawings").items();
        if (!drawings.isEmpty()) {
            warnings.add(topology.field("drawings").pointer(), drawings.size() + " drawing(s) (shapes, text) are"
                    + " not imported; LabForge draws the lab itself");
        }
        leaveOut(all, warnings);
        Wiring wiring = new Wiring(all, links, warnings, new CatalogImages(catalog), project);
        wiring.pointers.put("", "").put("/nodes", nodeList.pointer()).put("/links", topology.field("links")
                .pointer());
        return new ContainerlabImport(name, wiring.topology(), warnings.list(), wiring.pointers.build());
    }

    private static List<Gns3Node> nodes(JsonAt list) {
        List<Gns3Node> all = new ArrayList<>();
        Map<String, Gns3Node> ids = new HashMap<>();
        Map<String, Gns3Node> names = new HashMap<>();
        for (JsonAt at : list.items()) {
            String which = "node " + all.size() + at.field("name").text().filter(n -> !n.isBlank())
                    .map(n -> " ('" + n + "')").orElse("");
            String id = at.field("node_id").required(which, "links name nodes by it");
            String name = at.field("name").required(which + " (id '" + id + "')", "the name GNS3 shows it by");
            Gns3Node node = new Gns3Node(all.size(), id, name, at.field("node_type").required(which, "it says what"
                    + " the node is: qemu, iou, ethernet_switch, ..."), at);
            if (ids.putIfAbsent(id, node) != null) {
                throw at.field("node_id").invalid("node id '" + id + "' is used twice");
            }
            if (names.putIfAbsent(name, node) != null) {
                throw at.field("name").invalid("node name '" + name + "' is used twice; LabForge names must be"
                        + " unique");
            }
            all.add(node);
        }
        return all;
    }

    private static List<Gns3Link> links(JsonAt list, List<Gns3Node> nodes) {
        Map<String, Gns3Node> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        List<Gns3Link> out = new ArrayList<>();
        for (JsonAt at : list.items()) {
            List<JsonAt> ends = at.field("nodes").items();
            if (ends.size() != 2) {
                throw at.field("nodes").invalid("a link joins two ports, not " + ends.size());
            }
            JsonAt linkId = at.field("link_id");
            String which = "link " + out.size() + (!linkId.isAbsent() && linkId.node().isString()
                    && !linkId.node().stringValue().isBlank() ? " ('" + linkId.node().stringValue() + "')" : "");
            out.add(new Gns3Link(at, end(ends.get(0), which + ", first end,", byId),
                    end(ends.get(1), which + ", second end,", byId)));
        }
        return out;
    }

    private static End end(JsonAt at, String which, Map<String, Gns3Node> byId) {
        String id = at.field("node_id").required(which, "the node the link reaches");
        Gns3Node node = byId.get(id);
        if (node == null) {
            throw at.field("node_id").invalid("no node has id '" + id + "'");
        }
        int adapter = at.field("adapter_number").count(MAX_NUMBER).orElse(0);
        int port = at.field("port_number").count(MAX_NUMBER).orElse(0);
        return new End(node, adapter, port, at.field("label").field("text").text(), at);
    }

    /** One warning per node type LabForge leaves out, at its first node, naming a few of them. */
    private static void leaveOut(List<Gns3Node> all, Warnings warnings) {
        Map<String, List<Gns3Node>> byType = new LinkedHashMap<>();
        all.stream().filter(n -> !n.isDevice() && !n.isSegment())
                .forEach(n -> byType.computeIfAbsent(n.type(), t -> new ArrayList<>()).add(n));
        byType.forEach((type, nodes) -> {
            List<String> names = nodes.stream().limit(4).map(Gns3Node::name).toList();
            String which = String.join(", ", names) + (nodes.size() > 4 ? ", ..." : "");
            warnings.add(nodes.get(0).at().field("node_type").pointer(), nodes.size() + " " + type + " node(s) ("
                    + which + ") " + LEFT_OUT.getOrDefault(type, "are of a type LabForge does not know")
                    + "; they and their links are left out");
        });
    }

    /** The model built from the nodes and links, and where each of its parts came from. */
    private static final class Wiring {

        final PointerMap.Builder pointers = PointerMap.builder();
        private final List<Node> nodes = new ArrayList<>();
        private final List<Link> links = new ArrayList<>();
        private final Gns3Segments segments;
        private final Map<String, String> ifaces = new HashMap<>(); // node id + "/" + adapter/port to its name
        private final Map<String, String> names;
        private final Gns3Substitutes substitutes = new Gns3Substitutes();

        Wiring(List<Gns3Node> all, List<Gns3Link> gns3Links, Warnings warnings, CatalogImages images,
               Gns3Project project) {
            names = NodeNames.map(all.stream().filter(n -> n.isDevice() || n.isSegment()).map(Gns3Node::name)
                    .toList());
            segments = new Gns3Segments(warnings);
            Map<String, List<End>> endsByNode = new LinkedHashMap<>();
            for (Gns3Link link : gns3Links) {
                for (End end : List.of(link.a(), link.b())) {
                    endsByNode.computeIfAbsent(end.node().id(), id -> new ArrayList<>()).add(end);
                }
            }
            for (Gns3Node node : all) {
                String model = names.get(node.name());
                String display = model == null || model.equals(node.name()) ? null : node.name();
                if (model != null && display != null) {
                    warnings.add(node.at().field("name").pointer(), "node name '" + node.name() + "' is no DNS-1123"
                            + " label, which Kubernetes needs; it is called '" + model + "' in LabForge and shows as '"
                            + node.name() + "'");
                }
                List<End> ends = endsByNode.getOrDefault(node.id(), List.of());
                if (node.isSegment()) {
                    segments.add(node.id(), node.type(), node.at(), model, display, ends.stream().map(End::port).toList(),
                            pointers);
                } else if (node.isDevice()) {
                    device(node, model, display, ends, images, project, warnings);
                }
            }
            for (Gns3Link link : gns3Links) {
                link(link, warnings);
            }
            substitutes.warn(warnings);
        }

        private void device(Gns3Node node, String model, String display, List<End> ends, CatalogImages images,
                            Gns3Project project, Warnings warnings) {
            JsonAt at = node.at();
            Gns3Images.Device device = Gns3Images.device(node.type()).orElseThrow();
            JsonAt reference = device.property().isEmpty() ? at.field("node_type")
                    : at.field("properties").field(device.property());
            Optional<String> written = device.property().isEmpty() ? Optional.empty()
                    : reference.text().filter(s -> !s.isBlank());
            CatalogImages.Choice choice = Gns3Images.pick(images, device, written.orElse(null));
            String image = choice.image() != null ? choice.image() : node.type();
            if (choice.image() != null) {
                substitutes.add(node.type(), node.name(), at.field("node_type").pointer(), written.orElse(null),
                        image);
            }
            String modelAt = "/nodes/" + nodes.size();
            pointers.put(modelAt, at.pointer()).put(modelAt + "/name", at.field("name").pointer())
                    .put(modelAt + "/image", written.isPresent() ? reference.pointer()
                            : at.field("node_type").pointer());
            Position position = position(at);
            if (position != null) {
                pointers.put(modelAt + "/position", at.field("x").pointer());
            }
            String config = project.config(node.type(), node.id()).filter(s -> !s.isEmpty()).orElse(null);
            if (config != null) {
                pointers.put(modelAt + "/startupConfig", at.pointer());
            }
            Map<String, String> own = new LinkedHashMap<>();
            for (End end : ends) {
                own.putIfAbsent(end.key(), Gns3Ports.name(at, node.type(), end.adapter(), end.port(), end.shown()));
            }
            Map<String, String> renamed = images.named(image).filter(e -> e.interfaces() != null)
                    .map(e -> Gns3Interfaces.rename(node.name(), at.pointer(), node.type(), e, own, warnings))
                    .orElse(own);
            renamed.forEach((key, iface) -> ifaces.put(node.id() + "/" + key, iface));
            // kept so that a GNS3 export writes the node as the file had it; a reference too long to keep is dropped
            String kept = written.filter(w -> w.length() <= MAX_REFERENCE).orElse(null);
            nodes.add(new Node(model, image, null, null, config, Map.of(), position, display,
                    NodeOrigin.gns3(node.type(), kept)));
        }

        private void link(Gns3Link link, Warnings warnings) {
            End a = link.a();
            End b = link.b();
            if (names.get(a.node().name()) == null || names.get(b.node().name()) == null) {
                return; // said once, at the node type left out
            }
            if (a.node().isSegment() && b.node().isSegment()) {
                warnings.add(link.at().pointer(), "a link between two switches or hubs (" + a.node().name() + ", "
                        + b.node().name() + ") joins two segments; LabForge keeps them as two segments, so this"
                        + " link is not imported");
                return;
            }
            if (a.node().isSegment() || b.node().isSegment()) {
                End member = a.node().isSegment() ? b : a;
                End port = a.node().isSegment() ? a : b;
                segments.join(port.node().id(), port.port(), new Endpoint(names.get(member.node().name()),
                        ifaces.get(member.node().id() + "/" + member.key())), member.at().pointer(), pointers);
                return;
            }
            String model = "/links/" + links.size();
            pointers.put(model, link.at().pointer()).put(model + "/endpoints", link.at().field("nodes").pointer())
                    .put(model + "/endpoints/0", a.at().pointer()).put(model + "/endpoints/1", b.at().pointer());
            links.add(new Link(endpoint(a), endpoint(b), null));
        }

        private Endpoint endpoint(End end) {
            return new Endpoint(names.get(end.node().name()), ifaces.get(end.node().id() + "/" + end.key()));
        }

        Topology topology() {
            return new Topology(nodes, links, segments.build());
        }

        private static Position position(JsonAt at) {
            Optional<Double> x = at.field("x").number();
            Optional<Double> y = at.field("y").number();
            return x.isPresent() && y.isPresent() ? new Position(x.get(), y.get()) : null;
        }
    }
}
