package dev.labforge.diagram;

import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Topology;
import java.util.List;

/**
 * Everything the diagram shows, placed and routed, before any markup is written.
 *
 * @param linkCount every link of the topology, drawn or not, so the legend can say what was left out
 */
record Scene(String title, List<Card> cards, List<Route> routes, int linkCount) {

    static Scene of(String labName, Topology topology) {
        Topology lab = topology == null ? Topology.empty() : topology;
        List<Node> nodes = lab.nodes();
        List<Card> cards = nodes.stream().map(Card::of).toList();
        Wiring wiring = new Wiring(cards.stream().map(Card::name).toList(), lab.links());
        List<Position> positions = nodes.stream().map(Node::position).toList();
        List<Card> placed = Placement.place(cards, positions, wiring.edges());
        String title = labName == null || labName.isBlank() ? "Untitled lab" : labName.strip();
        return new Scene(title, placed, wiring.routes(placed), lab.links().size());
    }

    long count(Route.Kind kind) {
        return routes.stream().filter(r -> r.kind() == kind).count();
    }
}
