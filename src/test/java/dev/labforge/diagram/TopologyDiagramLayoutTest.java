package dev.labforge.diagram;

import static dev.labforge.diagram.Labs.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Topology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/** Where the boxes end up: in tiers, apart, loose ones in a row, and as the user arranged them when saved. */
class TopologyDiagramLayoutTest {

    static Stream<Arguments> generatedLabs() {
        return Stream.of(
                Arguments.of("ring of 12", Labs.ring(12)),
                Arguments.of("star of 24", Labs.star(24)),
                Arguments.of("star of 60", Labs.star(60)),
                Arguments.of("full mesh of 8", Labs.fullMesh(8)),
                Arguments.of("spine-leaf 4x8", Labs.spineLeaf(4, 8)),
                Arguments.of("binary tree of 31", tree(31)),
                Arguments.of("random 30/60", Labs.random(30, 60, 3)),
                Arguments.of("200 without links", Labs.random(200, 0, 1)),
                Arguments.of("two nodes", Labs.ring(2)),
                Arguments.of("OSPF", Labs.ospf()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedLabs")
    void nothingCoversAnythingOnABoundedCanvas(String name, Topology lab) throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg(name, lab));

        assertThat(svg.boxes()).hasSize(lab.nodes().size());
        Readability.check(svg);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generatedLabs")
    void linksRunAroundBoxesTheyDoNotBelongTo(String name, Topology lab) throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg(name, lab));

        for (Element link : svg.links()) {
            String[] ends = link.getAttribute("data-link").split("--");
            String a = ends[0].substring(0, ends[0].indexOf(':'));
            String b = ends[1].substring(0, ends[1].indexOf(':'));
            List<double[]> points = ParsedSvg.points(link);
            for (ParsedSvg.Box box : svg.boxes()) {
                if (!box.name().equals(a) && !box.name().equals(b)) {
                    for (int i = 1; i < points.size(); i++) {
                        assertThat(crosses(points.get(i - 1), points.get(i), box))
                                .as("%s runs under %s", link.getAttribute("data-link"), box.name()).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aSpineLeafFabricIsDrawnInTiersWithTheSpinesOnTop() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("fabric", Labs.spineLeaf(2, 4)));

        double spineRow = svg.box("spine1").y();
        double leafRow = svg.box("leaf1").y();
        assertThat(svg.box("spine2").y()).isEqualTo(spineRow);
        assertThat(List.of("leaf2", "leaf3", "leaf4"))
                .allSatisfy(leaf -> assertThat(svg.box(leaf).y()).isEqualTo(leafRow));
        assertThat(leafRow).isGreaterThan(spineRow);
    }

    @Test
    void aHubSitsAboveItsSpokesBetweenTheOutermost() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("star", Labs.star(8)));

        ParsedSvg.Box hub = svg.box("hub");
        List<ParsedSvg.Box> spokes = svg.boxes().stream().filter(b -> !b.name().equals("hub")).toList();
        assertThat(spokes.stream().mapToDouble(ParsedSvg.Box::x).min().orElseThrow()).isLessThan(hub.x());
        assertThat(spokes.stream().mapToDouble(ParsedSvg.Box::x).max().orElseThrow()).isGreaterThan(hub.x());
        assertThat(spokes).allSatisfy(spoke -> assertThat(spoke.y()).isGreaterThan(hub.y()));
    }

    /** Thirty spokes on one hub: a compact grid under it, not a row thirty boxes wide. */
    @Test
    void manySpokesOfOneHubStandInACompactBlockUnderIt() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("star", Labs.star(30)));

