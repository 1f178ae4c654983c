package dev.labforge.topology;

import java.util.List;

final class EndpointsAreWellFormed implements TopologyRule {

    @Override
    public String name() {
        return "endpoint-format";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        for (Topology.Wire wire : topology.wires()) {
            if (!wire.endpoint().wellFormed()) {
                out.add(violation(wire.pointer(), "must be written node:interface, e.g. r1:eth1"));
            }
        }
    }
}
