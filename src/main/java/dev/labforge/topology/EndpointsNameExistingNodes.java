package dev.labforge.topology;

import java.util.List;

final class EndpointsNameExistingNodes implements TopologyRule {

    @Override
    public String name() {
        return "endpoint-node-exists";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        for (int i = 0; i < topology.links().size(); i++) {
            List<Endpoint> ends = topology.links().get(i).endpoints();
            for (int e = 0; e < ends.size(); e++) {
                Endpoint end = ends.get(e);
                if (end.wellFormed() && topology.node(end.node()).isEmpty()) {
                    out.add(violation(TopologyRule.endpointPointer(i, e),
                            "node '" + end.node() + "' is not defined in this lab"));
                }
            }
        }
    }
}
