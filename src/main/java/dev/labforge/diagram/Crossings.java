package dev.labforge.diagram;

/** Counts links that cross, drawn straight from centre to centre: the measure of a tidy layout. */
final class Crossings {

    private Crossings() {
    }

    static int count(double[] x, double[] y, Edge[] edges) {
        int crossings = 0;
        for (int i = 0; i < edges.length; i++) {
            for (int j = i + 1; j < edges.length; j++) {
                if (cross(x, y, edges[i], edges[j])) {
                    crossings++;
                }
            }
        }
        return crossings;
    }

    /** Links that share a node meet there, which is no crossing. */
    private static boolean cross(double[] x, double[] y, Edge p, Edge q) {
        if (p.a() == q.a() || p.a() == q.b() || p.b() == q.a() || p.b() == q.b()) {
            return false;
        }
        return side(x, y, p, q.a()) * side(x, y, p, q.b()) < 0 && side(x, y, q, p.a()) * side(x, y, q, p.b()) < 0;
    }

    private static double side(double[] x, double[] y, Edge e, int point) {
        double cross = (x[e.b()] - x[e.a()]) * (y[point] - y[e.a()]) - (y[e.b()] - y[e.a()]) * (x[point] - x[e.a()]);
        return Math.signum(cross);
    }
}
