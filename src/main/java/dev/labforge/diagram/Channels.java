package dev.labforge.diagram;

import java.util.Arrays;
import java.util.List;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * The way down for wires that pass rows of a wrapped tier (a spine's wires to the second and later rows of
 * leaves), handed to ELK's interactive crossing minimisation as bend points: from the upper box straight
 * into the gap beside the lower box's column, on the side the upper box is on, and down that gap to the
 * lower box's row. ELK keeps the order they give each row, so the wires run down the gaps between the columns
 * in order instead of in bundles around the drawing, and ordering the rows costs one sort per row instead of
 * ELK's sweeps over every wire's chain of dummy nodes (most of the time of a 500-node Clos).
 *
 * <p>Within a gap, a wire to a deeper row runs further from the column it turns into, so that the wires
 * turning off into a row never cross the ones going on down.
 */
final class Channels {

    /** The gap between columns, as {@link Rows} estimates ELK's spacing between boxes. */
    private static final double GAP = 36;
    /** Between the hinted lines of one gap: only their order counts, as long as they stay inside the gap. */
    private static final double STEP = 0.5;

    private Channels() {
    }

    /**
     * Adds the bend points to each edge in {@code edges} (by wire) whose ends are two or more rows apart.
     *
     * @param rowHint how far apart the rows were handed to ELK
     */
    static void hint(List<Wire> wires, List<ElkEdge> edges, Rows.Plan plan, double rowHint) {
        int deepest = Arrays.stream(plan.row()).max().orElse(0);
        for (int w = 0; w < wires.size(); w++) {
            Wire wire = wires.get(w);
            int upper = wire.from();
            int lower = wire.to();
            if (plan.row()[upper] > plan.row()[lower]) {
                upper = wire.to();
                lower = wire.from();
            }
            int top = plan.row()[upper];
            int bottom = plan.row()[lower];
            if (bottom - top < 2) {
                continue;
            }
            double from = plan.x()[upper];
            double to = plan.x()[lower];
            boolean left = from < to;
            double side = plan.column()[lower] / 2 + GAP / 2;
            double offset = (deepest - bottom + 1) * STEP;
            // the upper end's place orders the wires into one box, by far less than a step
            double x = (left ? to - side + offset : to + side - offset) + from * 1e-5;
            // ELK reads these in its own coordinates, which lay out left to right: across and down swapped
            ElkEdgeSection section = ElkGraphUtil.createEdgeSection(edges.get(w));
            section.setStartLocation(top * rowHint, from);
            section.setEndLocation(bottom * rowHint, to);
            ElkGraphUtil.createBendPoint(section, (top + 0.5) * rowHint, from);
            ElkGraphUtil.createBendPoint(section, (top + 0.5) * rowHint, x);
            ElkGraphUtil.createBendPoint(section, (bottom - 0.5) * rowHint, x);
            ElkGraphUtil.createBendPoint(section, (bottom - 0.5) * rowHint, to);
        }
    }
}
