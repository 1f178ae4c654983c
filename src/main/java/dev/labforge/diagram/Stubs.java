package dev.labforge.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * Links with one end on a node that does not exist: a short dashed stub from the node that does, into
 * the emptiest direction, ending in an open circle labelled with what the link asked for. Drawing them
 * (instead of leaving them out) is what makes the mistake easy to find.
 */
final class Stubs {

    /** Dashed length left visible beyond the interface pill. */
    private static final double VISIBLE = 36;
    static final double END_RADIUS = 4;

    private Stubs() {
    }

    static Route route(Card card, Cable cable, Compass compass) {
        Vec out = compass.pick(Compass.EIGHT);
        Vec edge = card.center().plus(out.times(card.reach(out)));
        List<Tag> tags = new ArrayList<>(1);
        Lanes.addTag(tags, cable.nearIface(), edge, out, 0);
        double pill = tags.isEmpty() ? 0 : Lanes.TAG_GAP + 2 * tags.get(0).support(out);
        Vec end = edge.plus(out.times(pill + VISIBLE));
        String missing = cable.far().node().isEmpty() ? "?" : cable.far().node();
        String text = TextWidth.fit(missing + (cable.far().iface().isEmpty() ? "" : ":" + cable.far().iface()),
                160, Caption.FONT_SIZE, false);
        List<Caption> captions = List.of(Caption.beyond(text, end.plus(out.times(END_RADIUS + 4)), out, true));
        return new Route(cable.order(), cable.link(), Route.Kind.STUB, List.of(card.center(), end), tags, captions);
    }
}
