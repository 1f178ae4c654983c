package dev.labforge.diagram;

/** A short text on a link, its MTU, centred at {@code center} on a halo that keeps it readable over lines. */
record Caption(String text, double width, double height, Vec center) {

    static final double FONT_SIZE = 9.5;

    static Caption of(String text) {
        return new Caption(text, Math.ceil(TextWidth.of(text, FONT_SIZE, false) + 4), FONT_SIZE + 4, Vec.ZERO);
    }

    Caption at(Vec newCenter) {
        return new Caption(text, width, height, newCenter);
    }
}
