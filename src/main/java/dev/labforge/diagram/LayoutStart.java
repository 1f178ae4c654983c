package dev.labforge.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Where free nodes start before the force layout moves them. A force layout finds a good arrangement near
 * where it starts, not the best one, so there are several starts to try: the nodes on a circle in the
 * order they were written, on a circle in the order one reaches them walking the links, and scattered
 * with fixed seeds. A free node with placed neighbours always starts next to them.
 */
final class LayoutStart {

    /** How many kinds of start there are: two circles, then scatterings. */
    static final int KINDS = 5;

    private final double[] x;
    private final double[] y;
    private final boolean[] pinned;
    private final Edge[] edges;
    private final int n;
    private final List<List<Integer>> neighbours = new ArrayList<>();

    LayoutStart(double[] x, double[] y, boolean[] pinned, Edge[] edges) {
        this.x = x;
        this.y = y;
        this.pinned = pinned;
        this.edges = edges;
        this.n = x.length;
        for (int i = 0; i < n; i++) {
            neighbours.add(new ArrayList<>());
        }
        for (Edge e : edges) {
            neighbours.get(e.a()).add(e.b());
            neighbours.get(e.b()).add(e.a());
        }
    }

    /** The middle of the placed nodes, or the origin; the layout's gravity pulls there. */
    Vec middle() {
        double sx = 0;
        double sy = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (pinned[i]) {
                sx += x[i];
                sy += y[i];
                count++;
            }
        }
        return count == 0 ? Vec.ZERO : new Vec(sx / count, sy / count);
    }

    /**
     * Sets the free nodes' start positions for start number {@code kind}. A hub (a node with more links
     * than any other) starts in the middle of a circle: started on it, it drags its spokes across each other.
     */
    void place(int kind) {
        Vec middle = middle();
        int hub = hub();
        int[] order = kind == 1 ? walkOrder(hub) : identity();
        Random scatter = new Random(kind);
        int onCircle = 0;
        for (int i = 0; i < n; i++) {
            onCircle += pinned[i] || i == hub ? 0 : 1;
        }
        double radius = ForceLayout.SPACING * Math.max(0.5, Math.sqrt(onCircle) / 2) + pinnedRadius(middle);
        int seat = 0;
        for (int i : order) {
            if (pinned[i]) {
                continue;
            }
            Vec anchor = pinnedNeighbourMiddle(i);
            Vec p;
            if (anchor != null) {
                p = anchor.plus(Vec.polar(Math.PI + 2 * Math.PI * i / n, ForceLayout.SPACING / 2));
            } else if (kind >= 2) {
                p = middle.plus(new Vec(scatter.nextDouble() * 2 - 1, scatter.nextDouble() * 2 - 1).times(radius));
            } else if (i == hub) {
                p = middle;
            } else {
                // starting on the left puts a two-node lab side by side, which suits wide boxes
                p = middle.plus(Vec.polar(Math.PI + 2 * Math.PI * seat++ / onCircle, radius));
            }
            x[i] = p.x();
            y[i] = p.y();
        }
    }

    /** The one free node with more neighbours than any other, and at least three; -1 if there is none. */
    private int hub() {
        int best = -1;
        int runnerUp = 0;
        for (int i = 0; i < n; i++) {
            if (pinned[i]) {
                continue;
            }
            int degree = neighbours.get(i).size();
            if (best < 0 || degree > neighbours.get(best).size()) {
                runnerUp = best < 0 ? 0 : Math.max(runnerUp, neighbours.get(best).size());
                best = i;
            } else {
                runnerUp = Math.max(runnerUp, degree);
            }
        }
        return best >= 0 && neighbours.get(best).size() >= 3 && neighbours.get(best).size() > runnerUp ? best : -1;
    }

    /** Nodes breadth first along the links, from the hub or the first node, then any not reached. */
    private int[] walkOrder(int hub) {
        int[] order = new int[n];
        boolean[] seen = new boolean[n];
        int count = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int root = hub >= 0 ? hub : 0; count < n; root = (root + 1) % n) {
            if (seen[root]) {
                continue;
            }
            seen[root] = true;
            queue.add(root);
            while (!queue.isEmpty()) {
                int node = queue.poll();
                order[count++] = node;
                for (int next : neighbours.get(node)) {
                    if (!seen[next]) {
                        seen[next] = true;
                        queue.add(next);
                    }
                }
            }
        }
        return order;
    }

    private int[] identity() {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        return order;
    }

    private double pinnedRadius(Vec middle) {
        double radius = 0;
        for (int i = 0; i < n; i++) {
            if (pinned[i]) {
                radius = Math.max(radius, new Vec(x[i], y[i]).minus(middle).length());
            }
        }
        return radius;
    }

    private Vec pinnedNeighbourMiddle(int node) {
        double sx = 0;
        double sy = 0;
        int count = 0;
        for (int other : neighbours.get(node)) {
            if (pinned[other]) {
                sx += x[other];
                sy += y[other];
                count++;
            }
        }
        return count == 0 ? null : new Vec(sx / count, sy / count);
    }
}
