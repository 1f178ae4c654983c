package dev.labforge.diagram;

import dev.labforge.topology.Link;
import java.util.List;

/**
 * How one link is drawn.
 *
 * @param order  the link's index in the topology, so routes come out in the order links were written
 * @param points a polyline of horizontal and vertical stretches, from the link's first end to its second
 * @param tags   the interface names at each end that has one
 * @param segment the segment whose member this route joins; null for a link
 */
record Route(int order, Link link, Kind kind, List<Vec> points, List<Tag> tags, List<Caption> captions,
             String segment) {

    enum Kind {
        /** Between two different nodes. */
        LANE("link"),
        /** Between two interfaces of the same node. */
        LOOP("link loop"),
        /** From a shared segment's box to one of its members. */
        MEMBER("link member"),
        /** One end names a node that does not exist: dashed, to a box naming it, so the mistake shows. */
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
}
