package dev.labforge.diagram;

/** An interface name on a small white pill, where its link leaves the node's box. */
record Tag(String text, double width, double height, Vec center) {

    static final double FONT_SIZE = 10;
    static final double HEIGHT = 14;
    /** Interface names are short ("eth1", "Ethernet1/12"); anything longer is a mistake worth seeing, cut. */
    private static final double MAX_TEXT = 110;

    static Tag of(String iface) {
        String text = TextWidth.fit(iface, MAX_TEXT, FONT_SIZE, false);
        return new Tag(text, Math.ceil(TextWidth.of(text, FONT_SIZE, false) + 8), HEIGHT, Vec.ZERO);
    }

    Tag at(Vec newCenter) {
        return new Tag(text, width, height, newCenter);
    }
}
