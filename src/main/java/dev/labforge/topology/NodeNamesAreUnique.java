package dev.labforge.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class NodeNamesAreUnique implements TopologyRule {

    @Override
    public String name() {
        return "node-name-unique";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        Map<String, Integer> firstSeen = new HashMap<>();
        for (int i = 0; i < topology.nodes().size(); i++) {
            String name = topology.nodes().get(i).name();
            if (name == null) {
                continue;
            }
            Integer first = firstSeen.putIfAbsent(name, i);
            if (first != null) {
                out.add(violation(TopologyRule.nodePointer(i, "name"),
                        "node name '" + name + "' is already used by /nodes/" + first));
            }
        }
    }
}
