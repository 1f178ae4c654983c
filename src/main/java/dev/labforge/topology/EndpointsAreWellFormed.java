package dev.labforge.topology;

import java.util.List;

final class EndpointsAreWellFormed implements TopologyRule {

    @Override
    public String name() {
        return "endpoint-format";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        for (int i = 0; i < topology.links().size(); i++) {
            List<Endpoint> ends = topology.links().get(i).endpoints();
            for (int e = 0; e < ends.size(); e++) {
                if (!ends.get(e).wellFormed()) {
                    out.add(violation(TopologyRule.endpointPointer(i, e),
                            "must be written node:interface, e.g. r1:eth1"));
                }
            }
        }
    }
}
