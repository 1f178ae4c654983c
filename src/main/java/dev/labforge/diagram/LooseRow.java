package dev.labforge.diagram;

import java.util.List;

/**
 * Boxes without a single link: in a compact row under the linked part of the drawing, as wide as it is (or,
 * when nothing is linked, about as wide as the row would be tall), and on as many rows as that takes.
 */
final class LooseRow {

    static final double GAP = 24;
    /** Between the linked part of the drawing and the first loose row. */
    private static final double ABOVE = 40;

    private LooseRow() {
    }

    /**
     * Places the loose boxes, in their order, under a drawing {@code width} by {@code height} whose top left
     * corner is the origin.
     */
    static void place(List<Card> cards, List<Integer> loose, double width, double height) {
        if (loose.isEmpty()) {
            return;
        }
        double widest = loose.stream().mapToDouble(i -> cards.get(i).width()).max().orElse(0);
        double area = loose.stream().mapToDouble(i -> (cards.get(i).width() + GAP) * (Card.HEIGHT + GAP)).sum();
        // a square-ish block on its own; under a drawing, never wider than it (unless one box is)
        double limit = Math.max(widest, width > 0 ? width : Math.sqrt(area) * 1.6);
        double top = height > 0 ? height + ABOVE : 0;
        double x = 0;
        double rowHeight = 0;
        for (int i : loose) {
            Card card = cards.get(i);
            if (x > 0 && x + card.width() > limit) {
                top += rowHeight + GAP;
                x = 0;
                rowHeight = 0;
            }
            cards.set(i, card.at(new Vec(x + card.halfWidth(), top + card.halfHeight())));
            x += card.width() + GAP;
            rowHeight = Math.max(rowHeight, card.height());
        }
    }
}
