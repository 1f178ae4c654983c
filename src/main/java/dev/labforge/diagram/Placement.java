package dev.labforge.diagram;

import dev.labforge.topology.Position;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides where every box goes. Given positions are kept, in diagram units, unless boxes drawn there would
 * overlap (then all given positions spread by one common factor, so the picture keeps its shape) or the
 * drawing would be absurdly large (then they shrink). The rest are laid out around them.
 */
final class Placement {

    /** Coordinates beyond this are garbage, not a choice; such a node is laid out as if it had none. */
    static final double MAX_COORDINATE = 1e6;
    /** A drawing wider than this cannot be read on any screen. */
    private static final double MAX_EXTENT = 20_000;
    /** Spreading stops here: positions a hair apart would otherwise blow up to any size. */
    private static final double MAX_SPREAD = 50;
    /** Clear space kept between boxes at given positions; small, because the user chose those spots. */
    private static final double CLEARANCE = 8;

    private Placement() {
    }

    /** The cards, placed; {@code given} holds each node's position or null, {@code edges} distinct pairs. */
    static List<Card> place(List<Card> cards, List<Position> given, Edge[] edges) {
        int n = cards.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] halfWidth = new double[n];
        double[] halfHeight = new double[n];
        boolean[] pinned = new boolean[n];
        boolean anyFree = false;
        for (int i = 0; i < n; i++) {
            Position p = given.get(i);
            pinned[i] = usable(p);
            anyFree |= !pinned[i];
            x[i] = pinned[i] ? p.x() : 0;
            y[i] = pinned[i] ? p.y() : 0;
            halfWidth[i] = cards.get(i).halfWidth();
            halfHeight[i] = cards.get(i).halfHeight();
        }
        double scale = scaleForGiven(x, y, halfWidth, halfHeight, pinned);
        for (int i = 0; i < n; i++) {
            x[i] *= scale;
            y[i] *= scale;
        }
        if (anyFree) {
            AutoLayout.run(x, y, halfWidth, halfHeight, pinned, edges);
            Separation.apply(x, y, halfWidth, halfHeight, pinned, edges);
        }
        List<Card> placed = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            placed.add(cards.get(i).at(new Vec(x[i], y[i])));
        }
        return placed;
    }

    static boolean usable(Position p) {
        return p != null && Double.isFinite(p.x()) && Double.isFinite(p.y())
                && Math.abs(p.x()) <= MAX_COORDINATE && Math.abs(p.y()) <= MAX_COORDINATE;
    }

    /** One factor for all given positions: the least that clears every pair of boxes, within bounds. */
    private static double scaleForGiven(double[] x, double[] y, double[] halfWidth, double[] halfHeight,
                                        boolean[] pinned) {
        double needed = 1;
        double minX = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < x.length; i++) {
            if (!pinned[i]) {
                continue;
            }
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
            for (int j = i + 1; j < x.length; j++) {
                if (pinned[j]) {
                    needed = Math.max(needed, pairScale(x[j] - x[i], y[j] - y[i],
                            halfWidth[i] + halfWidth[j] + CLEARANCE, halfHeight[i] + halfHeight[j] + CLEARANCE));
                }
            }
        }
        double extent = Math.max(maxX - minX, maxY - minY);
        double scale = Math.min(needed, MAX_SPREAD);
        return extent > 0 && extent * scale > MAX_EXTENT ? MAX_EXTENT / extent : scale;
    }

    /** The factor that moves two boxes apart on one axis; 1 for boxes that stand on the same spot. */
    private static double pairScale(double dx, double dy, double needX, double needY) {
        double sx = Math.abs(dx) < 1e-9 ? Double.MAX_VALUE : needX / Math.abs(dx);
        double sy = Math.abs(dy) < 1e-9 ? Double.MAX_VALUE : needY / Math.abs(dy);
        double s = Math.min(sx, sy);
        return s == Double.MAX_VALUE ? 1 : s;
    }
}
