package dev.labforge.diagram;

/**
 * Moves free nodes until no two boxes overlap or sit closer than a gap, every link has room for its two
 * interface names, and no link runs under a box it does not belong to (it would look as if it ended there).
 * A force layout keeps nodes apart on average, not every pair: a hub's many neighbours end up shoulder to
 * shoulder, some right behind others.
 */
final class Separation {

    /** Clear space between boxes: room for the interface labels of a link running between them. */
    static final double GAP = 36;
    /** Bare link left visible between the two interface pills of a link, and room for its MTU. */
    private static final double PILL_SPACE = 16;
    /** Clear space between a box and a link passing by. */
    private static final double LINK_MARGIN = 12;
    /** Rounds of moving boxes off links; each is followed by restoring the gaps between boxes. */
    private static final int LINK_ROUNDS = 30;
    /**
     * Links per node beyond which boxes are not moved off links: in a densely linked lab links cross every
     * box whatever one does, and pushing only blows the drawing up.
     */
    private static final double MAX_LINKS_PER_NODE = 2;
    /** Passes until every pair of boxes is clear; sparse labs need a handful, crowded ones a few dozen. */
    private static final int MAX_PASSES = 500;

    private final double[] x;
    private final double[] y;
    private final double[] halfWidth;
    private final double[] halfHeight;
    private final boolean[] pinned;

    private Separation(double[] x, double[] y, double[] halfWidth, double[] halfHeight, boolean[] pinned) {
        this.x = x;
        this.y = y;
        this.halfWidth = halfWidth;
        this.halfHeight = halfHeight;
        this.pinned = pinned;
    }

    /**
     * Boxes apart, links long enough for their interface names and clear of foreign boxes, as far as a few
     * rounds achieve; pinned boxes stay.
     */
    static void apply(double[] x, double[] y, double[] halfWidth, double[] halfHeight, boolean[] pinned,
                      Edge[] edges) {
        Separation separation = new Separation(x, y, halfWidth, halfHeight, pinned);
        boolean sparse = edges.length <= MAX_LINKS_PER_NODE * x.length;
        for (int round = 0; round < LINK_ROUNDS; round++) {
            boolean moved = separation.lengthenLinks(edges);
            moved |= sparse && separation.clearLinks(edges);
            if (!moved) {
                break;
            }
            separation.separateBoxes();
        }
        separation.separateBoxes();
    }

    /** One pass of moving linked boxes apart until both ends' interface pills fit between them. */
    private boolean lengthenLinks(Edge[] edges) {
        boolean moved = false;
        for (Edge e : edges) {
            if (pinned[e.a()] && pinned[e.b()]) {
                continue;
            }
            Vec along = new Vec(x[e.b()] - x[e.a()], y[e.b()] - y[e.a()]);
            Vec dir = along.unit();
            double visible = along.length() - reach(e.a(), dir) - reach(e.b(), dir);
            double needed = 2 * (Lanes.TAG_GAP + pillSupport(e.pillA(), dir) + pillSupport(e.pillB(), dir))
                    + Math.max(PILL_SPACE, e.caption() + 12);
            if (visible >= needed) {
                continue;
            }
            double push = needed - visible + 0.5;
            double shareA = pinned[e.a()] ? 0 : pinned[e.b()] ? 1 : 0.5;
            x[e.a()] -= dir.x() * push * shareA;
            y[e.a()] -= dir.y() * push * shareA;
            x[e.b()] += dir.x() * push * (1 - shareA);
            y[e.b()] += dir.y() * push * (1 - shareA);
            moved = true;
        }
        return moved;
    }

    private double reach(int node, Vec dir) {
        double rx = Math.abs(dir.x()) < 1e-12 ? Double.MAX_VALUE : halfWidth[node] / Math.abs(dir.x());
        double ry = Math.abs(dir.y()) < 1e-12 ? Double.MAX_VALUE : halfHeight[node] / Math.abs(dir.y());
        return Math.min(rx, ry);
    }

    private static double pillSupport(double width, Vec dir) {
        return width == 0 ? 0 : Math.abs(dir.x()) * width / 2 + Math.abs(dir.y()) * Tag.HEIGHT / 2;
    }

    /** One pass of pushing boxes sideways off links; true if any moved. */
    private boolean clearLinks(Edge[] edges) {
        boolean moved = false;
        for (Edge e : edges) {
            Vec a = new Vec(x[e.a()], y[e.a()]);
            Vec b = new Vec(x[e.b()], y[e.b()]);
            Vec along = b.minus(a);
            double length = along.length();
            if (length < 1e-9) {
                continue;
            }
            Vec dir = along.times(1 / length);
            Vec normal = dir.normal();
            for (int w = 0; w < x.length; w++) {
                if (pinned[w] || w == e.a() || w == e.b()) {
                    continue;
                }
                Vec offset = new Vec(x[w], y[w]).minus(a);
                double t = offset.dot(dir);
                if (t <= 0 || t >= length) {
                    continue;
                }
                double side = offset.dot(normal);
                double needed = Math.abs(normal.x()) * halfWidth[w] + Math.abs(normal.y()) * halfHeight[w]
                        + LINK_MARGIN;
                if (Math.abs(side) >= needed) {
                    continue;
                }
                double push = (needed - Math.abs(side) + 0.5) * (side >= 0 ? 1 : -1);
                x[w] += normal.x() * push;
                y[w] += normal.y() * push;
                moved = true;
            }
        }
        return moved;
    }

    /**
     * Passes over all close pairs until none is too close. Each pass sorts the boxes left to right and
     * compares a box only with those that start before it could be clear of them, so a pass over a large
     * lab costs little more than the sort.
     */
    private void separateBoxes() {
        int n = x.length;
        double widest = 0;
        for (double half : halfWidth) {
            widest = Math.max(widest, half);
        }
        Integer[] byX = new Integer[n];
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            for (int i = 0; i < n; i++) {
                byX[i] = i;
            }
            java.util.Arrays.sort(byX, (p, q) -> p.equals(q) ? 0 : x[p] != x[q] ? Double.compare(x[p], x[q]) : p - q);
            boolean moved = false;
            for (int a = 0; a < n; a++) {
                int i = byX[a];
                for (int b = a + 1; b < n && x[byX[b]] - x[i] < halfWidth[i] + widest + GAP; b++) {
                    int j = byX[b];
                    moved |= i < j ? separatePair(i, j) : separatePair(j, i);
                }
            }
            if (!moved) {
                return;
            }
        }
    }

    private boolean separatePair(int i, int j) {
        if (pinned[i] && pinned[j]) {
            return false;
        }
        double dx = x[j] - x[i];
        double dy = y[j] - y[i];
        double overlapX = halfWidth[i] + halfWidth[j] + GAP - Math.abs(dx);
        double overlapY = halfHeight[i] + halfHeight[j] + GAP - Math.abs(dy);
        if (overlapX <= 0 || overlapY <= 0) {
            return false;
        }
        // along the axis that needs the shorter move; a little extra so rounding cannot leave them touching
        double sx = 0;
        double sy = 0;
        if (overlapX <= overlapY) {
            sx = (overlapX + 0.5) * (dx >= 0 ? 1 : -1);
        } else {
            sy = (overlapY + 0.5) * (dy >= 0 ? 1 : -1);
        }
        double shareI = pinned[i] ? 0 : pinned[j] ? 1 : 0.5;
        double shareJ = 1 - shareI;
        x[i] -= sx * shareI;
        y[i] -= sy * shareI;
        x[j] += sx * shareJ;
        y[j] += sy * shareJ;
        return true;
    }
}
