package dev.labforge.diagram;

/**
 * An interface name on a small white pill, sitting on its cable just outside the node's box.
 *
 * @param slide the unit direction along its cable in which the pill may move away from the box, should
 *              another pill or a box be in the way
 * @param room  how far it may move that way before it leaves the part of the cable near its node
 */
record Tag(String text, double width, double height, Vec center, Vec slide, double room) {

    static final double FONT_SIZE = 10;
    static final double HEIGHT = 14;
    /** Interface names are short ("eth1", "Ethernet1/12"); anything longer is a mistake worth seeing, cut. */
    private static final double MAX_TEXT = 110;

    static Tag of(String iface) {
        String text = TextWidth.fit(iface, MAX_TEXT, FONT_SIZE, false);
        return new Tag(text, Math.ceil(TextWidth.of(text, FONT_SIZE, false) + 8), HEIGHT, Vec.ZERO, Vec.ZERO, 0);
    }

    Tag at(Vec newCenter, Vec newSlide, double newRoom) {
        return new Tag(text, width, height, newCenter, newSlide, Math.max(0, newRoom));
    }

    Tag movedBy(double distance) {
        return new Tag(text, width, height, center.plus(slide.times(distance)), slide, room);
    }

    /** Half the pill's extent along unit direction {@code dir}: how far to step so it clears an edge. */
    double support(Vec dir) {
        return Math.abs(dir.x()) * width / 2 + Math.abs(dir.y()) * height / 2;
    }
}
