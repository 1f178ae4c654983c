package dev.labforge.containerlab;

import dev.labforge.containerlab.yaml.Located;
import dev.labforge.containerlab.yaml.YamlReader;
import dev.labforge.containerlab.yaml.YamlValue;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Topology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a containerlab topology file into a LabForge topology.
 *
 * <p>The result is not validated: the caller runs the topology validator and translates its pointers with
 * {@link ContainerlabImport#pointers()}. Only text that cannot be read as a containerlab file at all fails, with a
 * {@link ContainerlabFormatException}; settings without a LabForge equivalent become warnings.
 */
public final class ContainerlabImporter {

    // a Go template action: {{ if .x }}, {{- end }}, {{ range $i := ... }}, {{ .name }}
    private static final Pattern GO_TEMPLATE = Pattern.compile("\\{\\{-?\\s*(?:if|else|end|range|with|define|template"
            + "|block|[.$])[^\\n]*?}}");

    private static final Set<String> TOPOLOGY_SECTIONS = Set.of("nodes", "links", "defaults", "kinds", "groups");

    /**
     * Reads a file as sent: it must be UTF-8. Decoding leniently would store each malformed byte as U+FFFD and
     * answer 201 for bytes the JSON path refuses; the file is refused instead, naming where it breaks.
     */
    public ContainerlabImport read(byte[] file, ImageCatalogView catalog) throws ContainerlabFormatException {
        return read(Utf8Text.of(file), catalog);
    }

    public ContainerlabImport read(String yaml, ImageCatalogView catalog) throws ContainerlabFormatException {
        Objects.requireNonNull(catalog, "catalog");
        Located root = new Located(parse(yaml), "");
        if (!(root.value() instanceof YamlValue.Mapping)) {
            throw root.error("a containerlab topology must be a mapping with name and topology");
        }
        Warnings warnings = new Warnings();
        Map<String, Located> top = root.entries();
        String name = required(top, "", "name").text().filter(text -> !text.isBlank())
                .orElseThrow(() -> new ContainerlabFormatException("/name", "the field 'name' is required"));
        top.forEach((key, value) -> {
            if (!key.equals("name") && !key.equals("topology")) {
                UnmappedFields.report(key, value.pointer(), UnmappedFields.TOP_LEVEL, warnings);
            }
        });

        Located topologyBlock = required(top, "", "topology");
        if (!(topologyBlock.value() instanceof YamlValue.Mapping)) {
            throw topologyBlock.error("must be a mapping with nodes and links");
        }
        Map<String, Located> sections = topologyBlock.entries();
        sections.forEach((key, value) -> {
            if (!TOPOLOGY_SECTIONS.contains(key)) {
                UnmappedFields.report(key, value.pointer(), Set.of(), warnings);
            }
        });
        Inheritance inheritance = Inheritance.read(sections, warnings);
        PointerMap.Builder pointers = PointerMap.builder().put("", "");
        SegmentWiring segments = new SegmentWiring(warnings, pointers);
        Located nodeBlock = required(sections, "/topology", "nodes");
        CatalogImages images = new CatalogImages(catalog);
        Names names = new Names(new LinkedHashMap<>(), new KindNotes());
        List<Node> nodes = nodes(nodeBlock, inheritance, images, segments, names, warnings, pointers);
        Located linkList = sections.get("links");
        List<Link> links = links(linkList, segments, names.kinds(), warnings, pointers);
        names.kinds().report(warnings);
        pointers.put("/links", linkList != null ? linkList.pointer() : "/topology");
        pointers.put("/segments", nodeBlock.pointer());
        Topology read = new Topology(nodes, links, segments.segments());
        PointerMap map = pointers.build();
        Topology named = new EndpointNames(names.nodes(), images).apply(read, map, warnings);
        return new ContainerlabImport(name, named, warnings.list(), map);
    }

    private static List<Node> nodes(Located block, Inheritance inheritance, CatalogImages catalog,
                                    SegmentWiring segments, Names names, Warnings warnings,
                                    PointerMap.Builder pointers) {
        if (!(block.value() instanceof YamlValue.Mapping)) {
            throw block.error("must be a mapping of node names to node definitions");
        }
        pointers.put("/nodes", block.pointer());
        NodeReader reader = new NodeReader(inheritance, catalog, warnings, pointers, names.kinds());
        Map<String, Located> routers = new LinkedHashMap<>();
        Map<String, Located> bridges = new LinkedHashMap<>();
        block.entries().forEach((name, definition) -> {
            String kind = inheritance.kindOf(NodeConfig.read(definition, warnings)).map(Sourced::value).orElse(null);
            if (SegmentWiring.isBridge(kind)) {
                bridges.put(name, definition);
            } else if (KindNotes.notImported(kind)) {
                names.kinds().skipped(kind, name, definition.pointer());
            } else {
                routers.put(name, definition);
            }
        });
        // nodes and segments share one namespace, as in the file: mapped together, so no two end up the same
        List<String> named = new ArrayList<>(routers.keySet());
        named.addAll(bridges.keySet());
        Map<String, String> mapped = NodeNames.map(named);
        bridges.forEach((name, definition) -> {
            String model = mapped.get(name);
            if (!model.equals(name)) {
                warnings.add(definition.pointer(), "bridge name '" + name + "' is no DNS-1123 label, which Kubernetes"
                        + " needs; the segment is called '" + model + "' in LabForge, shows as '" + name
                        + "' and exports as '" + name + "'");
            }
            segments.add(name, model, definition.pointer());
        });
        routers.keySet().forEach(name -> names.nodes().put(name, mapped.get(name)));
        List<Node> nodes = new ArrayList<>();
        // a node without a body ("r1:") is allowed: it takes everything from its kind and the defaults
        routers.forEach((name, definition) -> {
            String model = names.nodes().get(name);
            if (!model.equals(name)) {
                warnings.add(definition.pointer(), "node name '" + name + "' is no DNS-1123 label, which Kubernetes"
                        + " needs; the node is called '" + model + "' in LabForge, shows as '" + name
                        + "' and exports as '" + name + "'");
            }
            nodes.add(reader.read(nodes.size(), model, model.equals(name) ? null : name, definition));
        });
        return nodes;
    }

    private static List<Link> links(Located block, SegmentWiring segments, KindNotes kinds, Warnings warnings,
                                    PointerMap.Builder pointers) {
        List<Link> links = new ArrayList<>();
        if (block == null) {
            return links;
        }
        LinkReader reader = new LinkReader(warnings);
        for (Located entry : block.items()) {
            Optional<Link> link = reader.read(entry);
            if (link.isPresent() && link.get().endpoints().stream().anyMatch(end -> kinds.isSkipped(end.node()))) {
                link.get().endpoints().stream().filter(end -> kinds.isSkipped(end.node())).findFirst()
                        .ifPresent(end -> kinds.skippedLink(end.node()));
                continue;
            }
            String endpoints = PointerMap.append(entry.pointer(), "endpoints");
            if (link.isPresent() && !segments.take(link.get(), entry.pointer(), endpoints,
                    PointerMap.append(entry.pointer(), "mtu"))) {
                // skipped links shift the model's indexes, so each kept link records its place in the file
                String model = "/links/" + links.size();
                pointers.put(model, entry.pointer())
                        .put(model + "/endpoints", endpoints)
                        .put(model + "/endpoints/0", endpoints + "/0")
                        .put(model + "/endpoints/1", endpoints + "/1");
                if (link.get().mtu() != null) {
                    pointers.put(model + "/mtu", PointerMap.append(entry.pointer(), "mtu"));
                }
                links.add(link.get());
            }
        }
        return links;
    }

    /** The file's node names and the model's, filled once the node block is read. */
    private record Names(Map<String, String> nodes, KindNotes kinds) {
    }

    /**
     * The YAML document. containerlab reads a topology file as a Go template first ({@code {{- if .x }}}), with
     * variables from a vars file or the command line; LabForge gets one file and no variables, so it cannot render
     * one. When such a file is no YAML before rendering, the refusal says so and how to get the rendered file.
     */
    private static YamlValue parse(String yaml) {
        try {
            return YamlReader.read(yaml);
        } catch (ContainerlabFormatException e) {
            Matcher action = GO_TEMPLATE.matcher(yaml);
            if (!e.pointer().isEmpty() || !action.find()) {
                throw e;
            }
            long line = yaml.substring(0, action.start()).chars().filter(c -> c == '\n').count() + 1;
            throw new ContainerlabFormatException("", e.getMessage() + ". The file is a containerlab Go template ("
                    + action.group().strip() + " on line " + line + "), which containerlab renders with its"
                    + " variables before reading it; LabForge reads the rendered file, which containerlab deploy"
                    + " --export-rendered FILE writes");
        }
    }

    private static Located required(Map<String, Located> fields, String parent, String key) {
        Located value = fields.get(key);
        if (value == null || value.isNull()) {
            throw new ContainerlabFormatException(PointerMap.append(parent, key),
                    "the field '" + key + "' is required");
        }
        return value;
    }
}
