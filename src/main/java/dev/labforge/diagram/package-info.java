/**
 * The lab diagram: turns a {@link dev.labforge.topology.Topology} into a standalone SVG 1.1 picture of its
 * nodes and links, served as {@code GET /api/v1/labs/{id}/topology.svg}.
 *
 * <p>The layout is the Eclipse Layout Kernel's (ELK) layered algorithm: this package only says what goes in
 * ({@link dev.labforge.diagram.Sketch}: a box per node, a wire per link, which way is down) and draws what
 * comes out: the look, an icon per kind of node, the interface names, the states. Hosts hanging off one
 * box stand in a compact {@link dev.labforge.diagram.Block} under it, a tier too wide is wrapped over rows
 * ({@link dev.labforge.diagram.Rows}) in columns, with the wires to its lower rows down the gaps between them
 * ({@link dev.labforge.diagram.Channels}), and boxes without links sit in a compact row under the rest. {@link dev.labforge.diagram.TopologyDiagram} is the only public type.
 * Pure Java, like {@code topology}: the same topology always gives byte-identical output, so responses can
 * be cached and compared, and rendering never throws on a topology that has not been validated yet,
 * because a diagram is how people find what is wrong with one.
 */
package dev.labforge.diagram;
