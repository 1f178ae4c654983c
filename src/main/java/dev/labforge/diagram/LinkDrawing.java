package dev.labforge.diagram;

import dev.labforge.topology.Link;

/**
 * Writes links in two layers: first every cable, then every label, so that no cable runs across another
 * link's interface name.
 */
final class LinkDrawing {

    private LinkDrawing() {
    }

    static void writeCable(SvgWriter svg, Route route) {
        boolean stub = route.kind() == Route.Kind.STUB;
        // a segment's wire says which segment and which member, not a link that does not exist
        boolean member = route.segment() != null;
        svg.open("g", "class", route.kind().cssClass, "data-link", member ? null : id(route.link()),
                "data-segment", route.segment(), "data-member", member ? route.link().a().toString() : null,
                "stroke", stub ? Palette.WARNING : null, "stroke-dasharray", stub ? "5 4" : null);
        svg.text("title", member ? memberTooltip(route) : tooltip(route.link()));
        svg.leaf("path", "d", pathData(route));
        svg.close("g");
    }

    static void writeLabels(SvgWriter svg, Route route) {
        for (Tag tag : route.tags()) {
            Vec c = tag.center();
            svg.leaf("rect", "class", "iface-pill",
                    "x", SvgWriter.num(c.x() - tag.width() / 2), "y", SvgWriter.num(c.y() - tag.height() / 2),
                    "width", SvgWriter.num(tag.width()), "height", SvgWriter.num(tag.height()), "rx", "4",
                    "fill", Palette.CARD, "stroke", Palette.CARD_EDGE, "stroke-width", "0.8");
            svg.text("text", tag.text(), "class", "iface",
                    "x", SvgWriter.num(c.x()), "y", SvgWriter.num(c.y() + Tag.FONT_SIZE * 0.35));
        }
        for (Caption caption : route.captions()) {
            writeCaption(svg, caption);
        }
    }

    /**
     * Two texts, a thick one in the paper colour under the real one, make a halo that keeps the caption
     * readable over cables; {@code paint-order} would do it in one, but SVG 1.1 viewers ignore it.
     */
    private static void writeCaption(SvgWriter svg, Caption caption) {
        String x = SvgWriter.num(caption.center().x());
        String y = SvgWriter.num(caption.center().y() + Caption.FONT_SIZE * 0.35);
        svg.open("g", "font-size", SvgWriter.num(Caption.FONT_SIZE));
        svg.text("text", caption.text(), "class", "halo", "aria-hidden", "true", "x", x, "y", y, "fill", "none",
                "stroke", Palette.PAPER, "stroke-width", "3", "stroke-linejoin", "round");
        svg.text("text", caption.text(), "class", "mtu", "x", x, "y", y, "fill", Palette.MUTED,
                "font-style", "italic");
        svg.close("g");
    }

    static String id(Link link) {
        return link.a() + "--" + link.b();
    }

    private static String tooltip(Link link) {
        return link.a() + " \u2194 " + link.b() + (link.mtu() == null ? "" : " \u00b7 mtu " + link.mtu());
    }

    private static String memberTooltip(Route route) {
        return route.link().a() + " \u2194 segment " + route.segment();
    }

    private static String pathData(Route route) {
        StringBuilder d = new StringBuilder();
        var points = route.points();
        d.append('M').append(SvgWriter.point(points.get(0)));
        for (int i = 1; i < points.size(); i++) {
            d.append(" L").append(SvgWriter.point(points.get(i)));
        }
        return d.toString();
    }
}
