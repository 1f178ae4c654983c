package dev.labforge.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** What every picture must be, whatever the lab: nothing drawn on top of anything else, a sensible size. */
final class Readability {

    /** Clear space boxes keep between them; the layout asks for more. */
    static final double MIN_GAP = 20;
    /**
     * Canvas area per box, at most. Boxes take about 20,000 with their spacing, wires and interface names
     * about as much again: containerlab's own large-100 lab takes 71,000 per node, small labs half that,
     * a 4x8 spine-leaf fabric (32 wires with names at both ends) 80,000. (Drawn as one row of fourteen
     * leaves over a staircase of eighty servers, large-100 took 134,000.)
     */
    static final double MAX_AREA_PER_BOX = 90_000;
    /**
     * The picture is never more than this many times wider than tall, nor taller than wide: a screen is
     * 1.8 times wider than tall; containerlab's large-100 lab was once drawn 6 times wider.
     */
    static final double MAX_SHAPE = 3;
    /** A few boxes still get a header and margins. */
    private static final double BASE_AREA = 400_000;

    private Readability() {
    }

    static void check(ParsedSvg svg) {
        checkOverlaps(svg);
        double[] viewBox = svg.viewBox();
        int boxes = svg.boxRects().size();
        assertThat(viewBox[2] * viewBox[3]).as("canvas area for %d boxes", boxes)
                .isLessThanOrEqualTo(BASE_AREA + MAX_AREA_PER_BOX * boxes);
    }

    /**
     * {@link #check}, and a picture that keeps about a screen's shape. Not asked of every lab: two tiers of
     * a fabric (four spines over eight leaves) are drawn in two long rows, as people draw them.
     */
    static void checkWithShape(ParsedSvg svg) {
        check(svg);
        double[] viewBox = svg.viewBox();
        assertThat(viewBox[2] / viewBox[3]).as("canvas %s x %s, width over height", viewBox[2], viewBox[3])
                .isBetween(1 / MAX_SHAPE, MAX_SHAPE);
    }

    /**
     * The boxes hanging off {@code owner} form a compact block under it: no more area than about their own
     * with room for their wires and names, not much wider than tall, right under the owner and across its
     * middle (not dealt out over rows in a staircase, nor in one row as wide as all of them).
     */
    static void checkBlock(ParsedSvg svg, String owner, List<String> members) {
        ParsedSvg.Box top = svg.box(owner);
        List<ParsedSvg.Box> boxes = members.stream().map(svg::box).toList();
        double left = boxes.stream().mapToDouble(b -> b.x() - b.width() / 2).min().orElseThrow();
        double right = boxes.stream().mapToDouble(b -> b.x() + b.width() / 2).max().orElseThrow();
        double upper = boxes.stream().mapToDouble(b -> b.y() - b.height() / 2).min().orElseThrow();
        double lower = boxes.stream().mapToDouble(b -> b.y() + b.height() / 2).max().orElseThrow();
        // each box with a channel's share beside it for the wires and names, and a gap under it
        double own = boxes.stream().mapToDouble(b -> (b.width() + 60) * (b.height() + MIN_GAP)).sum();
        String what = owner + "'s " + members.size() + " boxes";
        assertThat((right - left) * (lower - upper)).as("area of %s", what).isLessThanOrEqualTo(1.6 * own);
        assertThat(right - left).as("width of %s", what).isLessThanOrEqualTo(4 * (lower - upper) + 1);
        double ownerBottom = top.y() + top.height() / 2;
        assertThat(upper).as("%s under it", what).isGreaterThan(ownerBottom);
        assertThat(upper - ownerBottom).as("%s close under it", what).isLessThan(200);
        assertThat(top.x()).as("%s across its middle", what).isBetween(left, right);
    }

    /** Nothing drawn on top of anything else, and all of it inside the view box. */
    static void checkOverlaps(ParsedSvg svg) {
        List<ParsedSvg.Rect> boxes = svg.boxRects();
        List<ParsedSvg.Rect> labels = svg.labelRects();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                ParsedSvg.Rect a = boxes.get(i);
                ParsedSvg.Rect b = boxes.get(j);
                double gap = Math.max(Math.max(a.left() - b.right(), b.left() - a.right()),
                        Math.max(a.top() - b.bottom(), b.top() - a.bottom()));
                if (gap < MIN_GAP) {
                    problems.add(a.what() + " and " + b.what() + " are " + gap + " apart");
                }
            }
        }
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).overlaps(labels.get(j))) {
                    problems.add(labels.get(i) + " covers " + labels.get(j));
                }
            }
            for (ParsedSvg.Rect box : boxes) {
                if (labels.get(i).overlaps(box)) {
                    problems.add(labels.get(i) + " covers " + box);
                }
            }
        }
        assertThat(problems).as("overlaps").isEmpty();
        double[] viewBox = svg.viewBox();
        // everything drawn is inside the view box
        for (ParsedSvg.Rect r : concat(boxes, labels)) {
            assertThat(r.left()).as(r.what()).isGreaterThanOrEqualTo(viewBox[0]);
            assertThat(r.top()).as(r.what()).isGreaterThanOrEqualTo(viewBox[1]);
            assertThat(r.right()).as(r.what()).isLessThanOrEqualTo(viewBox[0] + viewBox[2]);
            assertThat(r.bottom()).as(r.what()).isLessThanOrEqualTo(viewBox[1] + viewBox[3]);
        }
    }

    private static List<ParsedSvg.Rect> concat(List<ParsedSvg.Rect> a, List<ParsedSvg.Rect> b) {
        List<ParsedSvg.Rect> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
