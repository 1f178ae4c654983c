package dev.labforge.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** What every picture must be, whatever the lab: nothing drawn on top of anything else, a sensible size. */
final class Readability {

    /** Clear space boxes keep between them; the layout asks for more. */
    static final double MIN_GAP = 20;
    /**
     * Canvas area per box, at most. A tiered drawing spends the height of the drawing on every box of its
     * widest tier, and room beside each box for the lines passing it: 100 nodes of containerlab's own
     * large-100 lab take 134,000 each; small labs take a third of that.
     */
    static final double MAX_AREA_PER_BOX = 150_000;
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
