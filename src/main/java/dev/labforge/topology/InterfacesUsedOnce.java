package dev.labforge.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An interface has one cable: a second link on it, or a link and a segment, or two segments, is a wiring mistake.
 * A router joins a LAN through one interface per LAN, as it would plug one cable into a switch.
 */
final class InterfacesUsedOnce implements TopologyRule {

    @Override
    public String name() {
        return "interface-single-use";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        Map<Endpoint, String> firstUse = new HashMap<>();
        for (Topology.Wire wire : topology.wires()) {
            Endpoint end = wire.endpoint();
            if (!end.wellFormed()) {
                continue;
            }
            if (wire.link() >= 0 && isLoop(topology.links().get(wire.link()))) {
                continue; // reported by link-not-self
            }
            String first = firstUse.putIfAbsent(end, wire.pointer());
            if (first != null) {
                out.add(violation(wire.pointer(), "interface " + end + " is already used by " + first));
            }
        }
    }

    private static boolean isLoop(Link link) {
        return link.a().equals(link.b());
    }
}
