package dev.labforge.topology;

import java.util.List;

final class EndpointsNameExistingNodes implements TopologyRule {

    @Override
    public String name() {
        return "endpoint-node-exists";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        for (Topology.Wire wire : topology.wires()) {
            Endpoint end = wire.endpoint();
            if (end.wellFormed() && topology.node(end.node()).isEmpty()) {
                boolean segment = topology.segments().stream().anyMatch(s -> end.node().equals(s.name()));
                out.add(violation(wire.pointer(), "node '" + end.node() + "' is not defined in this lab"
                        + (segment ? " ('" + end.node() + "' is a segment: list the interface among its endpoints"
                        + " instead of linking to it)" : "")));
            }
        }
    }
}
