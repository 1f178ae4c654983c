package dev.labforge.diagram;

import static dev.labforge.diagram.Labs.link;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Node;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** A shared segment is drawn once, as a switch box with a wire to each member, and never passes for a node. */
class SegmentDiagramTest {

    private static final double EDGE = 1.5;

    /** Four routers on one LAN, two of them also on a point-to-point link. */
    private static Topology lan() {
        return new Topology(
                List.of(Node.of("r1", "frr:10.2"), Node.of("r2", "frr:10.2"), Node.of("r3", "ceos:4.33.1F"),
                        Node.of("h1", "alpine:3.20")),
                List.of(link("r1:eth1", "r2:eth1")),
                List.of(new Segment("lan1", List.of(
                        Endpoint.parse("r1:eth3"), Endpoint.parse("r2:eth3"),
                        Endpoint.parse("r3:Ethernet3"),
                        Endpoint.parse("h1:eth1")), 9000)));
    }

    @Test
    void drawsTheSegmentOnceWithAWireToEachMemberAndNothingOnTopOfAnything() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("LAN", lan()));

        assertThat(svg.segments()).singleElement().satisfies(g -> {
            assertThat(g.getAttribute("class")).isEqualTo("segment kind-switch");
            assertThat(g.getAttribute("data-segment")).isEqualTo("lan1");
            assertThat(g.hasAttribute("data-node")).isFalse();
            // a segment has no live state: nothing for the page to colour
            assertThat(g.getElementsByTagNameNS(ParsedSvg.SVG_NS, "circle").getLength()).isZero();
            assertThat(g.getTextContent()).contains("lan1", "4 members", "mtu 9000");
        });
        assertThat(svg.nodes()).extracting(n -> n.getAttribute("data-node")).containsExactly("r1", "r2", "r3", "h1");
        List<Element> members = svg.links().stream().filter(l -> l.hasAttribute("data-segment")).toList();
        assertThat(members).hasSize(4).allSatisfy(l -> {
            assertThat(l.getAttribute("data-segment")).isEqualTo("lan1");
            assertThat(l.getAttribute("class")).isEqualTo("link member");
            assertThat(l.hasAttribute("data-link")).isFalse();
        });
        assertThat(members).extracting(l -> l.getAttribute("data-member"))
                .containsExactly("r1:eth3", "r2:eth3", "r3:Ethernet3", "h1:eth1");
        // interface names at the members' ends only, the segment's end has none; the MTU is said once, on the box
        assertThat(svg.texts("iface")).containsExactlyInAnyOrder("eth1", "eth1", "eth3", "eth3", "Ethernet3", "eth1");
        assertThat(svg.texts("mtu")).isEmpty();
        assertThat(svg.allTexts()).contains("4 nodes", "1 link", "1 segment");
        Readability.check(svg);
    }

    @Test
    void eachMemberWireRunsFromTheMembersBoxToTheSegmentsBox() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("LAN", lan()));
        ParsedSvg.Box segment = boxOf(svg.segments().get(0), "lan1");

        for (Element wire : svg.links().stream().filter(l -> l.hasAttribute("data-segment")).toList()) {
            String d = ((Element) wire.getElementsByTagNameNS(ParsedSvg.SVG_NS, "path").item(0)).getAttribute("d");
            double[][] points = points(d);
            String member = wire.getAttribute("data-member");
            ParsedSvg.Box node = svg.box(member.substring(0, member.indexOf(':')));
            assertThat(onEdge(points[0], node)).as("%s starts on its node: %s", member, d).isTrue();
            assertThat(onEdge(points[points.length - 1], segment)).as("%s ends on the segment: %s", member, d).isTrue();
        }
    }

    @Test
    void aMemberOnANodeTheLabDoesNotHaveIsADashedWireToABoxNamingIt() throws Exception {
        Topology lab = new Topology(List.of(Node.of("r1", "frr")), List.of(),
                List.of(Segment.of("lan1", "r1:eth1", "ghost:eth2")));

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("LAN", lab));

        assertThat(svg.segments()).hasSize(1);
        assertThat(svg.withClass("dangling")).singleElement()
                .satisfies(l -> assertThat(l.getAttribute("data-member")).isEqualTo("ghost:eth2"));
        assertThat(svg.texts("missing")).containsExactly("ghost:eth2");
        Readability.check(svg);
    }

    /** containerlab's br01: three routers on a bridge, imported as a segment. */
    @Test
    void containerlabsBridgeLabIsDrawnWithItsSegment() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("br01", RealTopologiesTest.load("br01.clab.yml")));

        assertThat(svg.segments()).extracting(g -> g.getAttribute("data-segment")).containsExactly("br-clab");
        assertThat(svg.links()).filteredOn(l -> "br-clab".equals(l.getAttribute("data-segment"))).hasSize(3);
        assertThat(svg.nodes()).extracting(n -> n.getAttribute("data-node")).containsExactly("srl1", "srl2", "srl3");
        Readability.check(svg);
    }

    private static ParsedSvg.Box boxOf(Element group, String name) {
        String transform = group.getAttribute("transform");
        String[] xy = transform.substring("translate(".length(), transform.length() - 1).split(" ");
        Element rect = (Element) group.getElementsByTagNameNS(ParsedSvg.SVG_NS, "rect").item(0);
        return new ParsedSvg.Box(name, Double.parseDouble(xy[0]), Double.parseDouble(xy[1]),
                Double.parseDouble(rect.getAttribute("width")), Double.parseDouble(rect.getAttribute("height")));
    }

    private static double[][] points(String d) {
        return Arrays.stream(d.replace("M", "").split(" L"))
                .map(p -> Arrays.stream(p.strip().split("[ ,]")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
    }

    private static boolean onEdge(double[] p, ParsedSvg.Box box) {
        double dx = Math.abs(p[0] - box.x());
        double dy = Math.abs(p[1] - box.y());
        double hw = box.width() / 2;
        double hh = box.height() / 2;
        return dx <= hw + EDGE && dy <= hh + EDGE && (dx >= hw - EDGE || dy >= hh - EDGE);
    }
}
