package dev.labforge.diagram;

import java.util.Arrays;

/**
 * Lays out the free nodes. A lab built in tiers, with no node placed by hand, is drawn in rows. Any other
 * gets the force layout, run from each kind of start, keeping the result with the fewest crossing links
 * (the first such, so the choice is stable). Large labs get the first start only: there the extra runs
 * cost more time than they save crossings.
 */
final class AutoLayout {

    /**
     * The shortest quarter of the links should be at least this long, centre to centre: shorter ones
     * leave no room for two box edges and two interface names.
     */
    private static final double MIN_SHORT_LINK = 250;
    /** Spreading a crowded layout stops here; the separation sees to the rest. */
    private static final double MAX_SPREAD = 3;
    /** Up to this many nodes every kind of start is tried; a run on 60 nodes takes about a millisecond. */
    private static final int MAX_NODES_FOR_RETRIES = 60;

    private AutoLayout() {
    }

    static void run(double[] x, double[] y, double[] halfWidth, double[] halfHeight, boolean[] pinned,
                    Edge[] edges) {
        if (noneGiven(pinned) && LayeredLayout.place(x, y, halfWidth, edges)) {
            return;
        }
        LayoutStart start = new LayoutStart(x, y, pinned, edges);
        int kinds = x.length <= MAX_NODES_FOR_RETRIES ? LayoutStart.KINDS : 1;
        double[] bestX = null;
        double[] bestY = null;
        int fewest = Integer.MAX_VALUE;
        for (int kind = 0; kind < kinds && fewest > 0; kind++) {
            start.place(kind);
            ForceLayout.run(x, y, pinned, edges, start.middle());
            int crossings = kinds == 1 ? 0 : Crossings.count(x, y, edges);
            if (crossings < fewest) {
                fewest = crossings;
                bestX = x.clone();
                bestY = y.clone();
            }
        }
        System.arraycopy(bestX, 0, x, 0, x.length);
        System.arraycopy(bestY, 0, y, 0, y.length);
        if (noneGiven(pinned)) {
            stretchShortLinks(x, y, edges);
            spreadCrowds(x, y, halfWidth, halfHeight);
        }
    }

    /**
     * A densely linked lab settles with many boxes on top of each other. Separating them one pair at a
     * time takes hundreds of passes there; spreading the whole layout first, until most boxes are clear
     * of their nearest neighbour, leaves the separation a few stragglers.
     */
    private static void spreadCrowds(double[] x, double[] y, double[] halfWidth, double[] halfHeight) {
        int n = x.length;
        if (n < 2) {
            return;
        }
        double[] clearance = new double[n];
        Arrays.fill(clearance, Double.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                // how many times further apart the two would have to be to stand clear: below 1 they overlap
                double ratio = Math.max(
                        Math.abs(x[i] - x[j]) / (halfWidth[i] + halfWidth[j] + Separation.GAP),
                        Math.abs(y[i] - y[j]) / (halfHeight[i] + halfHeight[j] + Separation.GAP));
                clearance[i] = Math.min(clearance[i], ratio);
                clearance[j] = Math.min(clearance[j], ratio);
            }
        }
        Arrays.sort(clearance);
        double median = clearance[n / 2];
        if (median > 1e-9 && median < 1) {
            double factor = Math.min(MAX_SPREAD, 1 / median);
            for (int i = 0; i < n; i++) {
                x[i] *= factor;
                y[i] *= factor;
            }
        }
    }

    /**
     * Densely linked labs (a full mesh) settle with short links, leaving no room for their interface names;
     * stretching the whole layout keeps its shape and gives the names room.
     */
    private static void stretchShortLinks(double[] x, double[] y, Edge[] edges) {
        if (edges.length == 0) {
            return;
        }
        double[] lengths = new double[edges.length];
        for (int e = 0; e < edges.length; e++) {
            double dx = x[edges[e].a()] - x[edges[e].b()];
            double dy = y[edges[e].a()] - y[edges[e].b()];
            lengths[e] = Math.sqrt(dx * dx + dy * dy);
        }
        Arrays.sort(lengths);
        double shortish = lengths[lengths.length / 4];
        if (shortish > 1e-9 && shortish < MIN_SHORT_LINK) {
            double factor = MIN_SHORT_LINK / shortish;
            for (int i = 0; i < x.length; i++) {
                x[i] *= factor;
                y[i] *= factor;
            }
        }
    }

    private static boolean noneGiven(boolean[] pinned) {
        for (boolean p : pinned) {
            if (p) {
                return false;
            }
        }
        return true;
    }
}
