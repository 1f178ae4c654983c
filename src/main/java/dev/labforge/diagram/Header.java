package dev.labforge.diagram;

import java.util.ArrayList;
import java.util.List;

/** The lab's name, and under it a legend line that counts what the diagram shows. */
final class Header {

    static final double HEIGHT = 60;
    private static final double TITLE_SIZE = 20;
    private static final double LEGEND_SIZE = 12;
    /** Lab names are free text; a paragraph of it should not set the width of the picture. */
    private static final double MAX_TITLE_WIDTH = 720;
    private static final double SWATCH = 22;
    private static final double ITEM_GAP = 18;

    private enum Swatch { ROUTER, CABLE, STUB, NONE }

    private record Item(Swatch swatch, String text) {
        double width() {
            return (swatch == Swatch.NONE ? 0 : SWATCH + 6) + TextWidth.of(text, LEGEND_SIZE, false);
        }
    }

    private final String title;
    private final List<Item> items = new ArrayList<>();

    Header(Scene scene) {
        this.title = TextWidth.fit(scene.title(), MAX_TITLE_WIDTH, TITLE_SIZE, true);
        items.add(new Item(Swatch.ROUTER, plural(scene.nodes().size(), "node")));
        items.add(new Item(Swatch.CABLE, plural(scene.count(Route.Kind.LANE) + scene.count(Route.Kind.LOOP), "link")));
        if (!scene.segments().isEmpty()) {
            items.add(new Item(Swatch.NONE, plural(scene.segments().size(), "segment")));
        }
        long stubs = scene.count(Route.Kind.STUB);
        if (stubs > 0) {
            items.add(new Item(Swatch.STUB, plural(stubs, "link") + " to a missing node"));
        }
        long skipped = scene.linkCount() - scene.routes().stream().filter(r -> r.segment() == null).count();
        if (skipped > 0) {
            items.add(new Item(Swatch.NONE, plural(skipped, "link") + " between missing nodes, not drawn"));
        }
    }

    double width() {
        double legend = -ITEM_GAP;
        for (Item item : items) {
            legend += item.width() + ITEM_GAP;
        }
        return Math.max(TextWidth.of(title, TITLE_SIZE, true), legend);
    }

    /** Writes the header with its top left corner at {@code (x, y)}. */
    void write(SvgWriter svg, double x, double y) {
        svg.text("text", title, "class", "title", "x", SvgWriter.num(x), "y", SvgWriter.num(y + 20),
                "font-size", SvgWriter.num(TITLE_SIZE), "font-weight", "bold", "fill", Palette.INK);
        double baseline = y + 44;
        svg.open("g", "class", "legend", "font-size", SvgWriter.num(LEGEND_SIZE), "fill", Palette.MUTED);
        double at = x;
        for (Item item : items) {
            double middle = baseline - LEGEND_SIZE * 0.35;
            boolean warning = item.swatch() == Swatch.STUB;
            switch (item.swatch()) {
                case ROUTER -> svg.leaf("use", "xlink:href", "#" + Defs.ROUTER, "transform",
                        "translate(" + SvgWriter.point(new Vec(at + SWATCH / 2, middle)) + ") scale(0.55)");
                case CABLE, STUB -> svg.leaf("path",
                        "d", "M" + SvgWriter.point(new Vec(at + 2, middle)) + " H" + SvgWriter.num(at + SWATCH - 2),
                        "stroke", warning ? Palette.WARNING : Palette.CABLE, "stroke-width", "1.8",
                        "stroke-linecap", "round", "stroke-dasharray", warning ? "4 3" : null);
                case NONE -> { }
            }
            double textX = at + (item.swatch() == Swatch.NONE ? 0 : SWATCH + 6);
            svg.text("text", item.text(), "x", SvgWriter.num(textX), "y", SvgWriter.num(baseline));
            at += item.width() + ITEM_GAP;
        }
        svg.close("g");
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
