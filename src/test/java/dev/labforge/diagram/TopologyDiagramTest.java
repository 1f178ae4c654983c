package dev.labforge.diagram;

import static dev.labforge.diagram.Labs.link;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Topology;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class TopologyDiagramTest {

    @Test
    void isAStandaloneSvgDocument() throws Exception {
        String svg = TopologyDiagram.svg("OSPF", Labs.ospf());

        assertThat(svg).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"");
        Element root = ParsedSvg.parse(svg).root();
        assertThat(root.getNamespaceURI()).isEqualTo(ParsedSvg.SVG_NS);
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("version")).isEqualTo("1.1");
        assertThat(root.getAttribute("font-family")).isEqualTo("sans-serif");
        // it scales to whatever holds it: a view box, and no fixed size that a browser window would crop
        assertThat(root.hasAttribute("width")).isFalse();
        assertThat(root.hasAttribute("height")).isFalse();
        String[] viewBox = root.getAttribute("viewBox").split(" ");
        assertThat(viewBox).hasSize(4);
        assertThat(Double.parseDouble(viewBox[2])).isBetween(440.0, 3000.0);
        assertThat(TopologyDiagram.MEDIA_TYPE).isEqualTo("image/svg+xml");
    }

    @Test
    void drawsEveryNodeWithItsNameAndImage() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("OSPF", Labs.ospf()));

        assertThat(svg.nodes()).extracting(n -> n.getAttribute("data-node"))
                .containsExactly("r1", "r2", "r3", "r4", "r5", "core-router-amsterdam");
        assertThat(svg.texts("node-name")).containsExactly("r1", "r2", "r3", "r4", "r5", "core-router-amsterdam");
        assertThat(svg.texts("node-image")).containsExactly("frr:10.2", "frr:10.2", "ceos:4.33.1F", "ceos:4.33.1F",
                "vr-sros:24.10", "xrd:24.4");
    }

    @Test
    void drawsEveryLinkWithTheInterfaceNamesAtItsEnds() throws Exception {
        Topology lab = Labs.ospf();
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("OSPF", lab));

        assertThat(svg.links()).extracting(l -> l.getAttribute("data-link"))
                .containsExactlyElementsOf(lab.links().stream().map(l -> l.a() + "--" + l.b()).toList());
        List<String> expected = lab.links().stream()
                .flatMap(l -> l.endpoints().stream())
                .filter(end -> !end.node().equals("ghost"))
                .map(Endpoint::iface)
                .toList();
        assertThat(svg.texts("iface")).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void parallelLinksRunOnSeparateLanesWithSeparateLabels() throws Exception {
        Topology lab = new Topology(List.of(Node.of("a", "frr"), Node.of("b", "frr")),
                List.of(link("a:eth1", "b:eth1"), link("a:eth2", "b:eth2"), link("a:eth3", "b:eth3")));
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("bundle", lab));

        List<String> paths = svg.links().stream()
                .map(l -> ((Element) l.getElementsByTagNameNS(ParsedSvg.SVG_NS, "path").item(0)).getAttribute("d"))
                .toList();
        assertThat(paths).hasSize(3).doesNotHaveDuplicates();
        assertThat(svg.withClass("iface-pill")).hasSize(6);
        Readability.check(svg);
    }

    @Test
    void linkFromANodeToItselfIsALoop() throws Exception {
        Topology lab = new Topology(List.of(Node.of("r1", "frr")), List.of(link("r1:eth1", "r1:eth2")));
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("loop", lab));

        assertThat(svg.withClass("loop")).singleElement()
                .satisfies(loop -> assertThat(loop.getAttribute("data-link")).isEqualTo("r1:eth1--r1:eth2"));
        String d = ((Element) svg.withClass("loop").get(0).getElementsByTagNameNS(ParsedSvg.SVG_NS, "path").item(0))
                .getAttribute("d");
        // leaves the box and comes back to it: both ends on its edge, and a way round outside it
        String[] points = d.substring(1).split(" L");
        assertThat(points.length).isGreaterThanOrEqualTo(4);
        ParsedSvg.Box box = svg.box("r1");
        for (String end : List.of(points[0], points[points.length - 1])) {
            double x = Double.parseDouble(end.split(" ")[0]);
            double y = Double.parseDouble(end.split(" ")[1]);
            double fromEdge = Math.min(Math.abs(Math.abs(x - box.x()) - box.width() / 2),
                    Math.abs(Math.abs(y - box.y()) - box.height() / 2));
            assertThat(fromEdge).as("%s from the edge of r1", end).isLessThan(1.5);
        }
        assertThat(svg.texts("iface")).containsExactlyInAnyOrder("eth1", "eth2");
        Readability.check(svg);
    }

    @Test
    void showsTheMtuOnlyWhereItIsSet() throws Exception {
        Topology lab = new Topology(List.of(Node.of("a", "frr"), Node.of("b", "frr")),
                List.of(link("a:eth1", "b:eth1", 9000), link("a:eth2", "b:eth2")));
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("jumbo frames", lab));

        assertThat(svg.texts("mtu")).containsExactly("mtu 9000");
        assertThat(svg.allTexts()).filteredOn(t -> t.contains("mtu")).containsOnly("mtu 9000");
    }

    @Test
    void titleAndLegendNameTheLabAndCountWhatIsDrawn() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("OSPF area 0", Labs.ospf()));

        assertThat(svg.texts("title")).containsExactly("OSPF area 0");
        assertThat(svg.withClass("legend").get(0).getTextContent())
                .contains("6 nodes").contains("9 links").contains("1 link to a missing node");
    }

    @Test
    void aLabWithoutNameIsUntitled() throws Exception {
        assertThat(ParsedSvg.parse(TopologyDiagram.svg(null, Labs.ring(3))).texts("title"))
                .containsExactly("Untitled lab");
        assertThat(ParsedSvg.parse(TopologyDiagram.svg("  ", Labs.ring(3))).texts("title"))
                .containsExactly("Untitled lab");
    }

    @Test
    void escapesEveryUserSuppliedText() throws Exception {
        String nasty = "<script>alert('x')</script>";
        String labName = "Tom & Jerry's <lab>";
        Topology lab = new Topology(
                List.of(Node.of(nasty, "img\"&<b>"), Node.of("a&b", "frr")),
                List.of(new Link(new Endpoint(nasty, "eth<0>&1"), new Endpoint("a&b", "eth1"), null)));

        String svg = TopologyDiagram.svg(labName, lab);

        assertThat(svg).doesNotContain("<script").doesNotContain("<b>").doesNotContain("<lab>");
        ParsedSvg parsed = ParsedSvg.parse(svg);
        assertThat(parsed.texts("title")).containsExactly(labName);
        assertThat(parsed.nodes()).extracting(n -> n.getAttribute("data-node")).containsExactly(nasty, "a&b");
        assertThat(parsed.texts("node-image")).contains("img\"&<b>");
        assertThat(parsed.texts("iface")).contains("eth<0>&1");
        assertThat(parsed.links()).extracting(l -> l.getAttribute("data-link"))
                .containsExactly(nasty + ":eth<0>&1--a&b:eth1");
    }

    @Test
    void survivesCharactersXmlCannotCarry() throws Exception {
        Topology lab = new Topology(List.of(Node.of("r\u0001\u0000", "i\uD800mg"), Node.of("r2\uFFFF", null)),
                List.of(link("r\u0001\u0000:e\u001b1", "r2\uFFFF:eth1")));

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("\u0007bell", lab));

        assertThat(svg.nodes()).hasSize(2);
        assertThat(svg.links()).hasSize(1);
    }

    @Test
    void sameTopologyGivesByteIdenticalOutput() {
        String first = TopologyDiagram.svg("OSPF", Labs.ospf());
        String again = TopologyDiagram.svg("OSPF", Labs.ospf());
        String big = TopologyDiagram.svg("big", Labs.random(80, 300, 7));

        assertThat(again).isEqualTo(first);
        assertThat(TopologyDiagram.svg("big", Labs.random(80, 300, 7))).isEqualTo(big);
    }

    @Test
    void anEmptyLabGetsAFriendlyPlaceholder() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("New lab", Topology.empty()));

        assertThat(svg.nodes()).isEmpty();
        assertThat(svg.links()).isEmpty();
        assertThat(svg.withClass("empty")).hasSize(1);
        assertThat(svg.allTexts()).contains("New lab", "This lab has no nodes yet");
        assertThat(ParsedSvg.parse(TopologyDiagram.svg("null", null)).withClass("empty")).hasSize(1);
    }

    @Test
    void linksToMissingNodesAreDrawnAsStubsOrLeftOut() throws Exception {
        Topology lab = new Topology(List.of(Node.of("r1", "frr"), Node.of("r2", "frr")), List.of(
                link("r1:eth1", "r2:eth1"),
                link("r1:eth2", "ghost:eth7"),
                link("phantom:eth1", "r2:eth2"),
                link("nobody:eth1", "nowhere:eth1"),
                link("r1", "")));

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("broken", lab));

        assertThat(svg.links()).hasSize(4);
        assertThat(svg.withClass("dangling")).extracting(l -> l.getAttribute("data-link"))
                .containsExactly("r1:eth2--ghost:eth7", "phantom:eth1--r2:eth2", "r1:--:");
        assertThat(svg.texts("missing")).containsExactly("ghost:eth7", "phantom:eth1", "?");
        assertThat(svg.withClass("legend").get(0).getTextContent())
                .contains("1 link").contains("3 links to a missing node").contains("1 link between missing nodes");
    }

    /**
     * Random links make no tiers, and long lines between far tiers need room: such a drawing is big, but it
     * stays readable. How long it takes is the render benchmark's business (docs/benchmarks.md).
     */
    @Test
    void drawsABigDenseLabWhole() throws Exception {
        ParsedSvg parsed = ParsedSvg.parse(TopologyDiagram.svg("big", Labs.random(120, 400, 42)));

        assertThat(parsed.nodes()).hasSize(120);
        assertThat(parsed.links()).hasSize(400);
        Readability.checkOverlaps(parsed);
    }

    @Test
    void aNodeWithoutImageShowsOnlyItsName() throws Exception {
        Topology lab = new Topology(List.of(new Node("r1", null, null, null, null, Map.of(), null)), List.of());

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("lab", lab));

        assertThat(svg.texts("node-name")).containsExactly("r1");
        assertThat(svg.texts("node-image")).isEmpty();
    }

    @Test
    void longNamesAreShortenedWithAnEllipsisButKeptWholeInTheTooltip() throws Exception {
        String name = "a-very-long-router-name-that-goes-on-and-on-until-the-dns-limit";
        Topology lab = new Topology(List.of(Node.of(name, "frr")), List.of());

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("lab", lab));

        assertThat(svg.texts("node-name")).singleElement().asString().endsWith("\u2026").hasSizeLessThan(name.length());
        assertThat(svg.nodes().get(0).getAttribute("data-node")).isEqualTo(name);
        assertThat(svg.nodes().get(0).getTextContent()).contains(name);
    }

    @Test
    void neverThrowsOnOddButLegalInput() throws Exception {
        Topology lab = new Topology(List.of(Node.of("a", ""), Node.of("b", "  ")), List.of(
                link("a:eth1", "a:eth1"), link(":", ":"), link("a:eth1", "b:eth1"), link("b:eth1", "a:eth1"),
                new Link(null, new Endpoint("a", "eth9"), null), new Link(null, null, 1500)));

        assertThatCode(() -> TopologyDiagram.svg("odd", lab)).doesNotThrowAnyException();
        assertThat(ParsedSvg.parse(TopologyDiagram.svg("odd", lab)).links()).hasSize(4);
    }
}
