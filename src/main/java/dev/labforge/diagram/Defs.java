package dev.labforge.diagram;

/**
 * Shared definitions: the router icon (drawn once, used by every node), the card shadow and the dotted
 * paper. Ids carry a prefix so that the diagram can be pasted into a page without clashing with its ids.
 */
final class Defs {

    static final String ROUTER = "lf-router";
    static final String SHADOW = "lf-shadow";
    static final String PAPER = "lf-paper";
    /** The router icon's radius; the icon is drawn around its own origin. */
    static final double ICON_RADIUS = 14;

    private Defs() {
    }

    static void write(SvgWriter svg) {
        svg.open("defs");
        svg.open("linearGradient", "id", ROUTER + "-fill", "x1", "0", "y1", "0", "x2", "0", "y2", "1")
                .leaf("stop", "offset", "0", "stop-color", Palette.ROUTER_TOP)
                .leaf("stop", "offset", "1", "stop-color", Palette.ROUTER_BOTTOM)
                .close("linearGradient");
        // SVG 1.1 filter primitives only (no feDropShadow), for the widest range of viewers
        svg.open("filter", "id", SHADOW, "x", "-10%", "y", "-20%", "width", "120%", "height", "160%")
                .leaf("feGaussianBlur", "in", "SourceAlpha", "stdDeviation", "2")
                .leaf("feOffset", "dy", "1.5", "result", "blur")
                .open("feComponentTransfer", "in", "blur", "result", "shade")
                .leaf("feFuncA", "type", "linear", "slope", "0.16")
                .close("feComponentTransfer")
                .open("feMerge")
                .leaf("feMergeNode", "in", "shade")
                .leaf("feMergeNode", "in", "SourceGraphic")
                .close("feMerge")
                .close("filter");
        svg.open("pattern", "id", PAPER, "width", "24", "height", "24", "patternUnits", "userSpaceOnUse")
                .leaf("circle", "cx", "2", "cy", "2", "r", "1", "fill", Palette.DOTS)
                .close("pattern");
        writeRouterIcon(svg);
        svg.close("defs");
    }

    /** The classic router symbol seen from above: a disc with four arrows, two in and two out. */
    private static void writeRouterIcon(SvgWriter svg) {
        svg.open("g", "id", ROUTER);
        svg.leaf("circle", "r", SvgWriter.num(ICON_RADIUS), "fill", "url(#" + ROUTER + "-fill)");
        svg.leaf("circle", "r", SvgWriter.num(ICON_RADIUS - 0.6), "fill", "none",
                "stroke", "#ffffff", "stroke-opacity", "0.35", "stroke-width", "1");
        StringBuilder shafts = new StringBuilder();
        StringBuilder heads = new StringBuilder();
        arrow(shafts, heads, new Vec(1, -1).unit(), true);
        arrow(shafts, heads, new Vec(-1, 1).unit(), true);
        arrow(shafts, heads, new Vec(-1, -1).unit(), false);
        arrow(shafts, heads, new Vec(1, 1).unit(), false);
        svg.leaf("path", "d", shafts.toString().strip(), "stroke", "#ffffff", "stroke-width", "1.6",
                "stroke-linecap", "round", "fill", "none");
        svg.leaf("path", "d", heads.toString().strip(), "fill", "#ffffff");
        svg.close("g");
    }

    private static void arrow(StringBuilder shafts, StringBuilder heads, Vec dir, boolean outwards) {
        Vec side = dir.normal();
        Vec tip = dir.times(outwards ? 10.5 : 2.6);
        Vec tail = dir.times(outwards ? 3.2 : 10);
        Vec back = outwards ? dir.times(-1) : dir;
        Vec neck = tip.plus(back.times(3.6));
        shafts.append("M").append(SvgWriter.point(tail)).append(" L").append(SvgWriter.point(neck)).append(' ');
        heads.append("M").append(SvgWriter.point(tip))
                .append(" L").append(SvgWriter.point(neck.plus(side.times(2.6))))
                .append(" L").append(SvgWriter.point(neck.minus(side.times(2.6)))).append(" Z ");
    }
}
