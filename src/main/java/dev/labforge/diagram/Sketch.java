package dev.labforge.diagram;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The picture before layout: a box per node and a wire per link, then a switch box per shared segment with a
 * wire to each member (the member's interface name at its end, none at the segment's). A link or member on a
 * node the lab does not have gets a small box of its own for that end, so the mistake shows; a link neither
 * of whose nodes exists is left out, as there is nowhere to draw it.
 *
 * @param linkCount every link of the topology, drawn or not, so the legend can say what was left out
 */
record Sketch(List<Card> cards, List<Wire> wires, int linkCount) {

    static Sketch of(Topology topology) {
        Topology lab = topology == null ? Topology.empty() : topology;
        List<Card> cards = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (Node node : lab.nodes()) {
            Card card = Card.of(node);
            index.putIfAbsent(card.name(), cards.size());
            cards.add(card);
        }
        List<Wire> wires = new ArrayList<>();
        for (int order = 0; order < lab.links().size(); order++) {
            Link link = withBothEnds(lab.links().get(order));
            Integer a = index.get(link.a().node());
            Integer b = index.get(link.b().node());
            if (a == null && b == null) {
                continue;
            }
            String mtu = link.mtu() == null ? null : "mtu " + link.mtu();
            if (a == null || b == null) {
                Endpoint missing = a == null ? link.a() : link.b();
                Endpoint present = a == null ? link.b() : link.a();
                cards.add(Card.missing(missing.node(), missing.iface()));
                wires.add(new Wire(order, link, Route.Kind.STUB, a == null ? b : a, present.iface(),
                        cards.size() - 1, "", mtu, null));
            } else {
                wires.add(new Wire(order, link, a.equals(b) ? Route.Kind.LOOP : Route.Kind.LANE,
                        a, link.a().iface(), b, link.b().iface(), mtu, null));
            }
        }
        int order = lab.links().size();
        for (Segment segment : lab.segments()) {
            Card box = Card.segment(segment);
            int at = cards.size();
            cards.add(box);
            for (Endpoint member : segment.endpoints()) {
                Link join = new Link(member, new Endpoint(box.name(), ""), segment.mtu());
                Integer node = index.get(member.node());
                if (node == null) {
                    cards.add(Card.missing(member.node(), member.iface()));
                    wires.add(new Wire(order++, join, Route.Kind.STUB, at, "", cards.size() - 1, "", null,
                            box.name()));
                } else {
                    wires.add(new Wire(order++, join, Route.Kind.MEMBER, node, member.iface(), at, "", null,
                            box.name()));
                }
            }
        }
        return new Sketch(List.copyOf(cards), List.copyOf(wires), lab.links().size());
    }

    /** A link built in code may lack an endpoint; it is drawn as one whose node does not exist. */
    private static Link withBothEnds(Link link) {
        if (link.a() != null && link.b() != null) {
            return link;
        }
        Endpoint none = new Endpoint("", "");
        return new Link(link.a() == null ? none : link.a(), link.b() == null ? none : link.b(), link.mtu());
    }
}
