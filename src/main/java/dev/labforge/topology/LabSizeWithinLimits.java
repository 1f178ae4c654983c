package dev.labforge.topology;

import java.util.List;

final class LabSizeWithinLimits implements TopologyRule {

    @Override
    public String name() {
        return "lab-size";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        TopologyLimits limits = context.limits();
        if (topology.nodes().size() > limits.maxNodes()) {
            out.add(violation("/nodes", "a lab may have at most " + limits.maxNodes() + " nodes"));
        }
        if (topology.links().size() > limits.maxLinks()) {
            out.add(violation("/links", "a lab may have at most " + limits.maxLinks() + " links"));
        }
        if (topology.segments().size() > limits.maxLinks()) {
            out.add(violation("/segments", "a lab may have at most " + limits.maxLinks() + " segments"));
        }
        for (int i = 0; i < topology.segments().size(); i++) {
            // every member is a NIC on some node, so a segment never needs more members than the lab has NIC slots
            if (topology.segments().get(i).endpoints().size() > limits.maxLinks()) {
                out.add(violation("/segments/" + i + "/endpoints",
                        "a segment may have at most " + limits.maxLinks() + " endpoints"));
            }
        }
    }
}
