package dev.labforge.containerlab;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites a read file's endpoints into the model's names: node names as {@link NodeNames} mapped them, and interface
 * names the node's image accepts as aliases ({@code ethernet-1/1} for SR Linux's {@code e1-1}) as the image's own
 * pattern names them. Endpoints keep their places, so the pointers into the file stay right.
 */
final class EndpointNames {

    private final Map<String, String> nodeNames;
    private final Map<String, CatalogImage> imageOfNode = new HashMap<>();

    EndpointNames(Map<String, String> nodeNames, CatalogImages images) {
        this.nodeNames = nodeNames;
        this.images = images;
    }

    private final CatalogImages images;

    Topology apply(Topology read) {
        for (Node node : read.nodes()) {
            images.named(node.image()).ifPresent(image -> imageOfNode.put(node.name(), image));
        }
        return new Topology(read.nodes(),
                read.links().stream().map(l -> new Link(endpoint(l.a()), endpoint(l.b()), l.mtu())).toList(),
                read.segments().stream().map(s -> new Segment(s.name(),
                        s.endpoints().stream().map(this::endpoint).toList(), s.mtu(), s.displayName())).toList());
    }

    private Endpoint endpoint(Endpoint end) {
        String node = nodeNames.getOrDefault(end.node(), end.node());
        CatalogImage image = imageOfNode.get(node);
        String iface = Optional.ofNullable(image).filter(i -> i.interfaces() != null)
                .flatMap(i -> i.interfaces().canonical(end.iface(), i.interfaceAliases()))
                .orElse(end.iface());
        return new Endpoint(node, iface);
    }
}
