package dev.labforge.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Rows instead of forces, for labs built in tiers: a spine-and-leaf fabric is drawn with its spines in a
 * row above the leaves, as people draw it, where a force layout pulls the spines into the middle and
 * tangles their links. The best-linked nodes form the top row, each further row holds the nodes one more
 * link away, and a few barycentre sweeps order the rows to uncross links. It applies only when the top row
 * has several nodes (one would be a hub, which looks best in the middle of its spokes) and every link joins
 * two neighbouring rows; otherwise there is no tiered picture to draw.
 */
final class LayeredLayout {

    private static final double ROW_GAP = 240;
    private static final double COLUMN_GAP = 90;
    private static final int SWEEPS = 8;

    private LayeredLayout() {
    }

    /** Sets every node's position and returns true, or leaves them alone and returns false. */
    static boolean place(double[] x, double[] y, double[] halfWidth, Edge[] edges) {
        int n = x.length;
        List<List<Integer>> neighbours = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            neighbours.add(new ArrayList<>());
        }
        for (Edge e : edges) {
            neighbours.get(e.a()).add(e.b());
            neighbours.get(e.b()).add(e.a());
        }
        int[] row = rows(neighbours);
        if (row == null || Arrays.stream(row).max().orElse(0) == 0
                || Arrays.stream(row).filter(r -> r == 0).count() < 2) {
            return false;
        }
        for (Edge e : edges) {
            if (Math.abs(row[e.a()] - row[e.b()]) != 1) {
                return false;
            }
        }
        List<List<Integer>> rows = order(row, neighbours);
        for (int r = 0; r < rows.size(); r++) {
            List<Integer> nodes = rows.get(r);
            double width = -COLUMN_GAP;
            for (int node : nodes) {
                width += 2 * halfWidth[node] + COLUMN_GAP;
            }
            double left = -width / 2;
            for (int node : nodes) {
                x[node] = left + halfWidth[node];
                y[node] = r * ROW_GAP;
                left += 2 * halfWidth[node] + COLUMN_GAP;
            }
        }
        return true;
    }

    /** Links away from the best-linked nodes; null when some node cannot be reached at all. */
    private static int[] rows(List<List<Integer>> neighbours) {
        int n = neighbours.size();
        int most = neighbours.stream().mapToInt(List::size).max().orElse(0);
        int[] row = new int[n];
        Arrays.fill(row, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (neighbours.get(i).size() == most) {
                row[i] = 0;
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int next : neighbours.get(node)) {
                if (row[next] < 0) {
                    row[next] = row[node] + 1;
                    queue.add(next);
                }
            }
        }
        return Arrays.stream(row).anyMatch(r -> r < 0) ? null : row;
    }

    /** The nodes of each row, ordered by sweeping down and up, each node going to its neighbours' average. */
    private static List<List<Integer>> order(int[] row, List<List<Integer>> neighbours) {
        int depth = Arrays.stream(row).max().orElse(0) + 1;
        List<List<Integer>> rows = new ArrayList<>();
        for (int r = 0; r < depth; r++) {
            rows.add(new ArrayList<>());
        }
        for (int i = 0; i < row.length; i++) {
            rows.get(row[i]).add(i);
        }
        double[] slot = new double[row.length];
        rows.forEach(nodes -> number(nodes, slot));
        for (int sweep = 0; sweep < SWEEPS; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int k = 1; k < depth; k++) {
                int r = down ? k : depth - 1 - k;
                int from = down ? r - 1 : r + 1;
                double[] key = new double[row.length];
                for (int node : rows.get(r)) {
                    key[node] = barycentre(node, from, row, neighbours, slot);
                }
                rows.get(r).sort(Comparator.comparingDouble((Integer node) -> key[node])
                        .thenComparingDouble(node -> slot[node]));
                number(rows.get(r), slot);
            }
        }
        return rows;
    }

    private static double barycentre(int node, int fromRow, int[] row, List<List<Integer>> neighbours,
                                     double[] slot) {
        double sum = 0;
        int count = 0;
        for (int other : neighbours.get(node)) {
            if (row[other] == fromRow) {
                sum += slot[other];
                count++;
            }
        }
        return count == 0 ? slot[node] : sum / count;
    }

    private static void number(List<Integer> nodes, double[] slot) {
        for (int i = 0; i < nodes.size(); i++) {
            slot[nodes.get(i)] = i;
        }
    }
}
