package dev.labforge.topology;

import java.util.List;
import java.util.regex.Pattern;

/** Node names become parts of Kubernetes object and host names, so they must be DNS-1123 labels. */
final class NodeNamesAreDnsLabels implements TopologyRule {

    static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    @Override
    public String name() {
        return "node-name-format";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        for (int i = 0; i < topology.nodes().size(); i++) {
            String name = topology.nodes().get(i).name();
            if (name == null || !DNS_LABEL.matcher(name).matches()) {
                out.add(violation(TopologyRule.nodePointer(i, "name"),
                        "must be a DNS-1123 label: 1-63 lower-case letters, digits or '-', starting and ending"
                                + " with a letter or digit"));
            }
        }
    }
}
