package dev.labforge.diagram;

/**
 * A short text along a link: its MTU, or the name of the node a dangling link points to.
 *
 * @param at      where the text is anchored, on its baseline
 * @param degrees rotation about {@code at}, kept between -90 and 90 so the text never reads upside down
 * @param anchor  SVG {@code text-anchor}: which part of the text sits at {@code at}
 * @param warning drawn in the warning colour (a link to a node that does not exist)
 * @param slide   the unit direction along its link in which the caption may move, either way, to keep
 *                clear of interface pills
 * @param room    how far it may move that way
 */
record Caption(String text, Vec at, double degrees, String anchor, boolean warning, Vec slide, double room) {

    static final double FONT_SIZE = 9.5;

    /**
     * A caption just above a line running in unit direction {@code dir} through {@code middle}, free to move
     * up to {@code room} along it.
     */
    static Caption along(String text, Vec middle, Vec dir, double room) {
        double degrees = Math.toDegrees(StrictMath.atan2(dir.y(), dir.x()));
        if (degrees > 90) {
            degrees -= 180;
        } else if (degrees <= -90) {
            degrees += 180;
        }
        Vec up = Vec.polar(Math.toRadians(degrees - 90), 4);
        return new Caption(text, middle.plus(up), degrees, "middle", false, dir, Math.max(0, room));
    }

    /**
     * A level caption beyond {@code point} going in unit direction {@code out}. It is anchored at its near
     * end, so however wide the viewer's font draws it, it grows away from the point and never over it.
     */
    static Caption beyond(String text, Vec point, Vec out, boolean warning) {
        String anchor = out.x() > 0.3 ? "start" : out.x() < -0.3 ? "end" : "middle";
        // a cap height below the point when going down; centred on it when going sideways
        double drop = out.y() > 0.3 ? FONT_SIZE : out.y() < -0.3 ? 0 : FONT_SIZE * 0.35;
        return new Caption(text, point.plus(new Vec(0, drop)), 0, anchor, warning, Vec.ZERO, 0);
    }

    Caption movedBy(double distance) {
        return new Caption(text, at.plus(slide.times(distance)), degrees, anchor, warning, slide, room);
    }

    double width() {
        return TextWidth.of(text, FONT_SIZE, false);
    }

    /** Half the width and height of the upright box around the (maybe rotated) text, about its middle. */
    Vec halfBox() {
        double radians = Math.toRadians(degrees);
        double cos = Math.abs(StrictMath.cos(radians));
        double sin = Math.abs(StrictMath.sin(radians));
        double halfWidth = width() / 2;
        double halfHeight = FONT_SIZE * 0.6;
        return new Vec(cos * halfWidth + sin * halfHeight, sin * halfWidth + cos * halfHeight);
    }

    /** The middle of the text: a little above its baseline anchor, and off it when anchored at one end. */
    Vec middle() {
        Vec up = Vec.polar(Math.toRadians(degrees - 90), FONT_SIZE * 0.35);
        double shift = anchor.equals("start") ? width() / 2 : anchor.equals("end") ? -width() / 2 : 0;
        return at.plus(up).plus(Vec.polar(Math.toRadians(degrees), shift));
    }
}
