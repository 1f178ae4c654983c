package dev.labforge.diagram;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;

/**
 * A link seen from one of its nodes: which of its interfaces is here and which is at the far end.
 *
 * @param far the far endpoint; for a stub, the one naming a node that does not exist
 */
record Cable(int order, Link link, String nearIface, Endpoint far) {

    static Cable from(int order, Link link, boolean aIsNear) {
        return aIsNear
                ? new Cable(order, link, link.a().iface(), link.b())
                : new Cable(order, link, link.b().iface(), link.a());
    }
}
