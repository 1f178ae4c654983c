package dev.labforge.diagram;

import dev.labforge.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the diagram shows, placed and routed, before any markup is written.
 *
 * @param cards     the nodes' boxes, in the topology's order, then the boxes of missing nodes
 * @param linkCount every link of the topology, drawn or not, so the legend can say what was left out
 */
record Scene(String title, List<Card> cards, List<Route> routes, int linkCount) {

    static Scene of(String labName, Topology topology) {
        Sketch sketch = Sketch.of(topology);
        boolean[] wired = new boolean[sketch.cards().size()];
        for (Wire wire : sketch.wires()) {
            wired[wire.from()] = true;
            wired[wire.to()] = true;
        }
        // a drawing saved whole keeps its arrangement, loose boxes included; otherwise they go in a row
        boolean sketched = sketch.cards().stream().allMatch(c -> c.kind() == Kind.MISSING || c.given() != null);
        List<Integer> linked = new ArrayList<>();
        List<Integer> loose = new ArrayList<>();
        for (int i = 0; i < wired.length; i++) {
            (wired[i] || sketched ? linked : loose).add(i);
        }
        ElkLayout.Layout layout = ElkLayout.run(sketch, linked);
        List<Card> cards = new ArrayList<>(layout.cards());
        LooseRow.place(cards, loose, layout.width(), layout.height());
        List<Route> routes = new ArrayList<>(layout.routes());
        routes.sort(Comparator.comparingInt(Route::order));
        String title = labName == null || labName.isBlank() ? "Untitled lab" : labName.strip();
        return new Scene(title, List.copyOf(cards), List.copyOf(routes), sketch.linkCount());
    }

    /** The boxes of the lab's own nodes, without those standing for missing ones or for segments. */
    List<Card> nodes() {
        return cards.stream().filter(c -> c.kind() != Kind.MISSING && !c.segment()).toList();
    }

    List<Card> segments() {
        return cards.stream().filter(Card::segment).toList();
    }

    long count(Route.Kind kind) {
        return routes.stream().filter(r -> r.kind() == kind).count();
    }
}
