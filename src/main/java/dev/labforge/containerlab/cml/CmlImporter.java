package dev.labforge.containerlab.cml;

import dev.labforge.containerlab.CatalogImage;
import dev.labforge.containerlab.CatalogImages;
import dev.labforge.containerlab.ContainerlabFormatException;
import dev.labforge.containerlab.ContainerlabImport;
import dev.labforge.containerlab.ImageCatalogView;
import dev.labforge.containerlab.LabNames;
import dev.labforge.containerlab.NodeNames;
import dev.labforge.containerlab.PointerMap;
import dev.labforge.containerlab.Utf8Text;
import dev.labforge.containerlab.Warnings;
import dev.labforge.containerlab.yaml.Located;
import dev.labforge.containerlab.yaml.YamlReader;
import dev.labforge.containerlab.yaml.YamlValue;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a Cisco Modeling Labs 2.x topology file ({@code lab:}, {@code nodes:}, {@code links:}) into a LabForge
 * topology, with the containerlab importer's discipline: warnings and errors point into the YAML.
 *
 * <p>A node's {@code node_definition} picks the catalog image: an entry named like its {@code image_definition} or
 * node definition, else the first entry for the containerlab kind that runs the same OS ({@link #KINDS}). Unmanaged
 * switches become shared segments; external connectors have no LabForge equivalent and are left out with a warning.
 * Interface labels stay the node's interface names when the image accepts them, else the node's physical interfaces
 * are mapped in slot order to the image's data ports. Loopbacks are not links' business and are skipped.
 */
public final class CmlImporter {

    static final String SWITCH = "unmanaged_switch";
    static final String CONNECTOR = "external_connector";

    /** CML node definitions and the containerlab kind whose catalog images run the same OS. */
    static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("iosv", "cisco_vios"), Map.entry("iosvl2", "cisco_vios"),
            Map.entry("csr1000v", "cisco_csr1000v"), Map.entry("cat8000v", "cisco_c8000v"),
            Map.entry("iosxrv9000", "cisco_xrv9k"), Map.entry("iosxrv", "cisco_xrv"),
            Map.entry("nxosv9000", "cisco_n9kv"), Map.entry("nxosv", "cisco_n9kv"),
            Map.entry("iol-xe", "cisco_iol"), Map.entry("ioll2-xe", "cisco_iol"),
            Map.entry("asav", "cisco_asav"), Map.entry("ftdv", "cisco_ftdv"),
            Map.entry("cat9000v-q200", "cisco_cat9kv"), Map.entry("cat9000v-uadp", "cisco_cat9kv"),
            Map.entry("iol-xe-serial-4eth", "cisco_iol"),
            Map.entry("alpine", "linux"), Map.entry("ubuntu", "linux"), Map.entry("server", "linux"),
            Map.entry("desktop", "linux"),
            // CML 2.8's container nodes (github.com/CiscoLearning/cml-docker-containers): Linux with one service each
            Map.entry("chrome", "linux"), Map.entry("firefox", "linux"), Map.entry("dnsmasq", "linux"),
            Map.entry("nginx", "linux"), Map.entry("net-tools", "linux"), Map.entry("radius", "linux"),
            Map.entry("syslog", "linux"), Map.entry("tacplus", "linux"), Map.entry("frr", "linux"));

    private record CmlNode(int index, String id, String label, String definition, Located block,
                           Map<String, Located> fields) {
    }

    /** One physical interface: its label and its place among the node's physical interfaces by slot. */
    private record Port(String label, int order) {
    }

    public ContainerlabImport read(byte[] file, ImageCatalogView catalog) throws ContainerlabFormatException {
        return read(Utf8Text.of(file), catalog);
    }

    public ContainerlabImport read(String yaml, ImageCatalogView catalog) throws ContainerlabFormatException {
        Objects.requireNonNull(catalog, "catalog");
        Located root = new Located(YamlReader.read(yaml), "");
        if (!(root.value() instanceof YamlValue.Mapping)) {
            throw root.error("a CML topology must be a mapping with lab, nodes and links");
        }
        Map<String, Located> top = root.entries();
        Warnings warnings = new Warnings();
        PointerMap.Builder pointers = PointerMap.builder().put("", "");
        String name = labName(top.get("lab"), warnings);
        Located nodeList = top.get("nodes");
        if (nodeList == null || nodeList.isNull()) {
            throw new ContainerlabFormatException("/nodes", "the field 'nodes' is required: a CML topology lists"
                    + " its nodes under it");
        }
        pointers.put("/nodes", nodeList.pointer());
        List<CmlNode> all = new ArrayList<>();
        Map<String, CmlNode> byId = new HashMap<>();
        Map<String, CmlNode> byLabel = new HashMap<>();
        for (Located block : nodeList.items()) {
            Map<String, Located> fields = block.entries();
            String which = "node " + all.size() + text(fields, "label").filter(l -> !l.isBlank())
                    .map(l -> " ('" + l + "')").orElse("");
            String id = required(fields, block.pointer(), "id", which, "links name nodes by it");
            String label = text(fields, "label").filter(l -> !l.isBlank()).orElse(id);
            CmlNode node = new CmlNode(all.size(), id, label, required(fields, block.pointer(), "node_definition",
                    "node " + all.size() + " ('" + label + "')", "it says what the node runs (iosv, iol-xe,"
                            + " alpine, ...)"), block, fields);
            if (byId.putIfAbsent(id, node) != null) {
                throw fields.get("id").invalid("node id '" + id + "' is used twice");
            }
            if (byLabel.putIfAbsent(label, node) != null) {
                throw new ContainerlabFormatException(PointerMap.append(block.pointer(), "label"),
                        "node label '" + label + "' is used twice; LabForge names must be unique");
            }
            all.add(node);
        }
        Map<String, String> names = NodeNames.map(all.stream()
                .filter(n -> !n.definition().equals(CONNECTOR)).map(CmlNode::label).toList());
        CatalogImages images = new CatalogImages(catalog);
        List<Node> nodes = new ArrayList<>();
        Map<String, Map<String, Port>> ports = new HashMap<>();
        Map<String, List<Endpoint>> segmentMembers = new LinkedHashMap<>();
        Map<String, Integer> segmentIndex = new HashMap<>();
        List<Segment> segmentShells = new ArrayList<>();
        Map<String, String> ifaceNames = new HashMap<>(); // node id + "/" + interface id to the model's name
        for (CmlNode node : all) {
            String at = node.block().pointer();
            if (node.definition().equals(CONNECTOR)) {
                warnings.add(PointerMap.append(at, "node_definition"), "external connector '" + node.label()
                        + "' reaches outside the lab, which LabForge labs do not; it and its links are left out");
                continue;
            }
            String model = names.get(node.label());
            String display = model.equals(node.label()) ? null : node.label();
            if (display != null) {
                warnings.add(PointerMap.append(at, "label"), "node label '" + node.label() + "' is no DNS-1123 label,"
                        + " which Kubernetes needs; it is called '" + model + "' in LabForge and shows as '"
                        + node.label() + "'");
            }
            Map<String, Port> own = ports(node, warnings);
            ports.put(node.id(), own);
            if (node.definition().equals(SWITCH)) {
                String seg = "/segments/" + segmentShells.size();
                pointers.put(seg, at).put(seg + "/name", PointerMap.append(at, "label"))
                        .put(seg + "/endpoints", at);
                segmentIndex.put(node.id(), segmentShells.size());
                segmentShells.add(new Segment(model, List.of(), null, display));
                segmentMembers.put(node.id(), new ArrayList<>());
                continue;
            }
            String modelAt = "/nodes/" + nodes.size();
            pointers.put(modelAt, at).put(modelAt + "/name", PointerMap.append(at, "label"));
            Optional<String> imageDefinition = text(node.fields(), "image_definition").filter(s -> !s.isBlank());
            String kind = KINDS.get(node.definition());
            CatalogImages.Choice choice = images.choose(imageDefinition.orElse(null), kind);
            if (choice.match() == CatalogImages.Match.NONE || choice.match() == CatalogImages.Match.KIND) {
                Optional<CatalogImage> named = images.named(node.definition());
                if (named.isPresent()) {
                    choice = new CatalogImages.Choice(named.get().name(), CatalogImages.Match.NAME);
                }
            }
            String image = choice.match() == CatalogImages.Match.NONE ? node.definition() : choice.image();
            pointers.put(modelAt + "/image", PointerMap.append(at, imageDefinition.isPresent()
                    && choice.match() != CatalogImages.Match.NONE ? "image_definition" : "node_definition"));
            String config = configuration(node, warnings);
            if (config != null) {
                pointers.put(modelAt + "/startupConfig", PointerMap.append(at, "configuration"));
            }
            Position position = position(node.fields());
            if (position != null) {
                pointers.put(modelAt + "/position", PointerMap.append(at, "x"));
            }
            Integer cpus = count(node.fields(), "cpus");
            Integer ram = count(node.fields(), "ram");
            if (cpus != null) {
                pointers.put(modelAt + "/cpu", PointerMap.append(at, "cpus"));
            }
            if (ram != null) {
                pointers.put(modelAt + "/memoryMib", PointerMap.append(at, "ram"));
            }
            Optional<CatalogImage> entry = images.named(image);
            own.forEach((ifaceId, port) -> ifaceNames.put(node.id() + "/" + ifaceId, port.label()));
            entry.filter(e -> e.interfaces() != null).ifPresent(e -> rename(node, e, own, ifaceNames, warnings));
            nodes.add(new Node(model, image, cpus, ram, config, Map.of(), position, display, null));
        }
        List<Link> links = new ArrayList<>();
        Located linkList = top.get("links");
        pointers.put("/links", linkList != null ? linkList.pointer() : "/nodes");
        List<Located> linkItems = linkList == null ? List.of() : linkList.items();
        for (int index = 0; index < linkItems.size(); index++) {
            Located entry = linkItems.get(index);
            Map<String, Located> fields = entry.entries();
            String which = "link " + index + named(fields.get("id"));
            CmlNode a = endNode(fields, entry.pointer(), "n1", which, byId);
            CmlNode b = endNode(fields, entry.pointer(), "n2", which, byId);
            String ia = endIface(fields, entry.pointer(), "i1", which, a, ports);
            String ib = endIface(fields, entry.pointer(), "i2", which, b, ports);
            if (a.definition().equals(CONNECTOR) || b.definition().equals(CONNECTOR)) {
                continue; // said once, at the connector
            }
            boolean aSwitch = a.definition().equals(SWITCH);
            boolean bSwitch = b.definition().equals(SWITCH);
            if (aSwitch && bSwitch) {
                warnings.add(entry.pointer(), "a link between two unmanaged switches (" + a.label() + ", "
                        + b.label() + ") joins two segments; LabForge keeps them as two segments, so this link"
                        + " is not imported");
                continue;
            }
            if (aSwitch || bSwitch) {
                CmlNode member = aSwitch ? b : a;
                String iface = ifaceNames.get(member.id() + "/" + (aSwitch ? ib : ia));
                List<Endpoint> members = segmentMembers.get((aSwitch ? a : b).id());
                int segment = segmentIndex.get((aSwitch ? a : b).id());
                pointers.put("/segments/" + segment + "/endpoints/" + members.size(),
                        PointerMap.append(entry.pointer(), aSwitch ? "i2" : "i1"));
                members.add(new Endpoint(names.get(member.label()), iface));
                continue;
            }
            String model = "/links/" + links.size();
            pointers.put(model, entry.pointer()).put(model + "/endpoints", entry.pointer())
                    .put(model + "/endpoints/0", PointerMap.append(entry.pointer(), "i1"))
                    .put(model + "/endpoints/1", PointerMap.append(entry.pointer(), "i2"));
            links.add(new Link(new Endpoint(names.get(a.label()), ifaceNames.get(a.id() + "/" + ia)),
                    new Endpoint(names.get(b.label()), ifaceNames.get(b.id() + "/" + ib)), null));
        }
        List<Segment> segments = new ArrayList<>();
        List<List<Endpoint>> memberLists = new ArrayList<>(segmentMembers.values());
        for (int i = 0; i < segmentShells.size(); i++) {
            Segment shell = segmentShells.get(i);
            segments.add(new Segment(shell.name(), memberLists.get(i), null, shell.displayName()));
        }
        return new ContainerlabImport(name, new Topology(nodes, links, segments), warnings.list(), pointers.build());
    }

    /** The lab title as a LabForge lab name: kept when valid, else made one from it, with a warning. */
    private static String labName(Located lab, Warnings warnings) {
        Map<String, Located> fields = lab == null ? Map.of() : lab.entries();
        return LabNames.from(text(fields, "title").orElse(null), "/lab/title", "cml-lab", warnings);
    }

    /** Physical interfaces by id, ordered by slot; loopbacks and other kinds are not data ports and are skipped. */
    private static Map<String, Port> ports(CmlNode node, Warnings warnings) {
        Located list = node.fields().get("interfaces");
        record Raw(String id, String label, int slot) {
        }
        List<Raw> raw = new ArrayList<>();
        List<Located> items = list == null ? List.of() : list.items();
        for (int i = 0; i < items.size(); i++) {
            Located item = items.get(i);
            Map<String, Located> fields = item.entries();
            String type = text(fields, "type").orElse("physical");
            if (!type.equals("physical")) {
                continue;
            }
            String id = required(fields, item.pointer(), "id", "interface " + i + text(fields, "label")
                    .filter(l -> !l.isBlank()).map(l -> " ('" + l + "')").orElse("") + " of node '" + node.label()
                    + "'", "links name interfaces by it");
            Located slot = fields.get("slot");
            int number = slot == null || slot.isNull() ? raw.size() : slot.intValue();
            raw.add(new Raw(id, text(fields, "label").filter(l -> !l.isBlank()).orElse(id), number));
        }
        raw.sort(Comparator.comparingInt(Raw::slot));
        Map<String, Port> out = new LinkedHashMap<>();
        for (Raw r : raw) {
            out.put(r.id(), new Port(r.label(), out.size()));
        }
        return out;
    }

    /**
     * Interface labels the image accepts stay (an alias becomes the image's own form); otherwise every physical
     * interface of the node takes the image's data port of its slot order, said once per node.
     */
    private static void rename(CmlNode node, CatalogImage image, Map<String, Port> own, Map<String, String> names,
                               Warnings warnings) {
        boolean accepted = own.values().stream().allMatch(port -> image.interfaces().isDataPort(port.label())
                || image.interfaces().canonical(port.label(), image.interfaceAliases()).isPresent());
        if (accepted) {
            own.forEach((id, port) -> names.put(node.id() + "/" + id, image.interfaces()
                    .canonical(port.label(), image.interfaceAliases()).orElse(port.label())));
            return;
        }
        List<String> renamed = new ArrayList<>();
        own.forEach((id, port) -> {
            String name = port.order() < image.interfaces().maxPorts() ? image.interfaces().dataPort(port.order())
                    : port.label();
            names.put(node.id() + "/" + id, name);
            if (renamed.size() < 4) {
                renamed.add(port.label() + " -> " + name);
            }
        });
        warnings.add(PointerMap.append(node.block().pointer(), "interfaces"), "image '" + image.name()
                + "' names its data ports " + image.interfaces().describe() + "; the interfaces of '" + node.label()
                + "' are mapped in slot order (" + String.join(", ", renamed) + (own.size() > 4 ? ", ..." : "")
                + ")");
    }

    /** A configuration text, or CML 2.5's list of named files, whose first file is the startup configuration. */
    private static String configuration(CmlNode node, Warnings warnings) {
        Located config = node.fields().get("configuration");
        if (config == null || config.isNull()) {
            return null;
        }
        if (config.value() instanceof YamlValue.Sequence) {
            List<Located> files = config.items();
            if (files.isEmpty()) {
                return null;
            }
            if (files.size() > 1) {
                warnings.add(files.get(1).pointer(), "LabForge boots a node with one configuration; only the first"
                        + " file, " + text(files.get(0).entries(), "name").orElse("unnamed") + ", is kept");
            }
            return text(files.get(0).entries(), "content").filter(s -> !s.isEmpty()).orElse(null);
        }
        return config.text().filter(s -> !s.isEmpty()).orElse(null);
    }

    private static Position position(Map<String, Located> fields) {
        Located x = fields.get("x");
        Located y = fields.get("y");
        if (x == null || y == null || x.isNull() || y.isNull()) {
            return null;
        }
        double px = coordinate(x);
        double py = coordinate(y);
        return Double.isFinite(px) && Double.isFinite(py) ? new Position(px, py) : null;
    }

    /** A YAML number as written: decimal, or an integer in 0x/0o form; .inf and .nan are not places. */
    private static double coordinate(Located value) {
        String text = value.number().orElseThrow();
        if (value.isInteger()) {
            return value.intValue();
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw value.invalid("must be a finite number");
        }
    }

    /** CML's cpus and ram (MiB): a whole number, or null when absent; the validator judges the size. */
    private static Integer count(Map<String, Located> fields, String key) {
        Located value = fields.get(key);
        return value == null || value.isNull() ? null : value.intValue();
    }

    private static CmlNode endNode(Map<String, Located> fields, String at, String key, String link,
                                   Map<String, CmlNode> byId) {
        String id = required(fields, at, key, link, "the node at its " + end(key) + " end");
        CmlNode node = byId.get(id);
        if (node == null) {
            throw fields.get(key).invalid("no node has id '" + id + "'");
        }
        return node;
    }

    private static String endIface(Map<String, Located> fields, String at, String key, String link, CmlNode node,
                                   Map<String, Map<String, Port>> ports) {
        String id = required(fields, at, key, link, "the interface of '" + node.label() + "' at its " + end(key)
                + " end");
        Map<String, Port> own = ports.get(node.id());
        if (own != null && !own.containsKey(id)) {
            throw fields.get(key).invalid("node '" + node.label() + "' has no physical interface with id '" + id
                    + "'");
        }
        return id;
    }

    private static Optional<String> text(Map<String, Located> fields, String key) {
        Located value = fields.get(key);
        return value == null ? Optional.empty() : value.text();
    }

    /** " ('l0')" for a text value, to name a part in a message; nothing for any other value, never a refusal. */
    private static String named(Located value) {
        return value != null && value.value() instanceof YamlValue.Scalar scalar && !scalar.text().isBlank()
                && !value.isNull() ? " ('" + scalar.text() + "')" : "";
    }

    private static String end(String key) {
        return key.endsWith("1") ? "first" : "second";
    }

    /** A field CML always writes; missing or blank, the refusal names the part that lacks it and what it is for. */
    private static String required(Map<String, Located> fields, String parent, String key, String what,
                                   String purpose) {
        return text(fields, key).filter(s -> !s.isBlank())
                .orElseThrow(() -> new ContainerlabFormatException(PointerMap.append(parent, key), what + " has no '"
                        + key + "' (" + purpose + ")"));
    }
}
