package dev.labforge.diagram;

import static dev.labforge.diagram.Labs.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Where the boxes end up: apart from each other when laid out, where the user put them otherwise. */
class TopologyDiagramLayoutTest {

    /** Boxes keep this much clear space between them (the layout aims for more). */
    private static final double MIN_GAP = 30;

    static Stream<Arguments> generatedLabs() {
        return Stream.of(
                Arguments.of("ring of 12", Labs.ring(12)),
                Arguments.of("star of 24", Labs.star(24)),
                Arguments.of("full mesh of 8", Labs.fullMesh(8)),
                Arguments.of("spine-leaf 4x8", Labs.spineLeaf(4, 8)),
                Arguments.of("random 30/60", Labs.random(30, 60, 3)),
                Arguments.of("random 200/1000", Labs.random(200, 1000, 42)),
                Arguments.of("200 without links", Labs.random(200, 0, 1)),
                Arguments.of("two nodes", Labs.ring(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedLabs")
    void laidOutNodesDoNotOverlap(String name, Topology lab) throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg(name, lab));

        assertThat(svg.boxes()).hasSize(lab.nodes().size());
        assertThat(svg.smallestGap()).isGreaterThanOrEqualTo(MIN_GAP);
    }

    @Test
    void givenPositionsAreKeptAsTheyAre() throws Exception {
        List<Node> nodes = List.of(at("a", 0, 0), at("b", 400, 0), at("c", 200, 300), at("d", -350, 250.5));
        Topology lab = new Topology(nodes, List.of(link("a:e1", "b:e1"), link("b:e2", "c:e1"), link("c:e2", "d:e1")));

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("placed", lab));

        for (Node node : nodes) {
            assertThat(svg.box(node.name()).x()).isEqualTo(node.position().x());
            assertThat(svg.box(node.name()).y()).isEqualTo(node.position().y());
        }
    }

    @Test
    void givenPositionsTooCloseForTheBoxesSpreadByOneFactor() throws Exception {
        List<Node> nodes = List.of(at("a", 0, 0), at("b", 10, 0), at("c", 10, 10), at("d", 0, 5));

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("cramped", new Topology(nodes, List.of())));

        double factor = svg.box("b").x() - svg.box("a").x();
        assertThat(factor).isGreaterThan(10);
        for (Node node : nodes) {
            assertThat(svg.box(node.name()).x()).isCloseTo(node.position().x() / 10 * factor, within(0.2));
            assertThat(svg.box(node.name()).y()).isCloseTo(node.position().y() / 10 * factor, within(0.2));
        }
        assertThat(svg.smallestGap()).isGreaterThan(0);
    }

    @Test
    void nodesWithoutPositionAreLaidOutAroundThoseWithOne() throws Exception {
        List<Node> nodes = new ArrayList<>(List.of(at("a", 0, 0), at("b", 600, 0), at("c", 300, 500)));
        List<dev.labforge.topology.Link> links = new ArrayList<>(
                List.of(link("a:e1", "b:e1"), link("b:e2", "c:e1"), link("c:e2", "a:e2")));
        for (int i = 0; i < 6; i++) {
            nodes.add(Node.of("free" + i, "frr"));
            links.add(link("free" + i + ":e1", (i % 2 == 0 ? "a" : "c") + ":x" + i));
        }

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("mixed", new Topology(nodes, links)));

