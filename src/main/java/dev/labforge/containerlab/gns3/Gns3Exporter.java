package dev.labforge.containerlab.gns3;

import dev.labforge.containerlab.CatalogImage;
import dev.labforge.containerlab.CatalogImages;
import dev.labforge.containerlab.ClabKinds;
import dev.labforge.containerlab.ImageCatalogView;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.InterfaceNaming;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.NodeOrigin;
import dev.labforge.topology.Position;
import dev.labforge.topology.Topology;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a topology as a GNS3 2.2 project file ({@code .gns3}, file revision 9) that {@link Gns3Importer} reads back
 * to the same topology, and that passes the schema GNS3 checks a project against when it opens one (gns3-server's
 * {@code TOPOLOGY_SCHEMA}, {@code gns3server/schemas/topology.py}).
 *
 * <p>A node imported from GNS3 goes out as its original node type and image reference ({@code hda_disk_image},
 * {@code path}, Docker {@code image}, ...) when that reference still picks the node's catalog image on import;
 * otherwise, and for nodes made in LabForge, it is a QEMU node whose disk is the catalog image's name. Dynamips
 * routers, which LabForge runs as the catalog's IOSv (the import says so), go out as that QEMU node: the classic IOS
 * router they were needs hardware slots the lab no longer knows. Each port is an adapter (QEMU, Docker, VPCS, ...)
 * or an IOU slot of four ports, numbered by the image's data port, and the link's label carries the interface name,
 * which the importer reads first. Segments are Ethernet switches ({@link Gns3Switches}). Link and segment MTUs,
 * labels and startup configurations have no place in the project file (GNS3 keeps configurations in the project's
 * folder) and are not written; cores and memory are written for GNS3 ({@code cpus}, {@code ram}) but not read back.
 */
public final class Gns3Exporter {

