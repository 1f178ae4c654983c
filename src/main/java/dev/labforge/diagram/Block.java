package dev.labforge.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * The end boxes hanging off one box (servers under their leaf, spokes under their hub), drawn as a compact
 * grid under it instead of a row as wide as all of them. The grid is made of pairs of columns with a channel
 * between them: each box's wire comes down the channel and turns into the box's side, its interface name
 * beside the box. ELK sees the block as one box with a port per wire on top, at its channel line, so it
 * places the block under its owner and routes the wires from the owner's ports to the channel.
 *
 * <p>Inside a channel the wires never cross: the further a wire's line is from the middle of the channel,
 * the higher the box it turns into.
 *
 * @param owner   the box the members hang off
 * @param members the hanging boxes, in the lab's order, each with a single wire to the owner
 * @param wires   the wire of each member, in the order of {@code members}
 * @param places  where each member sits, relative to the block's top left corner
 * @param lines   the x of each member's channel line, relative to the block
 * @param sides   the x where each member's wire enters its box, relative to the block
 * @param tags    each member's interface name on its wire, placed relative to the block; null if it has none
 */
record Block(int owner, List<Integer> members, List<Integer> wires, List<Vec> places, double[] lines,
             double[] sides, List<Tag> tags, double width, double height) {

    /** Fewer end boxes than this stay in a row under their owner, as ELK draws them. */
    static final int MIN_MEMBERS = 3;
    /** Between rows of the grid, and between pairs of columns: as much as ELK keeps between boxes. */
    static final double ROW_GAP = 24;
    private static final double PAIR_GAP = 36;
    /** Between neighbouring wires in a channel: a little less than ELK's 10, as they run straight. */
    private static final double LINE_GAP = 8;
    /** Between a box's side and its interface name, and between the name and the channel. */
    private static final double PAD = 4;
    private static final double STUB = 12;
    /** The shape a big block aims at, width over height: wider than tall, as screens are. */
    private static final double SHAPE = 2;

    /**
     * The blocks of a layered drawing: for each box, the boxes hanging off it (a single wire, to it, and a
     * tier lower) when there are at least {@link #MIN_MEMBERS} of them. Boxes of missing nodes stay out.
     */
    static List<Block> find(List<Card> cards, List<Wire> wires, Tiers tiers) {
        int n = cards.size();
        int[] links = new int[n];
        int[] wireOf = new int[n];
        for (int w = 0; w < wires.size(); w++) {
            Wire wire = wires.get(w);
            links[wire.from()] += wire.from() == wire.to() ? 2 : 1;
            links[wire.to()] += wire.from() == wire.to() ? 0 : 1;
            wireOf[wire.from()] = w;
            wireOf[wire.to()] = w;
        }
        List<List<Integer>> hanging = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hanging.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            if (links[i] == 1 && cards.get(i).kind() != Kind.MISSING) {
                Wire wire = wires.get(wireOf[i]);
                int owner = wire.from() == i ? wire.to() : wire.from();
                if (tiers.of(owner) < tiers.of(i)) {
                    hanging.get(owner).add(i);
                }
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (int owner = 0; owner < n; owner++) {
            List<Integer> members = hanging.get(owner);
            if (members.size() >= MIN_MEMBERS) {
                blocks.add(of(owner, members, members.stream().map(m -> wireOf[m]).toList(), cards, wires));
            }
        }
        return blocks;
    }

    /** Lays the members out: pairs of columns side by side, each pair filled row by row. */
    static Block of(int owner, List<Integer> members, List<Integer> memberWires, List<Card> cards,
                    List<Wire> wires) {
        int k = members.size();
        double widest = members.stream().mapToDouble(m -> cards.get(m).width()).max().orElse(0);
        double row = Card.HEIGHT + ROW_GAP;
        double pairWidth = 2 * widest + 4 * STUB + 2 * Tag.HEIGHT * 3;
        int pairs = (int) Math.max(1, Math.round(Math.sqrt(k * row * SHAPE / (2 * pairWidth))));
        pairs = Math.min(pairs, (k + 1) / 2);
        List<Vec> places = new ArrayList<>(k);
        double[] lines = new double[k];
        double[] sides = new double[k];
        List<Tag> tags = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            places.add(Vec.ZERO);
            tags.add(null);
        }
        double left = 0;
        int rowsMax = 0;
        for (int p = 0; p < pairs; p++) {
            int from = (int) ((long) k * p / pairs);
            int to = (int) ((long) k * (p + 1) / pairs);
            rowsMax = Math.max(rowsMax, (to - from + 1) / 2);
            left = pair(from, to, left, members, memberWires, cards, wires, places, lines, sides, tags) + PAIR_GAP;
        }
        return new Block(owner, List.copyOf(members), List.copyOf(memberWires), places, lines, sides, tags,
                left - PAIR_GAP, rowsMax * row - ROW_GAP);
    }

    /** One pair of columns for members {@code from} (inclusive) to {@code to}, from x {@code left}; its right edge. */
    private static double pair(int from, int to, double left, List<Integer> members, List<Integer> memberWires,
                               List<Card> cards, List<Wire> wires, List<Vec> places, double[] lines,
                               double[] sides, List<Tag> tags) {
        double[] columnWidth = new double[2];
        double[] tagWidth = new double[2];
        int[] count = new int[2];
        for (int i = from; i < to; i++) {
            int column = (i - from) % 2;
            columnWidth[column] = Math.max(columnWidth[column], cards.get(members.get(i)).width());
            Tag tag = tag(members.get(i), wires.get(memberWires.get(i)));
            tags.set(i, tag);
            tagWidth[column] = Math.max(tagWidth[column], tag == null ? 0 : tag.width());
            count[column]++;
        }
        double leftEdge = left + columnWidth[0];
        double firstLine = leftEdge + stub(tagWidth[0]);
        double lastLeftLine = firstLine + (count[0] - 1) * LINE_GAP;
        double firstRightLine = lastLeftLine + LINE_GAP;
        double lastLine = count[1] == 0 ? lastLeftLine : firstRightLine + (count[1] - 1) * LINE_GAP;
        double rightEdge = lastLine + stub(tagWidth[1]);
        double row = Card.HEIGHT + ROW_GAP;
        for (int i = from; i < to; i++) {
            int column = (i - from) % 2;
            int r = (i - from) / 2;
            Card card = cards.get(members.get(i));
            double y = r * row + card.halfHeight();
            Tag tag = tags.get(i);
            if (column == 0) {
                // the outermost line goes to the top row, so that no turn crosses a line further in
                lines[i] = firstLine + r * LINE_GAP;
                sides[i] = leftEdge;
                places.set(i, new Vec(leftEdge - card.halfWidth(), y));
                if (tag != null) {
                    tags.set(i, tag.at(new Vec(leftEdge + PAD + tag.width() / 2, y - tag.height() / 2 - 2)));
                }
            } else {
                lines[i] = firstRightLine + (count[1] - 1 - r) * LINE_GAP;
                sides[i] = rightEdge;
                places.set(i, new Vec(rightEdge + card.halfWidth(), y));
                if (tag != null) {
                    tags.set(i, tag.at(new Vec(rightEdge - PAD - tag.width() / 2, y - tag.height() / 2 - 2)));
                }
            }
        }
        return rightEdge + columnWidth[1];
    }

    private static double stub(double tagWidth) {
        return tagWidth == 0 ? STUB : tagWidth + 2 * PAD + STUB;
    }

    /** The member's own interface name, at its end of the wire; null if it names none. */
    private static Tag tag(int member, Wire wire) {
        String iface = wire.from() == member ? wire.fromIface() : wire.toIface();
        return iface.isEmpty() ? null : Tag.of(iface);
    }

    /** The index in {@link #members} of {@code card}, or -1. */
    int indexOf(int card) {
        return members.indexOf(card);
    }
}
