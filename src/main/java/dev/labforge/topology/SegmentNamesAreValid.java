package dev.labforge.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Segment names are DNS-1123 labels (they name cluster objects and containerlab nodes), unique among segments, and
 * never a node's name: containerlab writes a segment as a {@code bridge} node, and endpoints name nodes.
 */
final class SegmentNamesAreValid implements TopologyRule {

    @Override
    public String name() {
        return "segment-name";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        Map<String, Integer> firstSeen = new HashMap<>();
        for (int i = 0; i < topology.segments().size(); i++) {
            String name = topology.segments().get(i).name();
            String pointer = "/segments/" + i + "/name";
            if (name == null || !NodeNamesAreDnsLabels.DNS_LABEL.matcher(name).matches()) {
                out.add(violation(pointer, "must be a DNS-1123 label: 1-63 lower-case letters, digits or '-',"
                        + " starting and ending with a letter or digit"));
                continue;
            }
            Integer first = firstSeen.putIfAbsent(name, i);
            if (first != null) {
                out.add(violation(pointer, "segment name '" + name + "' is already used by /segments/" + first));
            } else if (topology.node(name).isPresent()) {
                out.add(violation(pointer, "'" + name + "' is already a node's name; segments and nodes share names"));
            }
        }
    }
}
