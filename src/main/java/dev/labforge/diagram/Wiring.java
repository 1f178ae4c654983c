package dev.labforge.diagram;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts the links by what they connect (a pair of nodes, a node to itself, a node to nothing) and has each
 * kind routed. A link neither of whose nodes exists is left out: there is nowhere to draw it.
 */
final class Wiring {

    private final int nodeCount;
    /** Links between two different nodes, grouped by pair in the order the pairs first appear. */
    private final Map<Long, List<Cable>> pairs = new LinkedHashMap<>();
    private final List<List<Cable>> loops = new ArrayList<>();
    private final List<List<Cable>> stubs = new ArrayList<>();

    Wiring(List<String> nodeNames, List<Link> links) {
        this.nodeCount = nodeNames.size();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodeCount; i++) {
            index.putIfAbsent(nodeNames.get(i), i);
            loops.add(new ArrayList<>());
            stubs.add(new ArrayList<>());
        }
        for (int order = 0; order < links.size(); order++) {
            Link link = withBothEnds(links.get(order));
            Integer a = index.get(link.a().node());
            Integer b = index.get(link.b().node());
            if (a == null && b == null) {
                continue;
            }
            if (a == null || b == null) {
                stubs.get(a != null ? a : b).add(Cable.from(order, link, a != null));
            } else if (a.equals(b)) {
                loops.get(a).add(Cable.from(order, link, true));
            } else {
                int low = Math.min(a, b);
                pairs.computeIfAbsent(key(low, Math.max(a, b)), k -> new ArrayList<>())
                        .add(Cable.from(order, link, a == low));
            }
        }
    }

    /** Each pair of linked nodes once: what pulls nodes together in the layout. */
    Edge[] edges() {
        return pairs.entrySet().stream()
                .map(pair -> new Edge((int) (pair.getKey() / nodeCount), (int) (pair.getKey() % nodeCount),
                        widestPill(pair.getValue(), true), widestPill(pair.getValue(), false),
                        widestCaption(pair.getValue())))
                .toArray(Edge[]::new);
    }

    private static double widestCaption(List<Cable> cables) {
        double widest = 0;
        for (Cable cable : cables) {
            String mtu = Route.mtuText(cable.link());
            widest = Math.max(widest, mtu == null ? 0 : TextWidth.of(mtu, Caption.FONT_SIZE, false));
        }
        return widest;
    }

    private static double widestPill(List<Cable> cables, boolean near) {
        double widest = 0;
        for (Cable cable : cables) {
            String iface = near ? cable.nearIface() : cable.far().iface();
            widest = Math.max(widest, iface.isEmpty() ? 0 : Tag.of(iface).width());
        }
        return widest;
    }

    /** How every drawable link is drawn between the placed cards, in the order of the links. */
    List<Route> routes(List<Card> cards) {
        List<Route> routes = new ArrayList<>();
        List<List<Vec>> around = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            around.add(new ArrayList<>());
        }
        for (Map.Entry<Long, List<Cable>> pair : pairs.entrySet()) {
            int a = (int) (pair.getKey() / nodeCount);
            int b = (int) (pair.getKey() % nodeCount);
            for (Route lane : Lanes.between(cards.get(a), cards.get(b), pair.getValue())) {
                routes.add(lane);
                // the first and last stretch: outer lanes of a bundle fan out sideways and take that side too
                List<Vec> p = lane.points();
                around.get(a).add(p.get(1).minus(p.get(0)).unit());
                around.get(b).add(p.get(p.size() - 2).minus(p.get(p.size() - 1)).unit());
            }
        }
        for (int i = 0; i < nodeCount; i++) {
            if (loops.get(i).isEmpty() && stubs.get(i).isEmpty()) {
                continue;
            }
            Compass compass = new Compass(around.get(i));
            for (Cable cable : loops.get(i)) {
                routes.add(SelfLoops.route(cards.get(i), cable, compass));
            }
            for (Cable cable : stubs.get(i)) {
                routes.add(Stubs.route(cards.get(i), cable, compass));
            }
        }
        routes.sort(Comparator.comparingInt(Route::order));
        return LabelPlacement.spread(routes, cards);
    }

    /** A link built in code may lack an endpoint; it is drawn as one whose node does not exist. */
    private static Link withBothEnds(Link link) {
        if (link.a() != null && link.b() != null) {
            return link;
        }
        Endpoint none = new Endpoint("", "");
        return new Link(link.a() == null ? none : link.a(), link.b() == null ? none : link.b(), link.mtu());
    }

    private long key(int low, int high) {
        return (long) low * nodeCount + high;
    }
}
