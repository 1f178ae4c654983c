package dev.labforge.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A lab definition: routers, the point-to-point links between their interfaces, and the shared segments (LANs) that
 * several interfaces join.
 */
public record Topology(List<Node> nodes, List<Link> links, List<Segment> segments) {

    public Topology {
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        links = links == null ? List.of() : List.copyOf(links);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public Topology(List<Node> nodes, List<Link> links) {
        this(nodes, links, List.of());
    }

    public static Topology empty() {
        return new Topology(List.of(), List.of(), List.of());
    }

    /** Every wired interface, links' ends first and then segments' members, each with its pointer in the model. */
    public List<Wire> wires() {
        List<Wire> out = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            List<Endpoint> ends = links.get(i).endpoints();
            for (int e = 0; e < ends.size(); e++) {
                out.add(new Wire(ends.get(e), "/links/" + i + "/endpoints/" + e, i, -1));
            }
        }
        for (int s = 0; s < segments.size(); s++) {
            List<Endpoint> ends = segments.get(s).endpoints();
            for (int e = 0; e < ends.size(); e++) {
                out.add(new Wire(ends.get(e), "/segments/" + s + "/endpoints/" + e, -1, s));
            }
        }
        return out;
    }

    /**
     * One interface plugged into a link or a segment.
     *
     * @param link    index of its link, or -1
     * @param segment index of its segment, or -1
     */
    public record Wire(Endpoint endpoint, String pointer, int link, int segment) {
    }

    public Optional<Node> node(String name) {
        return nodes.stream().filter(n -> Objects.equals(n.name(), name)).findFirst();
    }
}
