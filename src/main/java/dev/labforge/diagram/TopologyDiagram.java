package dev.labforge.diagram;

import dev.labforge.topology.Topology;

/**
 * Draws a lab as an SVG picture: routers as labelled boxes, links as lines with the interface names at
 * their ends. Nodes with a position stay where they were put; the rest are laid out automatically.
 *
 * <p>Works on any topology, valid or not: links to nodes that do not exist show as dashed stubs, an empty lab
 * gets a placeholder. The same input always gives byte-identical output.
 */
public final class TopologyDiagram {

    /** The media type of what {@link #svg} returns. */
    public static final String MEDIA_TYPE = "image/svg+xml";

    private TopologyDiagram() {
    }

    /**
     * A standalone SVG 1.1 document (UTF-8 XML) of the lab.
     *
     * @param labName  shown as the title; null or blank gives "Untitled lab"
     * @param topology the lab's nodes and links; node names should be distinct, null means an empty lab
     */
    public static String svg(String labName, Topology topology) {
        return SvgDocument.write(Scene.of(labName, topology));
    }
}
