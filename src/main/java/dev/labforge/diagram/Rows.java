package dev.labforge.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The row of every linked box, top to bottom, handed to ELK's interactive layering. A box's row follows its
 * tier ({@link Tiers}); boxes hanging off one box (a single wire, up to it) go in the row right under it, as a
 * {@link Block} when there are enough of them. A tier too wide for the drawing to keep a screen's shape (the
 * fourteen leaves of containerlab's large-100 lab, each with its block of servers; eight spines each as wide
 * as the names of its 48 ports) is wrapped: its boxes are
 * dealt, in order, over several rows, each followed by the row of what hangs off them, and in columns that
 * line up from row to row (see {@link Channels}). Widths and heights here are estimates of what ELK will
 * draw, close enough to choose how many rows and to order each row.
 */
final class Rows {

    /** The drawing aims to be at most this much wider than tall (16:9 is 1.8). */
    static final double TARGET_SHAPE = 1.8;
    /**
     * A tier of this many boxes or fewer, with as few hanging off them, is not wrapped unless it is wider
     * than {@link #MAX_ROW_WIDTH}: a small fabric reads best in one row.
     */
    static final int MIN_WRAPPED = 9;
    /**
     * A tier estimated wider than this is wrapped whatever its count, if that brings the drawing nearer its
     * shape: about two screens at the picture's own scale, past which its names cannot be read when the whole
     * picture is shown. Eight spines, each with the names of 48 ports along its bottom, are 14,000 px wide.
     */
    static final double MAX_ROW_WIDTH = 4_000;
    /** Each row of a wrapped tier keeps at least this many boxes. */
    private static final int MIN_PER_ROW = 4;
    /** Estimates of ELK's spacing (see {@link ElkLayout}): between boxes, between rows. */
    private static final double NODE_GAP = 36;
    private static final double ROW_GAP = 56;
    /**
     * A wire running down past a row takes this much of its width in ELK's drawing: its straight run keeps
     * ELK's 10 px from the next, and the row's boxes are pushed aside around the runs (measured on the 500-node
     * Clos: the spines' wires past a row of leaves took about 40 px each).
     */
    private static final double PASSING_WIRE = 40;
    /** Wires bending between two rows need room for their horizontal stretches; about half get one of 10. */
    private static final double TRACK = 5;

    private final int units;
    private final int[] unitOf;
    private final int[] tier;
    /** The unit a unit hangs off, or -1. */
    private final int[] parent;
    private final double[] width;
    private final double[] height;
    private final List<int[]> edges = new ArrayList<>();
    /** The units hanging off each unit. */
    private final List<List<Integer>> hangers = new ArrayList<>();
    /** The middle of each unit's column in the rows last placed, and that column's width. */
    private double[] x;
    private double[] grid;
    private boolean wrapped;

