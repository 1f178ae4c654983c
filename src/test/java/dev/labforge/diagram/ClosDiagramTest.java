package dev.labforge.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.topology.Link;
import dev.labforge.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/**
 * Big fabrics (the render benchmark's Clos of 500 nodes, containerlab's large-100): a shape a screen can show,
 * every leaf's servers in a block under it, and no two wires between a leaf and its block crossing.
 */
class ClosDiagramTest {

    private static Topology clos500;
    private static ParsedSvg clos500Svg;

    @BeforeAll
    static void drawTheBigOneOnce() throws Exception {
        clos500 = Labs.clos(4, 8, 48, 440);
        clos500Svg = ParsedSvg.parse(TopologyDiagram.svg("Clos 500", clos500));
    }

    /**
     * Eight spines, each with the names of its 48 leaf ports along its bottom, made a row 14,000 px wide that
     * was never wrapped (a tier of eight is "small"): the picture came out 17,557 x 6,427, 2.7 times wider
     * than tall. A tier that wide is wrapped now, whatever its count.
     */
    @Test
    void aClosOf500KeepsNearAScreensShape() {
        double[] viewBox = clos500Svg.viewBox();

        assertThat(viewBox[2] / viewBox[3]).as("canvas %s x %s, width over height", viewBox[2], viewBox[3])
                .isLessThanOrEqualTo(2.0);
        double spines = clos500Svg.boxes().stream().filter(b -> b.name().startsWith("spine"))
                .map(ParsedSvg.Box::y).distinct().count();
        assertThat(spines).as("rows of spines").isGreaterThan(1);
    }

    /**
     * ELK's own ordering scattered the wrapped rows of leaves over the width, with the spines' wires around
     * the whole canvas between them (17,119 x 8,273, 283,000 px² a box); the leaves now keep the order and the
     * columns they were dealt into, the wires running down the gaps between the columns (14,823 x 8,119).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fabrics")
    void theLeavesOfAWrappedTierStayInOrderRowByRow(String name) throws Exception {
        ParsedSvg svg = name.equals("Clos 500") ? clos500Svg : ParsedSvg.parse(TopologyDiagram.svg(name, lab(name)));
        List<ParsedSvg.Box> leaves = svg.boxes().stream().filter(b -> b.name().startsWith("leaf"))
                .sorted(Comparator.comparingDouble(ParsedSvg.Box::y).thenComparingDouble(ParsedSvg.Box::x))
                .toList();
        List<Integer> order = leaves.stream().map(b -> Integer.parseInt(b.name().substring("leaf".length())))
                .toList();
        assertThat(order).as("leaves, row by row from the top, left to right").isSorted();
        assertThat(leaves.stream().map(ParsedSvg.Box::y).distinct().count()).as("rows of leaves").isGreaterThan(1);
    }

    @Test
    void aClosOf500HasNothingOnTopOfAnythingAndEveryLeafItsBlock() {
        assertThat(clos500Svg.nodes()).hasSize(500);
        // not Readability.check: 856 wires take more than its area per box (90,000 px²), but far less than before
        Readability.checkOverlaps(clos500Svg);
        double[] viewBox = clos500Svg.viewBox();
        assertThat(viewBox[2] * viewBox[3] / 500).as("canvas area per box").isLessThanOrEqualTo(250_000);
        for (int leaf = 1; leaf <= 48; leaf++) {
            Readability.checkBlock(clos500Svg, "leaf" + leaf, servers(clos500, "leaf" + leaf));
        }
    }

    static Stream<String> fabrics() {
        return Stream.of("Clos 500", "Clos 100", "large-100");
    }

    /** The wires from a leaf's ports down to its block's channel: none crosses another. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fabrics")
    void noWireBetweenALeafAndItsBlockCrossesAnother(String name) throws Exception {
        Topology lab = lab(name);
        ParsedSvg svg = name.equals("Clos 500") ? clos500Svg : ParsedSvg.parse(TopologyDiagram.svg(name, lab));
        List<String> crossings = new ArrayList<>();
        for (String leaf : lab.nodes().stream().map(n -> n.name()).filter(n -> n.startsWith("leaf")).toList()) {
            List<Link> wires = lab.links().stream()
                    .filter(l -> l.a().node().equals(leaf) || l.b().node().equals(leaf))
                    .filter(l -> l.a().node().startsWith("server") || l.b().node().startsWith("server"))
                    .toList();
            for (int i = 0; i < wires.size(); i++) {
                for (int j = i + 1; j < wires.size(); j++) {
                    int count = crossings(line(svg, wires.get(i)), line(svg, wires.get(j)));
                    if (count > 0) {
                        crossings.add(wires.get(i) + " x " + wires.get(j) + " (" + count + ")");
                    }
                }
            }
        }
        assertThat(crossings).as("wires between a leaf and its block that cross").isEmpty();
    }

    private static Topology lab(String name) throws Exception {
        return switch (name) {
            case "Clos 500" -> clos500;
            case "Clos 100" -> Labs.clos(2, 4, 14, 80);
            default -> RealTopologiesTest.load("large-100.clab.yml");
        };
    }

    private static List<double[]> line(ParsedSvg svg, Link link) {
        Element drawn = svg.link(link.a().node() + ":" + link.a().iface(), link.b().node() + ":" + link.b().iface());
        return ParsedSvg.points(drawn);
    }

    /** How many times two lines of horizontal and vertical stretches cross, each strictly inside both stretches. */
    static int crossings(List<double[]> a, List<double[]> b) {
        int count = 0;
        for (int i = 1; i < a.size(); i++) {
            for (int j = 1; j < b.size(); j++) {
                if (cross(a.get(i - 1), a.get(i), b.get(j - 1), b.get(j))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean cross(double[] p, double[] q, double[] r, double[] s) {
        boolean firstFlat = p[1] == q[1];
        boolean secondFlat = r[1] == s[1];
        if (firstFlat == secondFlat) {
            // parallel stretches: running along each other is an overlap, not a crossing
            return false;
        }
        double[][] flat = firstFlat ? new double[][] {p, q} : new double[][] {r, s};
        double[][] upright = firstFlat ? new double[][] {r, s} : new double[][] {p, q};
        double x = upright[0][0];
        double y = flat[0][1];
        return strictlyBetween(x, flat[0][0], flat[1][0]) && strictlyBetween(y, upright[0][1], upright[1][1]);
    }

    private static boolean strictlyBetween(double v, double a, double b) {
        return v > Math.min(a, b) + 0.01 && v < Math.max(a, b) - 0.01;
    }

    @Test
    void crossingsAreCountedOnlyWhereTwoStretchesCrossInside() {
        List<double[]> down = List.of(new double[] {5, 0}, new double[] {5, 10});
        List<double[]> across = List.of(new double[] {0, 5}, new double[] {10, 5});
        List<double[]> touching = List.of(new double[] {5, 10}, new double[] {10, 10});
        assertThat(crossings(down, across)).isEqualTo(1);
        assertThat(crossings(down, touching)).isZero();
        assertThat(crossings(down, down)).isZero();
    }

    private static List<String> servers(Topology lab, String leaf) {
        return lab.links().stream()
                .filter(l -> l.a().node().equals(leaf) || l.b().node().equals(leaf))
                .map(l -> l.a().node().equals(leaf) ? l.b().node() : l.a().node())
                .filter(n -> n.startsWith("server")).toList();
    }
}
