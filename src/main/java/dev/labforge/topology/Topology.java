package dev.labforge.topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A lab definition: routers and the point-to-point links between their interfaces. */
public record Topology(List<Node> nodes, List<Link> links) {

    public Topology {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        links = links == null ? List.of() : List.copyOf(links);
    }

    public static Topology empty() {
        return new Topology(List.of(), List.of());
    }

    public Optional<Node> node(String name) {
        return nodes.stream().filter(n -> Objects.equals(n.name(), name)).findFirst();
    }
}
