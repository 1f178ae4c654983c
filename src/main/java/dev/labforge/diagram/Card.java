package dev.labforge.diagram;

import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Segment;

/**
 * A box on the picture: a node with its icon, its name and, smaller, its image; or, for a link to a node the
 * lab does not have, a small dashed box naming what the link asked for.
 *
 * @param name     the node's full name, for tooltips and the {@code data-node} attribute
 * @param image    the node's full image name, for its tooltip; empty when it names none
 * @param title    the name as shown, shortened to fit the box
 * @param subtitle the image as shown, shortened; empty when the node names no image
 * @param level    containerlab's {@code graph-level}: lower levels are drawn higher up; null if none
 * @param given    the saved position of the box's centre; null if none (or unusable)
 * @param center   where the box sits; {@link Vec#ZERO} until placed
 * @param segment  whether the box stands for a shared segment (a LAN), not a node
 */
record Card(String name, String image, Kind kind, String title, String subtitle, Integer level, Vec given,
            double width, double height, Vec center, boolean segment) {

    static final double HEIGHT = 44;
    static final double TITLE_SIZE = 13;
    static final double SUBTITLE_SIZE = 10.5;
    static final double MISSING_SIZE = 10;
    /** Room left of the text for the icon. */
    static final double TEXT_LEFT = 44;
    /** containerlab's label ordering the tiers of its own graph drawings. */
    static final String GRAPH_LEVEL = "graph-level";
    /** Coordinates beyond this are garbage, not a choice; such a node is laid out as if it had none. */
    static final double MAX_COORDINATE = 1e6;
    private static final double TEXT_RIGHT = 14;
    private static final double MIN_WIDTH = 104;
    /** DNS labels run to 63 characters; boxes for all of them would crowd the whole diagram. */
    private static final double MAX_WIDTH = 260;

    static Card of(Node node) {
        String name = node.name() == null ? "" : node.name();
        String image = node.image() == null ? "" : node.image().strip();
        double room = MAX_WIDTH - TEXT_LEFT - TEXT_RIGHT;
        String title = TextWidth.fit(name, room, TITLE_SIZE, true);
        String subtitle = TextWidth.fit(shortImage(image), room, SUBTITLE_SIZE, false);
        double text = Math.max(TextWidth.of(title, TITLE_SIZE, true), TextWidth.of(subtitle, SUBTITLE_SIZE, false));
        double width = Math.ceil(Math.max(MIN_WIDTH, TEXT_LEFT + text + TEXT_RIGHT));
        return new Card(name, image, Kind.of(node), title, subtitle, level(node), given(node.position()),
                width, HEIGHT, Vec.ZERO, false);
    }

    /**
     * A shared segment: a switch box named like the segment, saying below how many members it has (and its MTU
     * when it sets one), so it does not pass for a node with an image.
     */
    static Card segment(Segment segment) {
        String name = segment.name() == null ? "" : segment.name();
        int members = segment.endpoints().size();
        String about = "LAN \u00b7 " + members + (members == 1 ? " member" : " members")
                + (segment.mtu() == null ? "" : " \u00b7 mtu " + segment.mtu());
        double room = MAX_WIDTH - TEXT_LEFT - TEXT_RIGHT;
        String title = TextWidth.fit(name, room, TITLE_SIZE, true);
        String subtitle = TextWidth.fit(about, room, SUBTITLE_SIZE, false);
        double text = Math.max(TextWidth.of(title, TITLE_SIZE, true), TextWidth.of(subtitle, SUBTITLE_SIZE, false));
        double width = Math.ceil(Math.max(MIN_WIDTH, TEXT_LEFT + text + TEXT_RIGHT));
        return new Card(name, "", Kind.SWITCH, title, subtitle, null, null, width, HEIGHT, Vec.ZERO, true);
    }

    /** The far end of a link to a node that is not in the lab: "ghost:eth7", or "?" when it names nothing. */
    static Card missing(String node, String iface) {
        String text = TextWidth.fit((node.isEmpty() ? "?" : node) + (iface.isEmpty() ? "" : ":" + iface), 160,
                MISSING_SIZE, false);
        double width = Math.ceil(TextWidth.of(text, MISSING_SIZE, false) + 16);
        return new Card(text, "", Kind.MISSING, text, "", null, null, width, 20, Vec.ZERO, false);
    }

    Card at(Vec newCenter) {
        return new Card(name, image, kind, title, subtitle, level, given, width, height, newCenter, segment);
    }

    /** The box as the layout sized it: ports along an edge may need a wider box than the text does. */
    Card sized(double newWidth, double newHeight) {
        return new Card(name, image, kind, title, subtitle, level, given, newWidth, newHeight, center, segment);
    }

    double halfWidth() {
        return width / 2;
    }

    double halfHeight() {
        return height / 2;
    }

    /**
     * The image as people say it: {@code network-multitool:latest}, not {@code ghcr.io/srl-labs/network-multitool:latest};
     * the tooltip has it whole.
     */
    private static String shortImage(String image) {
        return image.substring(image.lastIndexOf('/') + 1);
    }

    private static Integer level(Node node) {
        String level = node.labels().get(GRAPH_LEVEL);
        if (level == null) {
            return null;
        }
        try {
            return Integer.valueOf(level.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static Vec given(Position p) {
        return p != null && Double.isFinite(p.x()) && Double.isFinite(p.y())
                && Math.abs(p.x()) <= MAX_COORDINATE && Math.abs(p.y()) <= MAX_COORDINATE
                ? new Vec(p.x(), p.y()) : null;
    }
}