        assertThat(svg.box("a").x()).isEqualTo(0);
        assertThat(svg.box("b").x()).isEqualTo(600);
        assertThat(svg.box("c").y()).isEqualTo(500);
        assertThat(svg.smallestGap()).isGreaterThanOrEqualTo(MIN_GAP);
    }

    @Test
    void unusablePositionsAreIgnored() throws Exception {
        List<Node> nodes = List.of(at("a", Double.NaN, 0), at("b", Double.POSITIVE_INFINITY, 1), at("c", 1e300, 1e300),
                at("d", 0, 0));

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("garbage", new Topology(nodes, List.of())));

        assertThat(svg.boxes()).hasSize(4);
        assertThat(svg.smallestGap()).isGreaterThanOrEqualTo(MIN_GAP);
        assertThat(svg.box("d").x()).isEqualTo(0);
    }

    @Test
    void aSpineLeafFabricIsDrawnInRowsWithTheSpinesOnTop() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("fabric", Labs.spineLeaf(2, 4)));

        double spineRow = svg.box("spine1").y();
        double leafRow = svg.box("leaf1").y();
        assertThat(svg.box("spine2").y()).isEqualTo(spineRow);
        assertThat(List.of("leaf2", "leaf3", "leaf4"))
                .allSatisfy(leaf -> assertThat(svg.box(leaf).y()).isEqualTo(leafRow));
        assertThat(leafRow).isGreaterThan(spineRow);
    }

    @Test
    void aHubSitsInTheMiddleOfItsSpokes() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("star", Labs.star(8)));

        ParsedSvg.Box hub = svg.box("hub");
        List<ParsedSvg.Box> spokes = svg.boxes().stream().filter(b -> !b.name().equals("hub")).toList();
        assertThat(spokes.stream().mapToDouble(ParsedSvg.Box::x).min().orElseThrow()).isLessThan(hub.x());
        assertThat(spokes.stream().mapToDouble(ParsedSvg.Box::x).max().orElseThrow()).isGreaterThan(hub.x());
        assertThat(spokes.stream().mapToDouble(ParsedSvg.Box::y).min().orElseThrow()).isLessThan(hub.y());
        assertThat(spokes.stream().mapToDouble(ParsedSvg.Box::y).max().orElseThrow()).isGreaterThan(hub.y());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sparseLabs")
    void linksDoNotRunUnderBoxesTheyDoNotBelongTo(String name, Topology lab) throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg(name, lab));

        for (Element link : svg.links()) {
            String[] ends = link.getAttribute("data-link").split("--");
            String a = ends[0].substring(0, ends[0].indexOf(':'));
            String b = ends[1].substring(0, ends[1].indexOf(':'));
            ParsedSvg.Box from = svg.box(a);
            ParsedSvg.Box to = svg.box(b);
            for (ParsedSvg.Box box : svg.boxes()) {
                if (!box.name().equals(a) && !box.name().equals(b)) {
                    assertThat(crosses(from.x(), from.y(), to.x(), to.y(), box))
                            .as("%s runs under %s", link.getAttribute("data-link"), box.name()).isFalse();
                }
            }
        }
    }

    static Stream<Arguments> sparseLabs() {
        return Stream.of(
                Arguments.of("ring of 12", Labs.ring(12)),
                Arguments.of("star of 24", Labs.star(24)),
                Arguments.of("binary tree of 31", tree(31)),
                Arguments.of("random 40/50", Labs.random(40, 50, 5)));
    }

    @Test
    void interfaceNamesAroundABusyHubDoNotCoverEachOther() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("star", Labs.star(16)));

        List<Element> pills = svg.withClass("iface-pill");
        assertThat(pills).hasSize(32);
        for (int i = 0; i < pills.size(); i++) {
            for (int j = i + 1; j < pills.size(); j++) {
                assertThat(overlap(pills.get(i), pills.get(j))).as("pills %d and %d", i, j).isFalse();
            }
        }
    }

    private static Topology tree(int size) {
        List<Node> nodes = new ArrayList<>();
        List<dev.labforge.topology.Link> links = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(Node.of("t" + i, "frr"));
            if (i > 0) {
                links.add(link("t" + (i - 1) / 2 + ":down" + i, "t" + i + ":up"));
            }
        }
        return new Topology(nodes, links);
    }

    /** Whether the segment enters the box (shrunk by a pixel, so that grazing its edge does not count). */
    private static boolean crosses(double x1, double y1, double x2, double y2, ParsedSvg.Box box) {
        double left = box.x() - box.width() / 2 + 1;
        double right = box.x() + box.width() / 2 - 1;
        double top = box.y() - box.height() / 2 + 1;
        double bottom = box.y() + box.height() / 2 - 1;
        for (int step = 0; step <= 400; step++) {
            double t = step / 400.0;
            double x = x1 + (x2 - x1) * t;
            double y = y1 + (y2 - y1) * t;
            if (x > left && x < right && y > top && y < bottom) {
                return true;
            }
        }
        return false;
    }

    /** Whether two {@code rect} elements overlap (touching is fine). */
    static boolean overlap(Element a, Element b) {
        return number(a, "x") < number(b, "x") + number(b, "width")
                && number(b, "x") < number(a, "x") + number(a, "width")
                && number(a, "y") < number(b, "y") + number(b, "height")
                && number(b, "y") < number(a, "y") + number(a, "height");
    }

    private static double number(Element element, String attribute) {
        return Double.parseDouble(element.getAttribute(attribute));
    }

    private static Node at(String name, double x, double y) {
        return Node.of(name, "frr").withPosition(new Position(x, y));
    }
}
