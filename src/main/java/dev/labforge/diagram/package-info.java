/**
 * The lab diagram: turns a {@link dev.labforge.topology.Topology} into a standalone SVG 1.1 picture of its
 * routers and links, served as {@code GET /api/v1/labs/{id}/topology.svg}.
 *
 * <p>Owns the layout of nodes that have no position (rows for tiered fabrics, otherwise a deterministic
 * force-directed layout around the nodes that have one), the routing of links (parallel lanes, self loops,
 * stubs to missing nodes), label placement and the SVG markup. {@link dev.labforge.diagram.TopologyDiagram}
 * is the only public type. Pure Java, like {@code topology}: the same topology always gives byte-identical
 * output, so responses can be cached and compared, and rendering never throws on a topology that has not
 * been validated yet, because a diagram is how people find what is wrong with one.
 */
package dev.labforge.diagram;
