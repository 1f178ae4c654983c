package dev.labforge.diagram;

import dev.labforge.topology.Link;

/**
 * A line between two boxes, as the layout sees it. A shared segment (a LAN with N members) is a box of kind
 * {@link Kind#SWITCH} with one wire per member, whose segment end has no interface name.
 *
 * @param order     the link's index in the topology, so that lines come out in the order links were written
 * @param from      index of the box at the first end
 * @param fromIface the interface name shown at that end; empty for none
 * @param caption   text along the middle of the line (the MTU); null for none
 * @param segment   the name of the segment this wire joins a member to; null for a link. Such a wire's
 *                  {@code link} runs from the member to the segment's name with no interface
 */
record Wire(int order, Link link, Route.Kind kind, int from, String fromIface, int to, String toIface,
            String caption, String segment) {
}
