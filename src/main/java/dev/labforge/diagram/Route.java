package dev.labforge.diagram;

import dev.labforge.topology.Link;
import java.util.List;

/**
 * How one link is drawn.
 *
 * @param order  the link's index in the topology, so routes come out in the order links were written
 * @param points a polyline, or for {@link Kind#LOOP} the four points of one cubic Bézier curve
 * @param tags   the interface names at each end that has one
 */
record Route(int order, Link link, Kind kind, List<Vec> points, List<Tag> tags, List<Caption> captions) {

    enum Kind {
        /** Between two different nodes, on its own lane when the pair has several links. */
        LANE("link"),
        /** Between two interfaces of the same node. */
        LOOP("link loop"),
        /** One end names a node that does not exist: a dashed stub, so the mistake shows. */
        STUB("link dangling");

        final String cssClass;

        Kind(String cssClass) {
            this.cssClass = cssClass;
        }
    }

    Route {
        points = List.copyOf(points);
        tags = List.copyOf(tags);
        captions = List.copyOf(captions);
    }

    static String mtuText(Link link) {
        return link.mtu() == null ? null : "mtu " + link.mtu();
    }
}
