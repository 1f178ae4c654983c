package dev.labforge.containerlab;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites a read file's endpoints into the model's names: node names as {@link NodeNames} mapped them, and interface
 * names the node's image accepts as aliases ({@code ethernet-1/1} for SR Linux's {@code e1-1}) as the image's own
 * pattern names them. Endpoints keep their places, so the pointers into the file stay right.
 *
 * <p>A {@code linux} container takes any interface name ({@code some1}, {@code net0}); a Linux VM's guest names its
 * NICs itself, in order, so such a name cannot be kept. Each one takes the node's first data port no other endpoint
 * uses, the same port wherever the name recurs, said once per node at its first renamed endpoint.
 */
final class EndpointNames {

    private static final String LINUX = "linux";

    private final Map<String, String> nodeNames;
    private final CatalogImages images;
    private final Map<String, CatalogImage> imageOfNode = new HashMap<>();
    private final Map<String, Set<String>> used = new HashMap<>();
    // per node: the file's interface name to the data port it takes, in the order met
    private final Map<String, Map<String, String>> renamed = new LinkedHashMap<>();
    private final Map<String, String> firstRenamedAt = new HashMap<>();

    EndpointNames(Map<String, String> nodeNames, CatalogImages images) {
        this.nodeNames = nodeNames;
        this.images = images;
    }

    Topology apply(Topology read, PointerMap pointers, Warnings warnings) {
        for (Node node : read.nodes()) {
            images.named(node.image()).ifPresent(image -> imageOfNode.put(node.name(), image));
        }
        List<Link> links = read.links().stream().map(l -> new Link(endpoint(l.a()), endpoint(l.b()), l.mtu()))
                .toList();
        List<Segment> segments = read.segments().stream().map(s -> new Segment(s.name(),
                s.endpoints().stream().map(this::endpoint).toList(), s.mtu(), s.displayName())).toList();
        links.forEach(l -> l.endpoints().forEach(this::use));
        segments.forEach(s -> s.endpoints().forEach(this::use));
        List<Link> linksOut = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            linksOut.add(new Link(guestName(l.a(), pointers.toYaml("/links/" + i + "/endpoints/0")),
                    guestName(l.b(), pointers.toYaml("/links/" + i + "/endpoints/1")), l.mtu()));
        }
        List<Segment> segmentsOut = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            List<Endpoint> members = new ArrayList<>();
            for (int j = 0; j < s.endpoints().size(); j++) {
                members.add(guestName(s.endpoints().get(j), pointers.toYaml("/segments/" + i + "/endpoints/" + j)));
            }
            segmentsOut.add(new Segment(s.name(), members, s.mtu(), s.displayName()));
        }
        renamed.forEach((node, names) -> {
            CatalogImage image = imageOfNode.get(node);
            List<String> pairs = names.entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue()).toList();
            warnings.add(firstRenamedAt.get(node), "a linux node takes any interface name, a Linux VM's guest names"
                    + " its ports itself (image '" + image.name() + "': " + image.interfaces().describe() + "); the"
                    + " interfaces of '" + node + "' take free ports in their place (" + String.join(", ", pairs)
                    + ")");
        });
        return new Topology(read.nodes(), linksOut, segmentsOut);
    }

    private Endpoint endpoint(Endpoint end) {
        String node = nodeNames.getOrDefault(end.node(), end.node());
        CatalogImage image = imageOfNode.get(node);
        String iface = Optional.ofNullable(image).filter(i -> i.interfaces() != null)
                .flatMap(i -> i.interfaces().canonical(end.iface(), i.interfaceAliases()))
                .orElse(end.iface());
        return new Endpoint(node, iface);
    }

    private void use(Endpoint end) {
        used.computeIfAbsent(end.node(), n -> new HashSet<>()).add(end.iface());
    }

    /** The endpoint, or for a Linux image's node an interface its guest cannot have, the port that stands in. */
    private Endpoint guestName(Endpoint end, String at) {
        CatalogImage image = imageOfNode.get(end.node());
        if (image == null || image.interfaces() == null || !LINUX.equals(image.clabKind())
                || image.interfaces().isDataPort(end.iface())) {
            return end;
        }
        Map<String, String> own = renamed.computeIfAbsent(end.node(), n -> new LinkedHashMap<>());
        String port = own.get(end.iface());
        if (port == null) {
            Set<String> taken = used.get(end.node());
            for (int i = 0; i < image.interfaces().maxPorts() && port == null; i++) {
                String candidate = image.interfaces().dataPort(i);
                if (!taken.contains(candidate)) {
                    port = candidate;
                }
            }
            if (port == null) { // every port taken: the validator says which name is not one
                if (own.isEmpty()) {
                    renamed.remove(end.node());
                }
                return end;
            }
            taken.add(port);
            own.put(end.iface(), port);
            firstRenamedAt.putIfAbsent(end.node(), at);
        }
        return new Endpoint(end.node(), port);
    }
}
