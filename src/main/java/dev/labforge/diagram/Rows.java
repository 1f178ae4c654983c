package dev.labforge.diagram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The row of every linked box, top to bottom: its tier ({@link Tiers}), except that a tier too wide to read
 * has its end boxes (those with a single link, up to the tier above: servers under their leaf) dealt out
 * over extra rows under it, a parent's first end box in the first row, its second in the next, and so on.
 * Eighty servers under fourteen leaves then stand in six rows under their leaves instead of one row of
 * eighty (a fifth less canvas for containerlab's large-100 lab).
 */
final class Rows {

    /** The fewest boxes a row may hold before its end boxes move down; wider fabrics set a wider limit. */
    private static final int MIN_WIDTH = 8;

    private Rows() {
    }

    /** The row of each box in {@code linked}, by box index; other boxes get -1. */
    static int[] of(List<Card> cards, List<Wire> wires, List<Integer> linked, Tiers tiers) {
        int n = cards.size();
        int[] links = new int[n];
        int[] parent = new int[n];
        for (Wire wire : wires) {
            if (wire.from() != wire.to()) {
                links[wire.from()]++;
                links[wire.to()]++;
                parent[wire.from()] = wire.to();
                parent[wire.to()] = wire.from();
            } else {
                links[wire.from()] += 2;
            }
        }
        int deepest = linked.stream().mapToInt(tiers::of).max().orElse(0);
        List<List<Integer>> tiered = new ArrayList<>();
        for (int t = 0; t <= deepest; t++) {
            tiered.add(new ArrayList<>());
        }
        linked.forEach(i -> tiered.get(tiers.of(i)).add(i));
        // as wide as the widest tier of boxes that cannot move, or the square root of the whole
        int width = Math.max(MIN_WIDTH, (int) Math.ceil(Math.sqrt(linked.size())));
        for (List<Integer> tier : tiered) {
            width = Math.max(width, (int) tier.stream().filter(i -> !isEnd(i, links, parent, tiers)).count());
        }
        int[] row = new int[n];
        Arrays.fill(row, -1);
        int next = 0;
        for (List<Integer> tier : tiered) {
            if (tier.size() <= width) {
                for (int i : tier) {
                    row[i] = next;
                }
                next++;
                continue;
            }
            List<Integer> ends = tier.stream().filter(i -> isEnd(i, links, parent, tiers)).toList();
            int rows = Math.max(1, (int) Math.ceil((double) ends.size() / width));
            int[] dealt = new int[n];
            for (int i : tier) {
                if (isEnd(i, links, parent, tiers)) {
                    row[i] = next + dealt[parent[i]]++ % rows;
                } else {
                    row[i] = next;
                }
            }
            next += rows;
        }
        return row;
    }

    /** A box with one link, to the tier above: nothing hangs off it, so it may stand lower. */
    private static boolean isEnd(int box, int[] links, int[] parent, Tiers tiers) {
        return links[box] == 1 && tiers.of(parent[box]) < tiers.of(box);
    }
}
