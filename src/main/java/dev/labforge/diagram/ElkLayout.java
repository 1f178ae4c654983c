package dev.labforge.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.elk.alg.layered.options.CrossingMinimizationStrategy;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.LayeringStrategy;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortLabelPlacement;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places the linked boxes and routes their wires with the Eclipse Layout Kernel's layered algorithm: boxes
 * in rows from top to bottom ({@link Tiers} and {@link Rows} decide which row, handed to ELK's interactive
 * layering as positions), wires as horizontal and vertical stretches, each interface name beside the port
 * its wire leaves from, the MTU on the middle of its wire. ELK keeps all of them clear of each other and of
 * the boxes, orders each row to uncross the wires (or keeps the columns {@link Rows} dealt a wrapped tier
 * into, see {@link Channels}), and sizes a box wider when its ports need the room.
 * Boxes hanging off one box in numbers (servers under their leaf) go to ELK as one {@link Block}: ELK places
 * it under its owner and routes each wire to the block's top, and the block draws the rest of the wire.
 *
 * <p>When every box has a saved position (containerlab's graph tools save one for every node), ELK's
 * interactive phases take the drawing as a sketch instead: tiers from top to bottom as the boxes were, and
 * left to right within a tier as they were.
 */
final class ElkLayout {

    /** Space between boxes in a tier, and between the tiers: room for interface names and a bend or two. */
    private static final double NODE_SPACING = 36;
    private static final double TIER_SPACING = 56;
    /** Between a port and its label, and between neighbouring ports: the pills must not touch. */
    private static final double PORT_SPACING = 6;
    /** ELK's straightness priority of a wire into a block; other wires have 0. */
    private static final int BLOCK_STRAIGHTNESS = 10;
    /** How far below its owner a missing node's box is hinted, when the layout follows saved positions. */
    private static final double MISSING_DROP = 120;
    /** Rows handed to ELK as positions this far apart, more than any box is high, so that none merge. */
    private static final double ROW_HINT = 1_000;

    private ElkLayout() {
    }

    /** The linked boxes of {@code sketch} at their places, and a route for every wire. */
    static Layout run(Sketch sketch, List<Integer> linked) {
        List<Card> cards = new ArrayList<>(sketch.cards());
        if (linked.isEmpty()) {
            return new Layout(cards, List.of(), 0, 0);
        }
        boolean sketched = cards.stream().allMatch(c -> c.kind() == Kind.MISSING || c.given() != null);
        ElkNode root = ElkGraphUtil.createGraph();
        configure(root, sketched);
        Tiers tiers = Tiers.of(cards, sketch.wires());
        // a saved drawing keeps its own arrangement: no blocks there
        List<Block> blocks = sketched ? List.of() : Block.find(cards, sketch.wires(), tiers);
        int[] blockOf = new int[cards.size()];
        Arrays.fill(blockOf, -1);
        for (int b = 0; b < blocks.size(); b++) {
            for (int m : blocks.get(b).members()) {
                blockOf[m] = b;
            }
        }
        ElkNode[] nodes = new ElkNode[cards.size()];
        for (int i : linked) {
            if (blockOf[i] < 0) {
                nodes[i] = node(root, cards.get(i));
            }
        }
        ElkNode[] blockNodes = new ElkNode[blocks.size()];
        for (int b = 0; b < blocks.size(); b++) {
            blockNodes[b] = blockNode(root, blocks.get(b));
        }
        List<Ends> ends = new ArrayList<>(sketch.wires().size());
        for (Wire wire : sketch.wires()) {
            int b = blockOf[wire.from()] >= 0 ? blockOf[wire.from()] : blockOf[wire.to()];
            ElkEdge edge;
            Ends end;
            if (b >= 0) {
                // from the owner down to the member's channel line on top of its block
                Block block = blocks.get(b);
                boolean memberFirst = blockOf[wire.from()] == b;
                ElkPort owner = port(nodes[block.owner()], memberFirst ? wire.toIface() : wire.fromIface());
                int member = block.indexOf(memberFirst ? wire.from() : wire.to());
                ElkPort line = blockNodes[b].getPorts().get(member);
                edge = ElkGraphUtil.createSimpleEdge(owner, line);
                // the block's wires are the ones to keep straight: it then stands under its owner, not beside it
                edge.setProperty(LayeredOptions.PRIORITY_STRAIGHTNESS, BLOCK_STRAIGHTNESS);
                end = new Ends(memberFirst ? line : owner, memberFirst ? owner : line, edge, !memberFirst,
                        block, blockNodes[b], member);
            } else {
                ElkPort from = port(nodes[wire.from()], wire.fromIface());
                ElkPort to = port(nodes[wire.to()], wire.toIface());
                boolean down = sketched || tiers.downwards(wire);
                edge = down ? ElkGraphUtil.createSimpleEdge(from, to) : ElkGraphUtil.createSimpleEdge(to, from);
                end = new Ends(from, to, edge, down, null, null, -1);
            }
            if (wire.caption() != null) {
                Caption caption = Caption.of(wire.caption());
                ElkLabel label = ElkGraphUtil.createLabel(caption.text(), edge);
                label.setDimensions(caption.width(), caption.height());
                label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
            }
            ends.add(end);
        }
        if (sketched) {
            hint(sketch, nodes);
        } else {
            // ELK's interactive layering takes each box's row from its position: rows are decided here
            Rows.Plan plan = Rows.of(cards, sketch.wires(), linked, tiers, blocks);
            int[] rows = plan.row();
            double hint = ROW_HINT + blocks.stream().mapToDouble(Block::height).max().orElse(0);
            // a wrapped tier is ordered here too, in columns (see Channels); else ELK orders every row
            boolean columns = plan.wrapped();
            for (int i : linked) {
                if (blockOf[i] < 0) {
                    nodes[i].setLocation(columns ? plan.x()[i] - nodes[i].getWidth() / 2 : 0, rows[i] * hint);
                }
            }
            for (int b = 0; b < blocks.size(); b++) {
                int m = blocks.get(b).members().get(0);
                double x = columns ? plan.x()[m] - blockNodes[b].getWidth() / 2 : 0;
                blockNodes[b].setLocation(x, rows[m] * hint);
            }
            if (columns) {
                root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY,
                        CrossingMinimizationStrategy.INTERACTIVE);
                Channels.hint(sketch.wires(), ends.stream().map(Ends::edge).toList(), plan, hint);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        for (int i : linked) {
            ElkNode node = nodes[i];
            if (node != null) {
                cards.set(i, cards.get(i).sized(node.getWidth(), node.getHeight())
                        .at(new Vec(node.getX() + node.getWidth() / 2, node.getY() + node.getHeight() / 2)));
            }
        }
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            Vec corner = new Vec(blockNodes[b].getX(), blockNodes[b].getY());
            for (int m = 0; m < block.members().size(); m++) {
                int i = block.members().get(m);
                cards.set(i, cards.get(i).at(corner.plus(block.places().get(m))));
            }
        }
        List<Route> routes = new ArrayList<>(ends.size());
        for (int w = 0; w < ends.size(); w++) {
            routes.add(route(sketch.wires().get(w), ends.get(w)));
        }
        return new Layout(cards, routes, root.getWidth(), root.getHeight());
    }

    private static void configure(ElkNode root, boolean sketched) {
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(LayeredOptions.DIRECTION, Direction.DOWN);
        root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_SPACING);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, TIER_SPACING);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 16.0);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 10.0);
        root.setProperty(LayeredOptions.SPACING_LABEL_LABEL, 4.0);
        root.setProperty(LayeredOptions.SPACING_LABEL_PORT_HORIZONTAL, 3.0);
        root.setProperty(LayeredOptions.SPACING_LABEL_PORT_VERTICAL, 2.0);
        root.setProperty(LayeredOptions.SPACING_PORT_PORT, PORT_SPACING);
        root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, true);
        root.setProperty(LayeredOptions.LAYERING_STRATEGY, LayeringStrategy.INTERACTIVE);
        // linear segments keeps a tier about as narrow as network simplex does (large-100: 3,700 px against 3,600;
        // Brandes-Koepf spread its spines over 5,600) at a fraction of its time: network simplex's time grows with
        // the square of the wires' bends, and the wires from the spines down to wrapped rows of leaves have many
        // (Clos 500: 4 times the time of the layout before wrapped rows; docs/benchmarks.md)
        root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.LINEAR_SEGMENTS);
        if (sketched) {
            root.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.INTERACTIVE);
            root.setProperty(LayeredOptions.CROSSING_MINIMIZATION_STRATEGY, CrossingMinimizationStrategy.INTERACTIVE);
            // interactive phases compare positions across the whole drawing, which one component at a time cannot
            root.setProperty(LayeredOptions.SEPARATE_CONNECTED_COMPONENTS, false);
        }
    }

    private static ElkNode node(ElkNode root, Card card) {
        ElkNode node = ElkGraphUtil.createNode(root);
        node.setDimensions(card.width(), card.height());
        node.setProperty(LayeredOptions.NODE_SIZE_CONSTRAINTS,
                EnumSet.of(SizeConstraint.PORTS, SizeConstraint.PORT_LABELS, SizeConstraint.MINIMUM_SIZE));
        node.setProperty(LayeredOptions.NODE_SIZE_MINIMUM, new KVector(card.width(), card.height()));
        node.setProperty(LayeredOptions.PORT_CONSTRAINTS, PortConstraints.FREE);
        node.setProperty(LayeredOptions.PORT_LABELS_PLACEMENT, EnumSet.of(PortLabelPlacement.OUTSIDE));
        return node;
    }

    /** A block as ELK sees it: a box of its size, with a port on top at each member's channel line. */
    private static ElkNode blockNode(ElkNode root, Block block) {
        ElkNode node = ElkGraphUtil.createNode(root);
        node.setDimensions(block.width(), block.height());
        node.setProperty(LayeredOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
        for (double x : block.lines()) {
            ElkPort port = ElkGraphUtil.createPort(node);
            port.setDimensions(1, 1);
            port.setLocation(x - 0.5, -1);
            port.setProperty(LayeredOptions.PORT_SIDE, PortSide.NORTH);
        }
        return node;
    }

    private static ElkPort port(ElkNode node, String iface) {
        ElkPort port = ElkGraphUtil.createPort(node);
        port.setDimensions(1, 1);
        if (!iface.isEmpty()) {
            Tag tag = Tag.of(iface);
            ElkLabel label = ElkGraphUtil.createLabel(tag.text(), port);
            label.setDimensions(tag.width(), tag.height());
        }
        return port;
    }

    /** Saved positions are centres; ELK wants top left corners. A missing node's box goes under its owner. */
    private static void hint(Sketch sketch, ElkNode[] nodes) {
        for (int i = 0; i < nodes.length; i++) {
            Card card = sketch.cards().get(i);
            if (nodes[i] != null && card.given() != null) {
                nodes[i].setLocation(card.given().x() - card.halfWidth(), card.given().y() - card.halfHeight());
            }
        }
        for (Wire wire : sketch.wires()) {
            if (wire.kind() == Route.Kind.STUB) {
                ElkNode owner = nodes[wire.from()];
                nodes[wire.to()].setLocation(owner.getX(), owner.getY() + MISSING_DROP);
            }
        }
    }

    private static Route route(Wire wire, Ends ends) {
        ElkEdgeSection section = ends.edge().getSections().get(0);
        List<Vec> points = new ArrayList<>();
        points.add(new Vec(section.getStartX(), section.getStartY()));
        section.getBendPoints().forEach(b -> points.add(new Vec(b.getX(), b.getY())));
        points.add(new Vec(section.getEndX(), section.getEndY()));
        List<Tag> tags = new ArrayList<>(2);
        if (ends.block() != null) {
            // on from the top of the block: down the channel line, then into the member's side
            Vec corner = new Vec(ends.blockNode().getX(), ends.blockNode().getY());
            Vec top = points.get(points.size() - 1);
            double y = corner.y() + ends.block().places().get(ends.member()).y();
            points.add(new Vec(top.x(), y));
            points.add(new Vec(corner.x() + ends.block().sides()[ends.member()], y));
            Tag own = ends.block().tags().get(ends.member());
            addTag(tags, ends.down() ? ends.from() : ends.to());
            if (own != null) {
                tags.add(ends.down() ? tags.size() : 0, own.at(corner.plus(own.center())));
            }
        } else {
            addTag(tags, ends.from());
            addTag(tags, ends.to());
        }
        if (!ends.down()) {
            Collections.reverse(points);
        }
        List<Caption> captions = new ArrayList<>(1);
        for (ElkLabel label : ends.edge().getLabels()) {
            captions.add(Caption.of(label.getText())
                    .at(new Vec(label.getX() + label.getWidth() / 2, label.getY() + label.getHeight() / 2)));
        }
        return new Route(wire.order(), wire.link(), wire.kind(), points, tags, captions, wire.segment());
    }

    private static void addTag(List<Tag> tags, ElkPort port) {
        for (ElkLabel label : port.getLabels()) {
            ElkNode node = port.getParent();
            double x = node.getX() + port.getX() + label.getX() + label.getWidth() / 2;
            double y = node.getY() + port.getY() + label.getY() + label.getHeight() / 2;
            tags.add(Tag.of(label.getText()).at(new Vec(x, y)));
        }
    }

    /**
     * The ports and the edge ELK drew for one wire, and whether the edge runs from the wire's first end; for a
     * wire to a block's member, the block, its ELK box and the member's index in it (else null, null, -1).
     */
    private record Ends(ElkPort from, ElkPort to, ElkEdge edge, boolean down, Block block, ElkNode blockNode,
                        int member) {
    }

    /**
     * @param cards  every box, the linked ones placed
     * @param routes a route per wire, in the order of the wires
     * @param width  the size of everything ELK placed, from the origin
     */
    record Layout(List<Card> cards, List<Route> routes, double width, double height) {
    }
}
