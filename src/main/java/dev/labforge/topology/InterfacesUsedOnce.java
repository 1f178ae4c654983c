package dev.labforge.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A point-to-point interface has one cable; a second link on it is a wiring mistake. */
final class InterfacesUsedOnce implements TopologyRule {

    @Override
    public String name() {
        return "interface-single-use";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        Map<Endpoint, String> firstUse = new HashMap<>();
        for (int i = 0; i < topology.links().size(); i++) {
            Link link = topology.links().get(i);
            if (link.a().equals(link.b())) {
                continue; // reported by link-not-self
            }
            List<Endpoint> ends = link.endpoints();
            for (int e = 0; e < ends.size(); e++) {
                Endpoint end = ends.get(e);
                if (!end.wellFormed()) {
                    continue;
                }
                String pointer = TopologyRule.endpointPointer(i, e);
                String first = firstUse.putIfAbsent(end, pointer);
                if (first != null) {
                    out.add(violation(pointer, "interface " + end + " is already used by " + first));
                }
            }
        }
    }
}
