package dev.labforge.diagram;

/**
 * Writes the whole document: view box, shared definitions, paper, header, then cables, labels and nodes
 * bottom to top, so that boxes cover the ends of the cables that run into them.
 */
final class SvgDocument {

    private static final double MARGIN = 36;
    private static final double MIN_WIDTH = 440;
    private static final double EMPTY_WIDTH = 560;
    private static final double EMPTY_HEIGHT = 300;

    private SvgDocument() {
    }

    static String write(Scene scene) {
        Header header = new Header(scene);
        if (scene.cards().isEmpty()) {
            return writeEmpty(scene, header);
        }
        Extent extent = Extent.of(scene);
        double width = Math.ceil(Math.max(MIN_WIDTH, Math.max(extent.width(), header.width()) + 2 * MARGIN));
        double height = Math.ceil(extent.height() + 2 * MARGIN + Header.HEIGHT);
        // the drawing sits in the middle of the width; the header keeps to the left
        double left = Math.floor(extent.minX() + extent.width() / 2 - width / 2);
        double top = Math.floor(extent.minY() - MARGIN - Header.HEIGHT);
        SvgWriter svg = new SvgWriter();
        openRoot(svg, scene, left, top, width, height);
        header.write(svg, left + MARGIN, top + MARGIN * 0.75);
        svg.open("g", "class", "links", "fill", "none", "stroke", Palette.CABLE, "stroke-width", "1.8",
                "stroke-linecap", "round", "stroke-linejoin", "round");
        scene.routes().forEach(route -> LinkDrawing.writeCable(svg, route));
        svg.close("g");
        svg.open("g", "class", "labels", "font-size", SvgWriter.num(Tag.FONT_SIZE), "text-anchor", "middle",
                "fill", Palette.TEXT);
        scene.routes().forEach(route -> LinkDrawing.writeLabels(svg, route));
        svg.close("g");
        svg.open("g", "class", "nodes");
        scene.cards().forEach(card -> NodeDrawing.write(svg, card));
        svg.close("g");
        return svg.close("svg").finish();
    }

    /** An empty lab still gets a picture: a friendly placeholder says why there is nothing to see. */
    private static String writeEmpty(Scene scene, Header header) {
        double width = Math.ceil(Math.max(EMPTY_WIDTH, header.width() + 2 * MARGIN));
        SvgWriter svg = new SvgWriter();
        openRoot(svg, scene, 0, 0, width, EMPTY_HEIGHT);
        header.write(svg, MARGIN, MARGIN * 0.75);
        double boxTop = MARGIN * 0.75 + Header.HEIGHT + 8;
        double middle = width / 2;
        svg.open("g", "class", "empty", "text-anchor", "middle");
        svg.leaf("rect", "x", SvgWriter.num(MARGIN), "y", SvgWriter.num(boxTop),
                "width", SvgWriter.num(width - 2 * MARGIN), "height", SvgWriter.num(EMPTY_HEIGHT - boxTop - MARGIN),
                "rx", "12", "fill", Palette.CARD, "fill-opacity", "0.6", "stroke", Palette.CARD_EDGE,
                "stroke-width", "1.5", "stroke-dasharray", "6 5");
        svg.leaf("use", "xlink:href", "#" + Defs.ROUTER, "x", SvgWriter.num(middle), "y", SvgWriter.num(boxTop + 46),
                "opacity", "0.35");
        svg.text("text", "This lab has no nodes yet", "x", SvgWriter.num(middle), "y", SvgWriter.num(boxTop + 94),
                "font-size", "15", "font-weight", "bold", "fill", Palette.TEXT);
        svg.text("text", "Add routers and link their interfaces; the topology will show up here.",
                "x", SvgWriter.num(middle), "y", SvgWriter.num(boxTop + 116), "font-size", "12",
                "fill", Palette.MUTED);
        svg.close("g");
        return svg.close("svg").finish();
    }

    private static void openRoot(SvgWriter svg, Scene scene, double left, double top, double width, double height) {
        svg.open("svg", "xmlns", "http://www.w3.org/2000/svg", "xmlns:xlink", "http://www.w3.org/1999/xlink",
                // a view box and no fixed size: the picture scales to whatever holds it, never cropped
                "version", "1.1", "viewBox", SvgWriter.num(left) + " " + SvgWriter.num(top) + " " + SvgWriter.num(width) + " "
                        + SvgWriter.num(height),
                "font-family", "sans-serif", "role", "img");
        svg.text("title", scene.title());
        svg.text("desc", "Network lab topology: " + scene.nodes().size() + " nodes, " + scene.linkCount() + " links");
        Defs.write(svg);
        svg.leaf("rect", "class", "paper", "x", SvgWriter.num(left), "y", SvgWriter.num(top),
                "width", SvgWriter.num(width), "height", SvgWriter.num(height), "fill", Palette.PAPER);
        svg.leaf("rect", "x", SvgWriter.num(left), "y", SvgWriter.num(top),
                "width", SvgWriter.num(width), "height", SvgWriter.num(height), "fill", "url(#" + Defs.PAPER + ")");
    }
}
