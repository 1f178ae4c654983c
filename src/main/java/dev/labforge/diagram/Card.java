package dev.labforge.diagram;

import dev.labforge.topology.Node;

/**
 * A node as drawn: a rounded box with a router icon, the node's name and, smaller, its image.
 *
 * @param name     the node's full name, for tooltips and the {@code data-node} attribute
 * @param image    the node's full image name, for its tooltip; empty when it names none
 * @param title    the name as shown, shortened to fit the box
 * @param subtitle the image as shown, shortened; empty when the node names no image
 * @param center   where the box sits; {@link Vec#ZERO} until placed
 */
record Card(String name, String image, String title, String subtitle, double width, double height, Vec center) {

    static final double HEIGHT = 44;
    static final double TITLE_SIZE = 13;
    static final double SUBTITLE_SIZE = 10.5;
    /** Room left of the text for the router icon. */
    static final double TEXT_LEFT = 44;
    private static final double TEXT_RIGHT = 14;
    private static final double MIN_WIDTH = 104;
    /** DNS labels run to 63 characters; boxes for all of them would crowd the whole diagram. */
    private static final double MAX_WIDTH = 260;

    static Card of(Node node) {
        String name = node.name() == null ? "" : node.name();
        String image = node.image() == null ? "" : node.image().strip();
        double room = MAX_WIDTH - TEXT_LEFT - TEXT_RIGHT;
        String title = TextWidth.fit(name, room, TITLE_SIZE, true);
        String subtitle = TextWidth.fit(image, room, SUBTITLE_SIZE, false);
        double text = Math.max(TextWidth.of(title, TITLE_SIZE, true), TextWidth.of(subtitle, SUBTITLE_SIZE, false));
        double width = Math.ceil(Math.max(MIN_WIDTH, TEXT_LEFT + text + TEXT_RIGHT));
        return new Card(name, image, title, subtitle, width, HEIGHT, Vec.ZERO);
    }

    Card at(Vec newCenter) {
        return new Card(name, image, title, subtitle, width, height, newCenter);
    }

    double halfWidth() {
        return width / 2;
    }

    double halfHeight() {
        return height / 2;
    }

    /** How far from the centre the box edge is, going in unit direction {@code dir}. */
    double reach(Vec dir) {
        return exit(center, dir);
    }

    /**
     * How far from {@code from}, a point inside the box, its edge is going in unit direction {@code dir};
     * zero when the point is not inside.
     */
    double exit(Vec from, Vec dir) {
        double sx = axisExit(from.x() - center.x(), dir.x(), halfWidth());
        double sy = axisExit(from.y() - center.y(), dir.y(), halfHeight());
        return Math.max(0, Math.min(sx, sy));
    }

    private static double axisExit(double offset, double direction, double half) {
        if (Math.abs(offset) > half) {
            return 0;
        }
        if (Math.abs(direction) < 1e-12) {
            return Double.MAX_VALUE;
        }
        return ((direction > 0 ? half : -half) - offset) / direction;
    }
}
