package dev.labforge.diagram;

import java.util.Arrays;

/**
 * Fruchterman-Reingold layout: linked nodes pull together, all nodes push apart, and moves shrink with a
 * falling temperature. Iteration count and arithmetic are fixed, so the same start always lands the same
 * way. Pinned nodes (those with a position) push and pull the others but never move.
 */
final class ForceLayout {

    /**
     * The natural distance of two linked nodes. Links in a real lab come out about twice as long, because
     * every node pushes every other away; that leaves room for a box and two interface names.
     */
    static final double SPACING = 170;
    /** Enough for a 200-node lab to settle; fixed so that output and running time are fixed too. */
    private static final int ITERATIONS = 300;
    /** Pull towards the middle, only for labs in several pieces, which would otherwise drift apart. */
    private static final double GRAVITY = 0.08;

    private final double[] x;
    private final double[] y;
    private final boolean[] pinned;
    private final Edge[] edges;
    private final int n;

    private ForceLayout(double[] x, double[] y, boolean[] pinned, Edge[] edges) {
        this.x = x;
        this.y = y;
        this.pinned = pinned;
        this.edges = edges;
        this.n = x.length;
    }

    /** Moves the free nodes from where they are now; {@code middle} is where gravity pulls to. */
    static void run(double[] x, double[] y, boolean[] pinned, Edge[] edges, Vec middle) {
        new ForceLayout(x, y, pinned, edges).run(middle);
    }

    private void run(Vec middle) {
        boolean gravity = pieces() > 1;
        double[] dx = new double[n];
        double[] dy = new double[n];
        double hot = SPACING * Math.max(1, Math.sqrt(n) / 2);
        for (int round = 0; round < ITERATIONS; round++) {
            Arrays.fill(dx, 0);
            Arrays.fill(dy, 0);
            repel(dx, dy);
            attract(dx, dy);
            if (gravity) {
                pullToward(middle, dx, dy);
            }
            double temperature = hot * (1 - (double) round / ITERATIONS) + 1;
            move(dx, dy, temperature);
        }
    }

    private void repel(double[] dx, double[] dy) {
        double k2 = SPACING * SPACING;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double ddx = x[i] - x[j];
                double ddy = y[i] - y[j];
                double d2 = ddx * ddx + ddy * ddy;
                if (d2 < 1e-6) {
                    // coincident nodes: separate them in a fixed direction so that the result stays deterministic
                    ddx = 0.1 * (j - i);
                    ddy = 0.05;
                    d2 = ddx * ddx + ddy * ddy;
                }
                double f = k2 / d2;
                dx[i] += ddx * f;
                dy[i] += ddy * f;
                dx[j] -= ddx * f;
                dy[j] -= ddy * f;
            }
        }
    }

    private void attract(double[] dx, double[] dy) {
        for (Edge e : edges) {
            double ddx = x[e.a()] - x[e.b()];
            double ddy = y[e.a()] - y[e.b()];
            double f = Math.sqrt(ddx * ddx + ddy * ddy) / SPACING;
            dx[e.a()] -= ddx * f;
            dy[e.a()] -= ddy * f;
            dx[e.b()] += ddx * f;
            dy[e.b()] += ddy * f;
        }
    }

    private void pullToward(Vec middle, double[] dx, double[] dy) {
        for (int i = 0; i < n; i++) {
            double ddx = x[i] - middle.x();
            double ddy = y[i] - middle.y();
            double f = GRAVITY * Math.sqrt(ddx * ddx + ddy * ddy) / SPACING;
            dx[i] -= ddx * f;
            dy[i] -= ddy * f;
        }
    }

    private void move(double[] dx, double[] dy, double temperature) {
        for (int i = 0; i < n; i++) {
            double length = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]);
            if (pinned[i] || length < 1e-9) {
                continue;
            }
            double step = Math.min(length, temperature) / length;
            x[i] += dx[i] * step;
            y[i] += dy[i] * step;
        }
    }

    /** Counts connected pieces with a union-find over the edges. */
    private int pieces() {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int pieces = n;
        for (Edge e : edges) {
            int a = root(parent, e.a());
            int b = root(parent, e.b());
            if (a != b) {
                parent[a] = b;
                pieces--;
            }
        }
        return pieces;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
