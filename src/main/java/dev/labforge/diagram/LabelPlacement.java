package dev.labforge.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * Moves labels that would cover another label or a box a little along their own link. Around a busy
 * router the interface pills of neighbouring links start out on top of each other; stepping each outwards
 * spreads them like a fan. MTU captions then look for a free spot either side of the link's middle.
 * Earlier links keep their spot, so the result depends only on the input.
 */
final class LabelPlacement {

    private static final double STEP = 3;

    private LabelPlacement() {
    }

    static List<Route> spread(List<Route> routes, List<Card> cards) {
        Occupancy taken = new Occupancy();
        cards.forEach(card -> taken.add(card.center(), card.halfWidth(), card.halfHeight()));
        List<List<Tag>> tags = new ArrayList<>(routes.size());
        for (Route route : routes) {
            List<Tag> placed = new ArrayList<>(route.tags().size());
            for (Tag tag : route.tags()) {
                Tag free = freeSpot(tag, taken);
                taken.add(free.center(), free.width() / 2, free.height() / 2);
                placed.add(free);
            }
            tags.add(placed);
        }
        List<Route> spread = new ArrayList<>(routes.size());
        for (int r = 0; r < routes.size(); r++) {
            Route route = routes.get(r);
            List<Caption> captions = new ArrayList<>(route.captions().size());
            for (Caption caption : route.captions()) {
                Caption free = freeSpot(caption, taken);
                taken.add(free.middle(), free.halfBox().x(), free.halfBox().y());
                captions.add(free);
            }
            spread.add(new Route(route.order(), route.link(), route.kind(), route.points(), tags.get(r), captions));
        }
        return spread;
    }

    /** Where the pill first stands clear going outwards; where it started, if it never does within its room. */
    private static Tag freeSpot(Tag tag, Occupancy taken) {
        for (double moved = 0; moved <= tag.room(); moved += STEP) {
            Tag candidate = tag.movedBy(moved);
            if (taken.isFree(candidate.center(), tag.width() / 2, tag.height() / 2)) {
                return candidate;
            }
        }
        return tag;
    }

    /** The free spot nearest the middle, trying both ways in turn; the middle if there is none. */
    private static Caption freeSpot(Caption caption, Occupancy taken) {
        Vec half = caption.halfBox();
        for (double moved = 0; moved <= caption.room(); moved += STEP) {
            for (double signed : new double[] {moved, -moved}) {
                Caption candidate = caption.movedBy(signed);
                if (taken.isFree(candidate.middle(), half.x(), half.y())) {
                    return candidate;
                }
            }
        }
        return caption;
    }
}
