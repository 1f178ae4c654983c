package dev.labforge.diagram;

/** Writes the node cards: a white rounded box, the router icon, the name and below it the image. */
final class NodeDrawing {

    private NodeDrawing() {
    }

    static void write(SvgWriter svg, Card card) {
        double left = -card.halfWidth();
        boolean hasImage = !card.subtitle().isEmpty();
        svg.open("g", "class", "node", "data-node", card.name(),
                "transform", "translate(" + SvgWriter.point(card.center()) + ")");
        svg.text("title", hasImage ? card.name() + " \u00b7 " + card.image() : card.name());
        svg.leaf("rect", "x", SvgWriter.num(left), "y", SvgWriter.num(-card.halfHeight()),
                "width", SvgWriter.num(card.width()), "height", SvgWriter.num(card.height()), "rx", "9",
                "fill", Palette.CARD, "stroke", Palette.CARD_EDGE, "filter", "url(#" + Defs.SHADOW + ")");
        svg.leaf("use", "xlink:href", "#" + Defs.ROUTER, "x", SvgWriter.num(left + 8 + Defs.ICON_RADIUS), "y", "0");
        String textX = SvgWriter.num(left + Card.TEXT_LEFT);
        svg.text("text", card.title(), "class", "node-name", "x", textX, "y", hasImage ? "-1.5" : "4.5",
                "font-size", SvgWriter.num(Card.TITLE_SIZE), "font-weight", "bold", "fill", Palette.INK);
        if (hasImage) {
            svg.text("text", card.subtitle(), "class", "node-image", "x", textX, "y", "13.5",
                    "font-size", SvgWriter.num(Card.SUBTITLE_SIZE), "fill", Palette.MUTED);
        }
        svg.close("g");
    }
}
