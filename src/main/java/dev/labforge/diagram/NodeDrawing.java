package dev.labforge.diagram;

/**
 * Writes the boxes: for a node a white rounded card with the icon of its kind, the name, below it the image,
 * and a dot for its live state; for a missing node a dashed box naming it.
 *
 * <p>Every node's group carries {@code data-node} (its name) and the classes {@code node},
 * {@code kind-<kind>} and {@code state-unknown}: a page showing live state swaps the last for the node's
 * state (see {@link Defs}), the rest stays put. A shared segment's box is drawn like a switch node's but its
 * group is {@code segment kind-switch} with {@code data-segment} instead, and has no state dot: a segment has
 * no live state.
 */
final class NodeDrawing {

    private NodeDrawing() {
    }

    static void write(SvgWriter svg, Card card) {
        if (card.kind() == Kind.MISSING) {
            writeMissing(svg, card);
            return;
        }
        double left = -card.halfWidth();
        boolean hasImage = !card.subtitle().isEmpty();
        if (card.segment()) {
            // a segment has no live state: no state class, no dot, and data-segment where a node has data-node
            svg.open("g", "class", "segment " + card.kind().cssClass(), "data-segment", card.name(),
                    "transform", "translate(" + SvgWriter.point(card.center()) + ")");
            svg.text("title", "segment " + card.name() + " \u00b7 " + card.subtitle());
        } else {
            svg.open("g", "class", "node " + card.kind().cssClass() + " state-unknown", "data-node", card.name(),
                    "transform", "translate(" + SvgWriter.point(card.center()) + ")");
            svg.text("title", hasImage ? card.name() + " \u00b7 " + card.image() : card.name());
        }
        svg.leaf("rect", "class", "card", "x", SvgWriter.num(left), "y", SvgWriter.num(-card.halfHeight()),
                "width", SvgWriter.num(card.width()), "height", SvgWriter.num(card.height()), "rx", "9",
                "fill", Palette.CARD, "stroke", Palette.CARD_EDGE, "filter", "url(#" + Defs.SHADOW + ")");
        svg.leaf("use", "xlink:href", "#" + Defs.icon(card.kind()),
                "x", SvgWriter.num(left + 8 + Defs.ICON_RADIUS), "y", "0");
        String textX = SvgWriter.num(left + Card.TEXT_LEFT);
        svg.text("text", card.title(), "class", "node-name", "x", textX, "y", hasImage ? "-1.5" : "4.5",
                "font-size", SvgWriter.num(Card.TITLE_SIZE), "font-weight", "bold", "fill", Palette.INK);
        if (hasImage) {
            svg.text("text", card.subtitle(), "class", "node-image", "x", textX, "y", "13.5",
                    "font-size", SvgWriter.num(Card.SUBTITLE_SIZE), "fill", Palette.MUTED);
        }
        if (!card.segment()) {
            svg.leaf("circle", "class", "state-dot", "cx", SvgWriter.num(card.halfWidth() - 8),
                    "cy", SvgWriter.num(-card.halfHeight() + 8), "r", "3.5");
        }
        svg.close("g");
    }

    private static void writeMissing(SvgWriter svg, Card card) {
        svg.open("g", "class", "ghost", "transform", "translate(" + SvgWriter.point(card.center()) + ")");
        svg.text("title", "not in this lab: " + card.name());
        svg.leaf("rect", "x", SvgWriter.num(-card.halfWidth()), "y", SvgWriter.num(-card.halfHeight()),
                "width", SvgWriter.num(card.width()), "height", SvgWriter.num(card.height()), "rx", "6",
                "fill", Palette.PAPER, "stroke", Palette.WARNING, "stroke-dasharray", "4 3");
        svg.text("text", card.title(), "class", "missing", "x", "0", "y", SvgWriter.num(Card.MISSING_SIZE * 0.35),
                "font-size", SvgWriter.num(Card.MISSING_SIZE), "text-anchor", "middle", "fill", Palette.WARNING);
        svg.close("g");
    }
}
