package dev.labforge.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * Links between one pair of nodes. A single link is a straight line between the box centres; several run
 * side by side on parallel lanes, fanning out from the centre under each box, so that neither the lines
 * nor their interface names sit on top of each other.
 */
final class Lanes {

    /** Distance between parallel lanes: an interface pill is 14 high, and an MTU caption fits between. */
    static final double SPACING = 20;
    /** Space between a box edge and the interface pill of a link leaving it. */
    static final double TAG_GAP = 5;
    /** A pill further out than this from its box no longer reads as belonging to it. */
    private static final double MAX_SLIDE = 90;

    private Lanes() {
    }

    /** Routes for the cables from {@code a} to {@code b}, in the order given. */
    static List<Route> between(Card a, Card b, List<Cable> cables) {
        Vec dir = b.center().minus(a.center()).unit();
        Vec normal = dir.normal();
        Vec back = dir.times(-1);
        List<Route> routes = new ArrayList<>(cables.size());
        for (int lane = 0; lane < cables.size(); lane++) {
            Cable cable = cables.get(lane);
            double offset = (lane - (cables.size() - 1) / 2.0) * SPACING;
            Vec startA = a.center().plus(normal.times(offset));
            Vec startB = b.center().plus(normal.times(offset));
            Vec leaveA = startA.plus(dir.times(leaveDistance(a, startA, dir)));
            Vec leaveB = startB.plus(back.times(leaveDistance(b, startB, back)));
            List<Vec> points = offset == 0
                    ? List.of(a.center(), b.center())
                    : List.of(a.center(), leaveA, leaveB, b.center());
            double half = leaveB.minus(leaveA).length() / 2;
            List<Tag> tags = new ArrayList<>(2);
            addTag(tags, cable.nearIface(), leaveA, dir, half);
            addTag(tags, cable.far().iface(), leaveB, back, half);
            String mtu = Route.mtuText(cable.link());
            List<Caption> captions = mtu == null
                    ? List.of()
                    : List.of(Caption.along(mtu, Vec.between(leaveA, leaveB, 0.5), dir, half / 2));
            routes.add(new Route(cable.order(), cable.link(), Route.Kind.LANE, points, tags, captions));
        }
        return routes;
    }

    /**
     * A pill on the cable just outside the box edge at {@code edge}, for a cable leaving along {@code dir};
     * it may slide outwards while it stays within {@code reach} of the edge.
     */
    static void addTag(List<Tag> tags, String iface, Vec edge, Vec dir, double reach) {
        if (iface.isEmpty()) {
            return;
        }
        Tag tag = Tag.of(iface);
        double offset = TAG_GAP + tag.support(dir);
        double room = Math.min(MAX_SLIDE, reach - offset - tag.support(dir));
        tags.add(tag.at(edge.plus(dir.times(offset)), dir, room));
    }

    /**
     * Where a lane leaves the box. An outer lane of many may pass beside the box altogether; it then fans
     * out from the centre and starts a little way along.
     */
    private static double leaveDistance(Card card, Vec laneStart, Vec dir) {
        double exit = card.exit(laneStart, dir);
        return exit > 0 ? exit : card.reach(dir) / 2;
    }
}
