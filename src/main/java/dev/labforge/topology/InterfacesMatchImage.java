package dev.labforge.topology;

import java.util.List;
import java.util.Optional;

/** Interface names follow the node image's naming pattern and stay within its data ports. */
final class InterfacesMatchImage implements TopologyRule {

    @Override
    public String name() {
        return "interface-name";
    }

    @Override
    public void check(Topology topology, RuleContext context, List<Violation> out) {
        for (Topology.Wire wire : topology.wires()) {
            Endpoint end = wire.endpoint();
            if (!end.wellFormed()) {
                continue;
            }
            Optional<ImageProfile> image = topology.node(end.node())
                    .flatMap(node -> context.images().find(node.image()));
            if (image.isPresent() && !image.get().interfaces().isDataPort(end.iface())) {
                out.add(violation(wire.pointer(), "'" + end.iface() + "' is not a data port of image '"
                        + image.get().name() + "' (expected " + image.get().interfaces().describe() + ")"));
            }
        }
    }
}
