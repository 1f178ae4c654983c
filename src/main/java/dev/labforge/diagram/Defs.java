package dev.labforge.diagram;

/**
 * Shared definitions: an icon per kind of node (drawn once, used by every box), the node states' colours,
 * the card shadow and the dotted paper. Ids carry a prefix so that the diagram can be pasted into a page
 * without clashing with its ids.
 */
final class Defs {

    static final String ROUTER = "lf-router";
    static final String SWITCH = "lf-switch";
    static final String HOST = "lf-host";
    static final String SHADOW = "lf-shadow";
    static final String PAPER = "lf-paper";
    /** Half the size of an icon; every icon is drawn around its own origin. */
    static final double ICON_RADIUS = 14;

    /**
     * Each node's box carries {@code state-<state>} in its class, {@code state-unknown} as drawn here; a page
     * that knows the live state swaps that class (states as in the lab's status: pending, starting, booting,
     * ready, stopping, stopped, failed) and the dot in the box's corner takes the colour below.
     */
    private static final String STATES = String.join("",
            ".node .state-dot{fill:#cbd5e1}",
            ".state-pending .state-dot,.state-starting .state-dot,.state-booting .state-dot{fill:#f59e0b}",
            ".state-ready .state-dot{fill:#16a34a}",
            ".state-stopping .state-dot,.state-stopped .state-dot{fill:#64748b}",
            ".state-failed .state-dot{fill:#dc2626}",
            ".state-failed .card{stroke:#dc2626}");

    private Defs() {
    }

    static String icon(Kind kind) {
        return switch (kind) {
            case SWITCH -> SWITCH;
            case HOST -> HOST;
            case ROUTER, MISSING -> ROUTER;
        };
    }

    static void write(SvgWriter svg) {
        svg.text("style", STATES, "type", "text/css");
        svg.open("defs");
        gradient(svg, ROUTER, Palette.ROUTER_TOP, Palette.ROUTER_BOTTOM);
        gradient(svg, SWITCH, Palette.SWITCH_TOP, Palette.SWITCH_BOTTOM);
        gradient(svg, HOST, Palette.HOST_TOP, Palette.HOST_BOTTOM);
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
        writeSwitchIcon(svg);
        writeHostIcon(svg);
        svg.close("defs");
    }

    private static void gradient(SvgWriter svg, String id, String top, String bottom) {
        svg.open("linearGradient", "id", id + "-fill", "x1", "0", "y1", "0", "x2", "0", "y2", "1")
                .leaf("stop", "offset", "0", "stop-color", top)
                .leaf("stop", "offset", "1", "stop-color", bottom)
                .close("linearGradient");
    }

    /** The classic router symbol seen from above: a disc with four arrows, two in and two out. */
    private static void writeRouterIcon(SvgWriter svg) {
        svg.open("g", "id", ROUTER);
        svg.leaf("circle", "r", SvgWriter.num(ICON_RADIUS), "fill", "url(#" + ROUTER + "-fill)");
        svg.leaf("circle", "r", SvgWriter.num(ICON_RADIUS - 0.6), "fill", "none",
                "stroke", "#ffffff", "stroke-opacity", "0.35", "stroke-width", "1");
        StringBuilder shafts = new StringBuilder();
        StringBuilder heads = new StringBuilder();
        arrow(shafts, heads, new Vec(1, -1).unit(), Vec.ZERO, 3.2, 10.5);
        arrow(shafts, heads, new Vec(-1, 1).unit(), Vec.ZERO, 3.2, 10.5);
        arrow(shafts, heads, new Vec(1, 1).unit(), Vec.ZERO, 10, 2.6);
        arrow(shafts, heads, new Vec(-1, -1).unit(), Vec.ZERO, 10, 2.6);
        arrows(svg, shafts, heads);
        svg.close("g");
    }

    /** The classic switch symbol: a square with two arrows going right over two going left. */
    private static void writeSwitchIcon(SvgWriter svg) {
        svg.open("g", "id", SWITCH);
        svg.leaf("rect", "x", "-14", "y", "-12", "width", "28", "height", "24", "rx", "4",
                "fill", "url(#" + SWITCH + "-fill)");
        StringBuilder shafts = new StringBuilder();
        StringBuilder heads = new StringBuilder();
        arrow(shafts, heads, new Vec(1, 0), new Vec(0, -4.5), -9, 10);
        arrow(shafts, heads, new Vec(-1, 0), new Vec(0, 4.5), -9, 10);
        arrows(svg, shafts, heads);
        svg.close("g");
    }

    /** A host: a screen on a stand. */
    private static void writeHostIcon(SvgWriter svg) {
        svg.open("g", "id", HOST);
        svg.leaf("rect", "x", "-13", "y", "-12", "width", "26", "height", "18", "rx", "2.5",
                "fill", "url(#" + HOST + "-fill)");
        svg.leaf("rect", "x", "-10", "y", "-9", "width", "20", "height", "12", "rx", "1",
                "fill", "#ffffff", "fill-opacity", "0.85");
        svg.leaf("path", "d", "M-3 6 L-4 11 H4 L3 6 Z M-8 12 H8", "fill", Palette.HOST_BOTTOM,
                "stroke", Palette.HOST_BOTTOM, "stroke-width", "1.6", "stroke-linecap", "round");
        svg.close("g");
    }

    private static void arrows(SvgWriter svg, StringBuilder shafts, StringBuilder heads) {
        svg.leaf("path", "d", shafts.toString().strip(), "stroke", "#ffffff", "stroke-width", "1.6",
                "stroke-linecap", "round", "fill", "none");
        svg.leaf("path", "d", heads.toString().strip(), "fill", "#ffffff");
    }

    /** An arrow along {@code dir} through {@code origin}, from {@code tailAt} to its tip at {@code tipAt}. */
    private static void arrow(StringBuilder shafts, StringBuilder heads, Vec dir, Vec origin, double tailAt,
                              double tipAt) {
        Vec side = dir.normal();
        Vec tip = origin.plus(dir.times(tipAt));
        Vec tail = origin.plus(dir.times(tailAt));
        Vec back = tipAt > tailAt ? dir.times(-1) : dir;
        Vec neck = tip.plus(back.times(3.6));
        shafts.append("M").append(SvgWriter.point(tail)).append(" L").append(SvgWriter.point(neck)).append(' ');
        heads.append("M").append(SvgWriter.point(tip))
                .append(" L").append(SvgWriter.point(neck.plus(side.times(2.6))))
                .append(" L").append(SvgWriter.point(neck.minus(side.times(2.6)))).append(" Z ");
    }
}
