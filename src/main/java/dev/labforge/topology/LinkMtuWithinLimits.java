package dev.labforge.topology;

import java.util.List;

final class LinkMtuWithinLimits implements TopologyRule {

    @Override
    public String name() {
        return "link-mtu";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        TopologyLimits limits = context.limits();
        for (int i = 0; i < topology.links().size(); i++) {
            Integer mtu = topology.links().get(i).mtu();
            if (mtu != null && (mtu < limits.minMtu() || mtu > limits.maxMtu())) {
                out.add(violation("/links/" + i + "/mtu",
                        "must be between " + limits.minMtu() + " and " + limits.maxMtu()));
            }
        }
        for (int i = 0; i < topology.segments().size(); i++) {
            Integer mtu = topology.segments().get(i).mtu();
            if (mtu != null && (mtu < limits.minMtu() || mtu > limits.maxMtu())) {
                out.add(violation("/segments/" + i + "/mtu",
                        "must be between " + limits.minMtu() + " and " + limits.maxMtu()));
            }
        }
    }
}
