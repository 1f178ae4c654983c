package dev.labforge.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * Links from a node to itself (one interface cabled to another, a common way to test a router alone):
 * a round loop on the emptiest side of the box, its two interface names either side of it. Further loops
 * take the next emptiest side; from the fifth on they nest, each larger than the last.
 */
final class SelfLoops {

    /** Half the distance between the loop's feet. */
    private static final double FOOT = 16;
    /** How far the Bézier control points reach out; the loop's top lies at three quarters of it. */
    private static final double REACH = 70;
    private static final double BULGE = 30;
    /** Growth per nested loop, enough that their lines and pills stay apart. */
    private static final double NEST = 30;
    /** The legs' widest point lies this share of the bulge beyond the feet (for the curve's shape). */
    private static final double LEG_SWELL = 0.21;

    private SelfLoops() {
    }

    static Route route(Card card, Cable cable, Compass compass) {
        Vec out = compass.pick(Compass.AXES);
        int nest = compass.picks(out) - 1;
        Vec side = out.normal();
        double reach = REACH + nest * NEST;
        double bulge = BULGE + nest * NEST / 2;
        Vec edge = card.center().plus(out.times(card.reach(out)));
        // feet a little inside the box, so the round line caps hide under it
        Vec footA = edge.minus(side.times(FOOT)).minus(out.times(2));
        Vec footB = edge.plus(side.times(FOOT)).minus(out.times(2));
        List<Vec> points = List.of(footA,
                footA.plus(out.times(reach)).minus(side.times(bulge)),
                footB.plus(out.times(reach)).plus(side.times(bulge)),
                footB);
        double legs = FOOT + LEG_SWELL * bulge;
        List<Tag> tags = new ArrayList<>(2);
        // a nested loop's pills start beside the inner loop's and may move out past them
        double room = 16 + nest * 80;
        addTagBeside(tags, cable.nearIface(), edge, out, side.times(-1), legs, room);
        addTagBeside(tags, cable.far().iface(), edge, out, side, legs, room);
        String mtu = Route.mtuText(cable.link());
        List<Caption> captions = mtu == null
                ? List.of()
                : List.of(Caption.beyond(mtu, edge.plus(out.times(reach * 0.75 + 4)), out, false));
        return new Route(cable.order(), cable.link(), Route.Kind.LOOP, points, tags, captions);
    }

    /** A pill just outside one leg of the loop, near the box: on the leg it would cover half the loop. */
    private static void addTagBeside(List<Tag> tags, String iface, Vec edge, Vec out, Vec towards, double legs,
                                     double room) {
        if (iface.isEmpty()) {
            return;
        }
        Tag tag = Tag.of(iface);
        double lateral = legs + 3 + tag.support(towards);
        double lift = Lanes.TAG_GAP + tag.support(out);
        tags.add(tag.at(edge.plus(out.times(lift)).plus(towards.times(lateral)), out, room));
    }
}