        Readability.checkBlock(svg, "hub", java.util.stream.IntStream.rangeClosed(1, 30)
                .mapToObj(i -> "spoke" + i).toList());
        Readability.checkWithShape(svg);
    }

    @Test
    void nodesWithoutLinksSitInACompactRowUnderTheRest() throws Exception {
        List<Node> nodes = new ArrayList<>(Labs.spineLeaf(2, 2).nodes());
        for (int i = 1; i <= 6; i++) {
            nodes.add(Node.of("loose" + i, "frr"));
        }
        Topology lab = new Topology(nodes, Labs.spineLeaf(2, 2).links());

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("loose", lab));

        double linkedBottom = Stream.of("spine1", "spine2", "leaf1", "leaf2").map(svg::box)
                .mapToDouble(b -> b.y() + b.height() / 2).max().orElseThrow();
        List<ParsedSvg.Box> loose = svg.boxes().stream().filter(b -> b.name().startsWith("loose")).toList();
        assertThat(loose).allSatisfy(b -> assertThat(b.y() - b.height() / 2).isGreaterThan(linkedBottom));
        // at most two rows, close under the fabric and no wider than it and one box more
        assertThat(loose.stream().map(ParsedSvg.Box::y).distinct().count()).isLessThanOrEqualTo(2);
        double top = loose.stream().mapToDouble(b -> b.y() - b.height() / 2).min().orElseThrow();
        assertThat(top - linkedBottom).isLessThan(100);
        Readability.check(svg);
    }

    @Test
    void graphLevelLabelsSetTheTiersLowerLevelsHigher() throws Exception {
        // drawn without levels, r1 (the best linked) would be on top; containerlab's labels say otherwise
        List<Node> nodes = List.of(level("r1", 3), level("r2", 1), level("r3", 2), level("r4", 3),
                Node.of("h1", "alpine"));
        Topology lab = new Topology(nodes, List.of(link("r1:e1", "r2:e1"), link("r1:e2", "r3:e1"),
                link("r2:e3", "r4:e1"), link("r2:e2", "r3:e2"), link("r4:e2", "h1:eth1")));

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("levels", lab));

        assertThat(svg.box("r2").y()).isLessThan(svg.box("r3").y());
        assertThat(svg.box("r3").y()).isLessThan(svg.box("r1").y());
        assertThat(svg.box("r1").y()).isEqualTo(svg.box("r4").y());
        assertThat(svg.box("h1").y()).as("a node without a level goes under its neighbour")
                .isGreaterThan(svg.box("r4").y());
    }

    @Test
    void graphIconLabelsAndImagesPickTheIcon() throws Exception {
        List<Node> nodes = List.of(icon("sw", "switch"), icon("srv", "server"), icon("pe1", "pe"),
                Node.of("srl", "ghcr.io/nokia/srlinux"), Node.of("client", "ghcr.io/hellt/network-multitool"),
                Node.of("ovs", "openvswitch"), Node.of("grafana", "grafana/grafana:8.5.2"));

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("icons", new Topology(nodes, List.of())));

        assertThat(svg.nodes()).extracting(n -> n.getAttribute("class")).containsExactly(
                "node kind-switch state-unknown", "node kind-host state-unknown", "node kind-router state-unknown",
                "node kind-router state-unknown", "node kind-host state-unknown", "node kind-switch state-unknown",
                "node kind-host state-unknown");
        assertThat(svg.nodes()).extracting(n -> ((Element) n.getElementsByTagNameNS(ParsedSvg.SVG_NS, "use").item(0))
                .getAttributeNS("http://www.w3.org/1999/xlink", "href"))
                .containsExactly("#lf-switch", "#lf-host", "#lf-router", "#lf-router", "#lf-host", "#lf-switch",
                        "#lf-host");
    }

    @Test
    void savedPositionsKeepTheArrangementTiersByHeightOrderByWidth() throws Exception {
        // saved upside down and mirrored compared with how the layout would draw it on its own
        List<Node> nodes = List.of(at("spine1", 300, 400), at("spine2", 0, 400),
                at("leaf1", 450, 0), at("leaf2", 150, 0), at("leaf3", -150, 0));
        List<Link> links = new ArrayList<>();
        for (String spine : List.of("spine1", "spine2")) {
            for (String leaf : List.of("leaf1", "leaf2", "leaf3")) {
                links.add(link(spine + ":" + leaf, leaf + ":" + spine));
            }
        }

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("saved", new Topology(nodes, links)));

        assertThat(svg.box("leaf1").y()).isEqualTo(svg.box("leaf3").y()).isLessThan(svg.box("spine1").y());
        assertThat(svg.box("spine1").y()).isEqualTo(svg.box("spine2").y());
        assertThat(Stream.of("leaf3", "leaf2", "leaf1").map(svg::box).map(ParsedSvg.Box::x).toList()).isSorted();
        assertThat(svg.box("spine2").x()).isLessThan(svg.box("spine1").x());
        Readability.check(svg);
    }

    @Test
    void savedPositionsOfNodesWithoutLinksAreKeptToo() throws Exception {
        List<Node> nodes = List.of(at("c", 500, 0), at("a", 0, 0), at("b", 250, 300));

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("placed", new Topology(nodes, List.of())));

        assertThat(svg.box("a").x()).isLessThan(svg.box("c").x());
        assertThat(svg.box("a").y()).isEqualTo(svg.box("c").y()).isLessThan(svg.box("b").y());
    }

    @Test
    void unusablePositionsAreIgnored() throws Exception {
        List<Node> nodes = List.of(at("a", Double.NaN, 0), at("b", Double.POSITIVE_INFINITY, 1),
                at("c", 1e300, 1e300), at("d", 0, 0));

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("garbage", new Topology(nodes, List.of())));

        assertThat(svg.boxes()).hasSize(4);
        // not all usable, so laid out from scratch: the loose row, in the lab's order
        assertThat(svg.boxes().stream().sorted(Comparator.comparingDouble(ParsedSvg.Box::y)
                        .thenComparingDouble(ParsedSvg.Box::x))
                .map(ParsedSvg.Box::name).toList()).containsExactly("a", "b", "c", "d");
        Readability.check(svg);
    }

    private static Topology tree(int size) {
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            nodes.add(Node.of("t" + i, "frr"));
            if (i > 0) {
                links.add(link("t" + (i - 1) / 2 + ":down" + i, "t" + i + ":up"));
            }
        }
        return new Topology(nodes, links);
    }

    /** Whether the segment enters the box (shrunk by a pixel, so that grazing its edge does not count). */
    private static boolean crosses(double[] from, double[] to, ParsedSvg.Box box) {
        double left = box.x() - box.width() / 2 + 1;
        double right = box.x() + box.width() / 2 - 1;
        double top = box.y() - box.height() / 2 + 1;
        double bottom = box.y() + box.height() / 2 - 1;
        for (int step = 0; step <= 400; step++) {
            double t = step / 400.0;
            double x = from[0] + (to[0] - from[0]) * t;
            double y = from[1] + (to[1] - from[1]) * t;
            if (x > left && x < right && y > top && y < bottom) {
                return true;
            }
        }
        return false;
    }

    private static Node at(String name, double x, double y) {
        return Node.of(name, "frr").withPosition(new Position(x, y));
    }

    private static Node level(String name, int level) {
        return new Node(name, "frr", null, null, null, Map.of(Card.GRAPH_LEVEL, Integer.toString(level)), null);
    }

    private static Node icon(String name, String icon) {
        return new Node(name, "frr", null, null, null, Map.of(Kind.GRAPH_ICON, icon), null);
    }
}