    /** The file format revision of GNS3 2.2, the newest GNS3 opens without converting. */
    static final int REVISION = 9;
    private static final String VERSION = "2.2.0";
    /** Node types that go out as they came in; Dynamips does not (see the class comment). */
    private static final Set<String> KEPT_TYPES = Set.of("qemu", "docker", "iou", "vpcs", "virtualbox", "vmware");
    // IOU numbers ports in slots of four: Ethernet0/0 .. Ethernet0/3 are adapter 0
    private static final int IOU_SLOT = 4;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * @param projectId the GNS3 project id to write; GNS3 opens one project of an id at a time, so the lab's own id
     */
    public String write(UUID projectId, String labName, Topology topology, ImageCatalogView catalog) {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(labName, "labName");
        Objects.requireNonNull(topology, "topology");
        CatalogImages images = new CatalogImages(catalog);
        ObjectNode root = JSON.createObjectNode();
        root.put("name", labName);
        root.put("project_id", projectId.toString());
        root.put("revision", REVISION);
        root.put("type", "topology");
        root.put("version", VERSION);
        root.put("auto_close", true);
        root.put("auto_open", false);
        root.put("auto_start", false);
        root.put("show_interface_labels", true);
        ObjectNode body = root.putObject("topology");
        body.putArray("computes");
        body.putArray("drawings");
        ArrayNode links = body.putArray("links");
        ArrayNode nodes = body.putArray("nodes");

        Ids ids = new Ids(projectId);
        Set<String> shown = new HashSet<>();
        Map<String, Map<String, Port>> ports = new HashMap<>(); // model node name to its ports by interface
        for (Node node : topology.nodes()) {
            Optional<CatalogImage> entry = images.named(node.image());
            Device device = device(node, images);
            Map<String, Port> own = ports(node.name(), topology, entry.map(CatalogImage::interfaces).orElse(null),
                    device.type());
            ports.put(node.name(), own);
            nodes.add(node(ids.node(node.name()), unique(node.shownName(), node.name(), shown), node, device,
                    entry, own));
        }
        for (Link link : topology.links()) {
            links.add(link(ids.link(), end(ids, ports, link.a()), end(ids, ports, link.b())));
        }
        for (Gns3Switches.Switch sw : Gns3Switches.of(topology.segments())) {
            String name = unique(sw.name(), sw.fallback(), shown);
            String id = ids.node("\0switch/" + name);
            nodes.add(switchNode(id, name, sw));
            for (int port = 0; port < sw.members().size(); port++) {
                Gns3Switches.Member member = sw.members().get(port);
                links.add(link(ids.link(), end(ids, ports, member.endpoint()),
                        new LinkEnd(id, 0, port, "Ethernet" + port)));
            }
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    /** A GNS3 node type and its image reference; the reference is null for types that take none (VPCS). */
    private record Device(String type, String property, String reference) {
    }

    private record Port(int adapter, int port) {
    }

    private record LinkEnd(String nodeId, int adapter, int port, String label) {
    }

    /** Stable ids: the same lab exports to the same file. */
    private static final class Ids {

        private final UUID project;
        private int links;

        Ids(UUID project) {
            this.project = project;
        }

        String node(String name) {
            return UUID.nameUUIDFromBytes((project + "/node/" + name).getBytes(StandardCharsets.UTF_8)).toString();
        }

        String link() {
            return UUID.nameUUIDFromBytes((project + "/link/" + links++).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
    }

    /** The node's original type and reference when they still pick its image on import, else a QEMU node. */
    private static Device device(Node node, CatalogImages images) {
        NodeOrigin origin = node.origin();
        if (origin != null && origin.fromGns3() && KEPT_TYPES.contains(origin.kind())) {
            Gns3Images.Device device = Gns3Images.device(origin.kind()).orElseThrow();
            String reference = device.property().isEmpty() ? null : origin.image();
            boolean takesNone = device.property().isEmpty();
            if ((takesNone || reference != null)
                    && node.image().equals(Gns3Images.pick(images, device, reference).image())) {
                return new Device(origin.kind(), device.property(), reference);
            }
        }
        return new Device("qemu", "hda_disk_image", node.image());
    }

    /**
     * The node's ports by interface, in the order links and then segments name them: a data port's adapter is its
     * place among the image's data ports; other names take the adapters after those.
     */
    private static Map<String, Port> ports(String node, Topology topology, InterfaceNaming naming, String type) {
        Map<String, Port> out = new LinkedHashMap<>();
        int next = naming == null ? 0 : naming.maxPorts();
        for (Topology.Wire wire : topology.wires()) {
            String iface = wire.endpoint().iface();
            if (!wire.endpoint().node().equals(node) || out.containsKey(iface)) {
                continue;
            }
            int slot = naming != null && naming.isDataPort(iface)
                    ? naming.portNumber(iface).getAsInt() - naming.firstPort() : next++;
            out.put(iface, type.equals("iou") ? new Port(slot / IOU_SLOT, slot % IOU_SLOT) : new Port(slot, 0));
        }
        return out;
    }

    private static ObjectNode node(String id, String name, Node node, Device device, Optional<CatalogImage> entry,
                                   Map<String, Port> ports) {
        ObjectNode out = JSON.createObjectNode();
        out.put("compute_id", "local");
        out.put("name", name);
        out.put("node_id", id);
        out.put("node_type", device.type());
        position(out, node.position());
        boolean host = entry.map(CatalogImage::clabKind).map(ClabKinds::canonical).filter("linux"::equals)
                .isPresent() || device.type().equals("vpcs");
        out.put("symbol", host ? ":/symbols/computer.svg" : ":/symbols/router.svg");
        InterfaceNaming naming = entry.map(CatalogImage::interfaces).orElse(null);
        String format = naming == null || device.type().equals("iou") ? null : portNameFormat(naming);
        if (format != null) {
            out.put("port_name_format", format);
        }
        ObjectNode properties = out.putObject("properties");
        if (device.reference() != null) {
            properties.put(device.property(), device.reference());
        }
        int adapters = ports.values().stream().mapToInt(Port::adapter).max().orElse(-1) + 1;
        switch (device.type()) {
            case "qemu" -> {
                properties.put("platform", "x86_64");
                properties.put("adapters", Math.max(1, adapters));
                if (node.memoryMib() != null) {
                    properties.put("ram", node.memoryMib());
                }
                if (node.cpu() != null) {
                    properties.put("cpus", node.cpu());
                }
            }
            case "iou" -> {
                properties.put("ethernet_adapters", Math.max(1, adapters));
                properties.put("serial_adapters", 0);
                if (node.memoryMib() != null) {
                    properties.put("ram", node.memoryMib());
                }
            }
            case "docker", "virtualbox", "vmware" -> properties.put("adapters", Math.max(1, adapters));
            default -> { // a VPCS has one port and nothing to set
            }
        }
        return out;
    }

    /** GNS3's form of the image's port names ({@code eth{0}}) when it has one, so GNS3 shows the same names. */
    private static String portNameFormat(InterfaceNaming naming) {
        String placeholder = switch (naming.firstPort()) {
            case 0 -> "{0}";
            case 1 -> "{port1}";
            default -> null;
        };
        return placeholder == null ? null : naming.pattern().replace(InterfaceNaming.PLACEHOLDER, placeholder);
    }

    private static ObjectNode switchNode(String id, String name, Gns3Switches.Switch sw) {
        ObjectNode out = JSON.createObjectNode();
        out.put("compute_id", "local");
        out.put("name", name);
        out.put("node_id", id);
        out.put("node_type", "ethernet_switch");
        out.put("symbol", ":/symbols/ethernet_switch.svg");
        out.put("console_type", "none");
        ObjectNode properties = out.putObject("properties");
        ArrayNode mapping = properties.putArray("ports_mapping");
        // GNS3's own switches have eight ports; more when more members are plugged in
        int count = Math.max(8, sw.members().size());
        for (int port = 0; port < count; port++) {
            ObjectNode entry = mapping.addObject();
            entry.put("name", "Ethernet" + port);
            entry.put("port_number", port);
            entry.put("type", "access");
            entry.put("vlan", port < sw.members().size() ? sw.members().get(port).vlan() : 1);
            entry.put("ethertype", "");
        }
        return out;
    }

    /** None when the layout decides: GNS3 then puts the node at the origin, and the import lets the layout decide. */
    private static void position(ObjectNode out, Position position) {
        if (position != null) {
            // GNS3 keeps whole scene coordinates; the schema refuses others
            out.put("x", coordinate(position.x()));
            out.put("y", coordinate(position.y()));
        }
        out.put("z", 1);
    }

    private static int coordinate(double value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(value)));
    }

    private static LinkEnd end(Ids ids, Map<String, Map<String, Port>> ports, Endpoint endpoint) {
        Port port = ports.getOrDefault(endpoint.node(), Map.of()).getOrDefault(endpoint.iface(), new Port(0, 0));
        return new LinkEnd(ids.node(endpoint.node()), port.adapter(), port.port(), endpoint.iface());
    }

    private static ObjectNode link(String id, LinkEnd a, LinkEnd b) {
        ObjectNode out = JSON.createObjectNode();
        out.put("link_id", id);
        ArrayNode ends = out.putArray("nodes");
        for (LinkEnd end : List.of(a, b)) {
            ObjectNode node = ends.addObject();
            node.put("node_id", end.nodeId());
            node.put("adapter_number", end.adapter());
            node.put("port_number", end.port());
            node.putObject("label").put("text", end.label());
        }
        out.putObject("filters");
        out.put("suspend", false);
        return out;
    }

    /** The name people know a node by, unless another node took it: GNS3 and the importer want unique names. */
    private static String unique(String wanted, String fallback, Set<String> shown) {
        if (shown.add(wanted)) {
            return wanted;
        }
        String candidate = fallback;
        for (int i = 2; !shown.add(candidate); i++) {
            candidate = fallback + "-" + i;
        }
        return candidate;
    }
}
