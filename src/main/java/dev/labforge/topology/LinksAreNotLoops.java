package dev.labforge.topology;

import java.util.List;

final class LinksAreNotLoops implements TopologyRule {

    @Override
    public String name() {
        return "link-not-self";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        for (int i = 0; i < topology.links().size(); i++) {
            Link link = topology.links().get(i);
            if (link.a().wellFormed() && link.a().equals(link.b())) {
                out.add(violation(TopologyRule.endpointPointer(i, 1),
                        "a link cannot connect interface " + link.a() + " to itself"));
            }
        }
    }
}