    private Rows(List<Card> cards, List<Wire> wires, List<Integer> linked, Tiers tiers, List<Block> blocks) {
        int n = cards.size();
        unitOf = new int[n];
        Arrays.fill(unitOf, -1);
        int[] blockOf = new int[n];
        Arrays.fill(blockOf, -1);
        for (int b = 0; b < blocks.size(); b++) {
            for (int m : blocks.get(b).members()) {
                blockOf[m] = b;
            }
        }
        int count = 0;
        for (int i : linked) {
            if (blockOf[i] < 0) {
                unitOf[i] = count++;
            }
        }
        int firstBlock = count;
        for (int i : linked) {
            if (blockOf[i] >= 0) {
                unitOf[i] = firstBlock + blockOf[i];
            }
        }
        count += blocks.size();
        units = count;
        tier = new int[units];
        parent = new int[units];
        width = new double[units];
        height = new double[units];
        Arrays.fill(parent, -1);
        int[] links = new int[n];
        int[] other = new int[n];
        double[] up = new double[n];
        double[] down = new double[n];
        for (Wire wire : wires) {
            if (wire.from() == wire.to()) {
                links[wire.from()] += 2;
                continue;
            }
            links[wire.from()]++;
            links[wire.to()]++;
            other[wire.from()] = wire.to();
            other[wire.to()] = wire.from();
            boolean fromAbove = tiers.downwards(wire);
            room(fromAbove ? down : up, wire.from(), wire.fromIface());
            room(fromAbove ? up : down, wire.to(), wire.toIface());
            edges.add(new int[] {unitOf[wire.from()], unitOf[wire.to()]});
        }
        for (int i : linked) {
            int u = unitOf[i];
            Card card = cards.get(i);
            if (u < firstBlock) {
                tier[u] = tiers.of(i);
                width[u] = Math.max(card.width(), Math.max(up[i], down[i]));
                height[u] = card.height();
                if (links[i] == 1 && tiers.of(other[i]) < tiers.of(i)) {
                    parent[u] = unitOf[other[i]];
                }
            }
        }
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            int u = firstBlock + b;
            tier[u] = tiers.of(block.members().get(0));
            parent[u] = unitOf[block.owner()];
            width[u] = block.width();
            height[u] = block.height();
        }
        for (int u = 0; u < units; u++) {
            hangers.add(new ArrayList<>());
        }
        for (int u = 0; u < units; u++) {
            if (parent[u] >= 0) {
                hangers.get(parent[u]).add(u);
            }
        }
    }

    /**
     * Where each box goes, by box index; the members of a block share its row and column.
     *
     * @param row     the row of each box, -1 for boxes not linked
     * @param x       the estimated middle of each box's column; the columns of a tier's rows line up, and every
     *                tier is centred on 0
     * @param column  the estimated width of each box's column (the widest box there, or what hangs under it)
     * @param wrapped whether a tier was dealt over more than one row
     */
    record Plan(int[] row, double[] x, double[] column, boolean wrapped) {
    }

    static Plan of(List<Card> cards, List<Wire> wires, List<Integer> linked, Tiers tiers, List<Block> blocks) {
        Rows rows = new Rows(cards, wires, linked, tiers, blocks);
        int[] unitRow = rows.choose();
        int[] row = new int[cards.size()];
        double[] x = new double[cards.size()];
        double[] column = new double[cards.size()];
        Arrays.fill(row, -1);
        for (int i : linked) {
            int u = rows.unitOf[i];
            row[i] = unitRow[u];
            x[i] = rows.x[u];
            column[i] = rows.grid[u];
        }
        return new Plan(row, x, column, rows.wrapped);
    }

    /** Wraps the widest tier into one more row while that brings the drawing nearer its shape. */
    private int[] choose() {
        int deepest = Arrays.stream(tier).max().orElse(0);
        List<List<Integer>> standing = new ArrayList<>();
        for (int t = 0; t <= deepest; t++) {
            standing.add(new ArrayList<>());
        }
        for (int u = 0; u < units; u++) {
            if (parent[u] < 0) {
                standing.get(tier[u]).add(u);
            }
        }
        int[] wraps = new int[deepest + 1];
        Arrays.fill(wraps, 1);
        int[] best = place(standing, wraps);
        int[] bestWraps = wraps.clone();
        double miss = miss(best);
        for (int step = 0; step < 4 * (deepest + 1) && miss > 0; step++) {
            int widest = -1;
            double widestWidth = 0;
            for (int t = 0; t <= deepest; t++) {
                int size = standing.get(t).size();
                int hanging = standing.get(t).stream().mapToInt(u -> hangers.get(u).size()).sum();
                double w = span(standing.get(t)) / wraps[t];
                boolean many = Math.max(size, hanging) > MIN_WRAPPED;
                if ((many || w > MAX_ROW_WIDTH) && size / (wraps[t] + 1) >= MIN_PER_ROW && w > widestWidth) {
                    widest = t;
                    widestWidth = w;
                }
            }
            if (widest < 0) {
                break;
            }
            wraps[widest]++;
            int[] tried = place(standing, wraps);
            double triedMiss = miss(tried);
            if (triedMiss >= miss) {
                break;
            }
            best = tried;
            miss = triedMiss;
            bestWraps = wraps.clone();
            wrapped = true;
        }
        // the columns of the rows chosen
        place(standing, bestWraps);
        return best;
    }

    /**
     * The row of each unit: the standing units of each tier dealt in order over {@code wraps[t]} rows of
     * about equal width, each followed by a row of what hangs off them; the hanging units of a tier's last
     * row share a row with the next tier. Sets {@link #x} and {@link #grid} to the columns of these rows.
     */
    private int[] place(List<List<Integer>> standing, int[] wraps) {
        int[] row = new int[units];
        x = new double[units];
        grid = new double[units];
        int next = 0;
        for (int t = 0; t < standing.size(); t++) {
            List<Integer> tierUnits = standing.get(t);
            if (tierUnits.isEmpty()) {
                continue;
            }
            double total = span(tierUnits);
            double done = 0;
            int group = 0;
            boolean hanging = false;
            List<List<Integer>> groups = new ArrayList<>(List.of(new ArrayList<>()));
            for (int u : tierUnits) {
                // a new row when this unit's middle is past the group's share of the width
                double share = total * (group + 1) / wraps[t];
                double w = columnWidth(u);
                if (done + w / 2 > share && group < wraps[t] - 1) {
                    group++;
                    next += hanging ? 2 : 1;
                    hanging = false;
                    groups.add(new ArrayList<>());
                }
                row[u] = next;
                groups.get(group).add(u);
                for (int h : hangers.get(u)) {
                    row[h] = next + 1;
                    hanging = true;
                }
                done += w + NODE_GAP;
            }
            next += 1;
            columns(groups);
        }
        return row;
    }

    /**
     * The middle of each unit of a tier dealt over {@code groups} (its rows), as columns: the n-th unit of
     * every row in the n-th column, as wide as the widest of them, the whole grid centred on 0; what hangs
     * off a unit centred under it.
     */
    private void columns(List<List<Integer>> groups) {
        int count = groups.stream().mapToInt(List::size).max().orElse(0);
        double[] columnWidth = new double[count];
        for (List<Integer> g : groups) {
            for (int c = 0; c < g.size(); c++) {
                columnWidth[c] = Math.max(columnWidth[c], columnWidth(g.get(c)));
            }
        }
        double total = Arrays.stream(columnWidth).sum() + NODE_GAP * (count - 1);
        for (List<Integer> g : groups) {
            double left = -total / 2;
            for (int c = 0; c < g.size(); c++) {
                int u = g.get(c);
                x[u] = left + columnWidth[c] / 2;
                grid[u] = columnWidth[c];
                double under = x[u] - hangingWidth(u) / 2;
                for (int h : hangers.get(u)) {
                    x[h] = under + width[h] / 2;
                    grid[h] = columnWidth[c];
                    under += width[h] + NODE_GAP;
                }
                left += columnWidth[c] + NODE_GAP;
            }
        }
    }

    /** How far the estimated drawing is from its shape: 0 when it is no wider than the target. */
    private double miss(int[] row) {
        int rows = Arrays.stream(row).max().orElse(0) + 1;
        double[] rowWidth = new double[rows];
        double[] rowHeight = new double[rows];
        int[] bending = new int[rows];
        for (int u = 0; u < units; u++) {
            rowWidth[row[u]] += width[u] + NODE_GAP;
            rowHeight[row[u]] = Math.max(rowHeight[row[u]], height[u]);
        }
        for (int[] edge : edges) {
            int a = Math.min(row[edge[0]], row[edge[1]]);
            int b = Math.max(row[edge[0]], row[edge[1]]);
            // a wire bends under its upper end and over its lower end, and runs straight down the rows between
            if (b > a) {
                bending[a]++;
                if (b - 1 > a) {
                    bending[b - 1]++;
                }
            }
            for (int r = a + 1; r < b; r++) {
                rowWidth[r] += PASSING_WIRE;
            }
        }
        double w = Arrays.stream(rowWidth).max().orElse(0);
        double h = 0;
        for (int r = 0; r < rows; r++) {
            h += rowHeight[r] + (r < rows - 1 ? ROW_GAP + TRACK * bending[r] : 0);
        }
        double shape = w / Math.max(h, 1);
        // too wide counts as much as too tall would
        return shape > TARGET_SHAPE ? Math.log(shape / TARGET_SHAPE)
                : shape < 1 / TARGET_SHAPE ? Math.log(1 / (shape * TARGET_SHAPE)) : 0;
    }

    private double span(List<Integer> tierUnits) {
        return tierUnits.stream().mapToDouble(u -> columnWidth(u) + NODE_GAP).sum();
    }

    private double hangingWidth(int u) {
        return hangers.get(u).stream().mapToDouble(h -> width[h] + NODE_GAP).sum() - NODE_GAP;
    }

    /** A standing unit's width, or that of what hangs under it if that is wider. */
    private double columnWidth(int u) {
        return Math.max(width[u], hangingWidth(u));
    }

    /** Adds room for an interface name on one side of a box. */
    private static void room(double[] side, int box, String iface) {
        side[box] += (iface.isEmpty() ? 1 : Tag.of(iface).width()) + 8;
    }
}
