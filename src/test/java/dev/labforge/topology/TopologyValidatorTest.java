package dev.labforge.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopologyValidatorTest {

    static final ImageLookup IMAGES = ImageLookup.of(Map.of(
            "frr", new ImageProfile("frr", new InterfaceNaming("eth{n}", 1, 4)),
            "veos", new ImageProfile("veos", new InterfaceNaming("Ethernet{n}", 1, 8))));

    static final TopologyLimits LIMITS = new TopologyLimits(3, 3, 16, 1, 4, 256, 4096, 1280, 9000);

    private final TopologyValidator validator = new TopologyValidator(LIMITS);

    static Node frr(String name) {
        return Node.of(name, "frr");
    }

    static Topology topology(List<Node> nodes, Link... links) {
        return new Topology(nodes, List.of(links));
    }

    static Node withResources(String name, Integer cpu, Integer memory, String config) {
        return new Node(name, "frr", cpu, memory, config, Map.of(), null);
    }

    static Stream<Arguments> brokenTopologies() {
        return Stream.of(
                Arguments.of("node name not a DNS label", topology(List.of(frr("R1"))),
                        "node-name-format", "/nodes/0/name"),
                Arguments.of("node name missing", topology(List.of(Node.of(null, "frr"))),
                        "node-name-format", "/nodes/0/name"),
                Arguments.of("duplicate node name", topology(List.of(frr("r1"), frr("r1"))),
                        "node-name-unique", "/nodes/1/name"),
                Arguments.of("image not in catalog", topology(List.of(Node.of("r1", "ios-xr"))),
                        "image-known", "/nodes/0/image"),
                Arguments.of("image missing", topology(List.of(Node.of("r1", " "))),
                        "image-known", "/nodes/0/image"),
                Arguments.of("too many cores", topology(List.of(withResources("r1", 5, null, null))),
                        "node-resources", "/nodes/0/cpu"),
                Arguments.of("too little memory", topology(List.of(withResources("r1", null, 128, null))),
                        "node-resources", "/nodes/0/memoryMib"),
                Arguments.of("startup config too big",
                        topology(List.of(withResources("r1", null, null, "é".repeat(9)))),
                        "node-resources", "/nodes/0/startupConfig"),
                Arguments.of("too many nodes", topology(List.of(frr("a"), frr("b"), frr("c"), frr("d"))),
                        "lab-size", "/nodes"),
                Arguments.of("too many links", topology(List.of(frr("a"), frr("b")),
                        Link.of("a:eth1", "b:eth1"), Link.of("a:eth2", "b:eth2"), Link.of("a:eth3", "b:eth3"),
                        Link.of("a:eth4", "b:eth4")), "lab-size", "/links"),
                Arguments.of("endpoint without interface", topology(List.of(frr("a"), frr("b")),
                        Link.of("a", "b:eth1")), "endpoint-format", "/links/0/endpoints/0"),
                Arguments.of("endpoint with two colons", topology(List.of(frr("a"), frr("b")),
                        Link.of("a:eth1", "b:eth1:x")), "endpoint-format", "/links/0/endpoints/1"),
                Arguments.of("endpoint on unknown node", topology(List.of(frr("a")),
                        Link.of("a:eth1", "z:eth1")), "endpoint-node-exists", "/links/0/endpoints/1"),
                Arguments.of("interface outside the pattern", topology(List.of(frr("a"), frr("b")),
                        Link.of("a:ge-0/0/1", "b:eth1")), "interface-name", "/links/0/endpoints/0"),
                Arguments.of("management port is no data port", topology(List.of(frr("a"), frr("b")),
                        Link.of("a:eth0", "b:eth1")), "interface-name", "/links/0/endpoints/0"),
                Arguments.of("port beyond the image's ports", topology(List.of(frr("a"), frr("b")),
                        Link.of("a:eth5", "b:eth1")), "interface-name", "/links/0/endpoints/0"),
                Arguments.of("leading zero is another name", topology(List.of(frr("a"), frr("b")),
                        Link.of("a:eth01", "b:eth1")), "interface-name", "/links/0/endpoints/0"),
                Arguments.of("interface used twice", topology(List.of(frr("a"), frr("b"), frr("c")),
                        Link.of("a:eth1", "b:eth1"), Link.of("c:eth1", "a:eth1")),
                        "interface-single-use", "/links/1/endpoints/1"),
                Arguments.of("link to itself", topology(List.of(frr("a")), Link.of("a:eth1", "a:eth1")),
                        "link-not-self", "/links/0/endpoints/1"),
                Arguments.of("mtu too small", topology(List.of(frr("a"), frr("b")),
                        new Link(Endpoint.parse("a:eth1"), Endpoint.parse("b:eth1"), 1000)),
                        "link-mtu", "/links/0/mtu"),
                Arguments.of("segment name not a DNS label", segments(List.of(frr("a")), Segment.of("LAN 1", "a:eth1")),
                        "segment-name", "/segments/0/name"),
                Arguments.of("segment name used twice", segments(List.of(frr("a"), frr("b")),
                        Segment.of("lan", "a:eth1"), Segment.of("lan", "b:eth1")), "segment-name", "/segments/1/name"),
                Arguments.of("segment named like a node", segments(List.of(frr("a")), Segment.of("a", "a:eth1")),
                        "segment-name", "/segments/0/name"),
                Arguments.of("segment member without interface", segments(List.of(frr("a")),
                        Segment.of("lan", "a:eth1", "a")), "endpoint-format", "/segments/0/endpoints/1"),
                Arguments.of("segment member on unknown node", segments(List.of(frr("a")),
                        Segment.of("lan", "a:eth1", "z:eth1")), "endpoint-node-exists", "/segments/0/endpoints/1"),
                Arguments.of("segment member outside the image's ports", segments(List.of(frr("a")),
                        Segment.of("lan", "a:eth9")), "interface-name", "/segments/0/endpoints/0"),
                Arguments.of("interface on a link and a segment", new Topology(List.of(frr("a"), frr("b")),
                        List.of(Link.of("a:eth1", "b:eth1")), List.of(Segment.of("lan", "b:eth2", "a:eth1"))),
                        "interface-single-use", "/segments/0/endpoints/1"),
                Arguments.of("interface on two segments", segments(List.of(frr("a")),
                        Segment.of("lan1", "a:eth1"), Segment.of("lan2", "a:eth1")),
                        "interface-single-use", "/segments/1/endpoints/0"),
                Arguments.of("too many segments", segments(List.of(frr("a")), Segment.of("s1"), Segment.of("s2"),
                        Segment.of("s3"), Segment.of("s4")), "lab-size", "/segments"),
                Arguments.of("segment with more members than the lab has link slots", segments(List.of(frr("a")),
                        Segment.of("s1", "a:eth1", "a:eth2", "a:eth3", "a:eth4")), "lab-size", "/segments/0/endpoints"),
                Arguments.of("segment mtu too big", segments(List.of(frr("a")),
                        new Segment("lan", List.of(Endpoint.parse("a:eth1")), 9001)), "link-mtu", "/segments/0/mtu"));
    }

    @Test
    void aMissingImageIsOneFindingHoweverManyNodesNameIt() {
        Topology lab = topology(List.of(Node.of("a", "srl"), Node.of("b", "srl"), Node.of("c", "srl"),
                Node.of("d", null), Node.of("e", " "), frr("f")));

        List<Violation> violations = validator.validate(lab, IMAGES);

        assertThat(violations).extracting(Violation::rule, Violation::pointer).containsExactly(
                org.assertj.core.groups.Tuple.tuple("lab-size", "/nodes"),
                org.assertj.core.groups.Tuple.tuple("image-known", "/nodes/0/image"),
                org.assertj.core.groups.Tuple.tuple("image-known", "/nodes/3/image"));
        assertThat(violations.get(1).message()).contains("'srl'", "so do b, c");
        assertThat(violations.get(2).message()).contains("required", "so do e");
    }

    static Topology segments(List<Node> nodes, Segment... segments) {
        return new Topology(nodes, List.of(), List.of(segments));
    }

    @Test
    void acceptsALanOfFourRoutersBesidePointToPointLinks() {
        Topology ok = new Topology(List.of(frr("r1"), frr("r2"), Node.of("r3", "veos")),
                List.of(Link.of("r1:eth1", "r2:eth1")),
                List.of(Segment.of("lan", "r1:eth2", "r2:eth2", "r3:Ethernet1"), Segment.of("empty")));

        assertThat(validator.validate(ok, IMAGES)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTopologies")
    void reportsTheBrokenRuleWithAPointer(String description, Topology topology, String rule, String pointer) {
        List<Violation> violations = validator.validate(topology, IMAGES);

        assertThat(violations).extracting(Violation::rule, Violation::pointer).contains(
                org.assertj.core.groups.Tuple.tuple(rule, pointer));
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    }

    @Test
    void acceptsAValidLabIncludingALinkBetweenTwoPortsOfOneNode() {
        Topology ok = topology(List.of(frr("r1"), Node.of("r2", "veos")),
                Link.of("r1:eth1", "r2:Ethernet1"),
                new Link(Endpoint.parse("r1:eth2"), Endpoint.parse("r2:Ethernet8"), 9000),
                Link.of("r1:eth3", "r1:eth4"));

        assertThat(validator.validate(ok, IMAGES)).isEmpty();
    }

    @Test
    void reportsEveryViolationAtOnce() {
        Topology bad = topology(List.of(Node.of("R1", "nope"), frr("r2")), Link.of("r2:eth9", "x:eth1"));

        assertThat(validator.validate(bad, IMAGES)).extracting(Violation::rule)
                .containsExactlyInAnyOrder("node-name-format", "image-known", "interface-name",
                        "endpoint-node-exists");
    }

    @Test
    void everyRuleHasAUniqueName() {
        assertThat(TopologyValidator.ruleNames()).doesNotHaveDuplicates().hasSize(12);
    }
}
