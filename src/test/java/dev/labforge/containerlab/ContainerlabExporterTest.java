package dev.labforge.containerlab;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerlabExporterTest {

    private final ContainerlabExporter exporter = new ContainerlabExporter();
    private final ContainerlabImporter importer = new ContainerlabImporter();

    private static Topology one(Node node) {
        return new Topology(List.of(node), List.of());
    }

    private static Node srl(String name) {
        return Node.of(name, "srlinux");
    }

    private Topology roundTrip(Topology topology) {
        return importer.read(exporter.write("lab", topology, TestCatalog.VIEW), TestCatalog.VIEW).topology();
    }

    @Test
    void writesCatalogKindAndDiskWithResourcesLabelsAndLinks() {
        Node r1 = new Node("r1", "srlinux", 4, 8192, "set / system name r1\n", Map.of("role", "spine"),
                new Position(120, 80));
        Topology topology = new Topology(List.of(r1, Node.of("h1", "alpine")), List.of(Link.of("r1:eth1", "h1:eth1")));

        assertThat(exporter.write("demo", topology, TestCatalog.VIEW)).isEqualTo("""
                name: demo
                topology:
                  nodes:
                    r1:
                      kind: nokia_srlinux
                      image: registry.labforge.dev/vm/srlinux:24.10
                      startup-config: |
                        set / system name r1
                      cpu: 4
                      memory: 8192Mb
                      labels:
                        graph-posX: "120"
                        graph-posY: "80"
                        role: spine
                    h1:
                      kind: linux
                      image: alpine:3
                  links:
                    - endpoints:
                        - r1:eth1
                        - h1:eth1
                """);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "line\n", "no trailing newline\nsecond", "two trailing\n\n", "three\n\n\n", "\nleading blank\n",
            "  indented first line\nx\n", " \n  \nspaces only lines\n", "tab\tinside\n", "trailing space \n",
            "crlf\r\nline\r\n", "bell\u0007\n", "unicode ✓ 😀\n", "# not a comment\n", "---\n...\n",
            "key: value\n- item\n", "\"quoted\"\n'single'\n", "x\u0085y\n", "bom\uFEFF\n", "nbsp\u00A0\n",
            "ls\u2028ps\u2029\n", "a\n \n", "|\n>\n", "%YAML 1.2\n", "   \n"})
    void startupConfigRoundTripsByteForByte(String config) {
        Node node = new Node("r1", "srlinux", null, null, config, Map.of(), null);

        String yaml = exporter.write("lab", one(node), TestCatalog.VIEW);

        assertThat(roundTrip(one(node)).nodes().getFirst().startupConfig()).isEqualTo(config);
        assertThat(ClabSchema.violations(yaml)).isEmpty();
    }

    static Stream<Arguments> startupConfigForms() {
        return Stream.of(
                Arguments.of("hostname r1", "|-\n        hostname r1\n"),
                Arguments.of("hostname r1\n", "|\n        hostname r1\n"),
                Arguments.of("a\n\n", "|+\n        a\n\n"),
                Arguments.of("\n", "|2+\n\n"),
                Arguments.of("  indented first line\nx", "|2-\n          indented first line\n        x\n"),
                Arguments.of("", "|-\n"),
                Arguments.of("hostname r1 ", "|-\n        hostname r1 \n"),
                Arguments.of("line\r\nwindows", "\"line\\r\\nwindows\"\n"),
                Arguments.of("bell\u0007", "\"bell\\x07\"\n"),
                Arguments.of("hôte ✓ 路由器 😀", "|-\n        hôte ✓ 路由器 😀\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("startupConfigForms")
    void startupConfigsGoOutAsBlocksAndReadBackExactly(String config, String written) {
        Node node = new Node("r1", "srlinux", null, null, config, Map.of(), null);

        String yaml = exporter.write("lab", one(node), TestCatalog.VIEW);
        ContainerlabImport imported = importer.read(yaml, TestCatalog.VIEW);

        assertThat(yaml).endsWith("\n      startup-config: " + written);
        assertThat(imported.topology().nodes().getFirst().startupConfig()).isEqualTo(config);
        assertThat(imported.warnings()).isEmpty();
        assertThat(ClabSchema.violations(yaml)).isEmpty();
    }

    @Test
    void plainConfigsUseALiteralBlock() {
        String yaml = exporter.write("lab", one(new Node("r1", "srlinux", null, null, "a\nb", Map.of(), null)),
                TestCatalog.VIEW);

        assertThat(yaml).contains("startup-config: |-\n        a\n        b\n");
    }

    @ParameterizedTest(name = "({0}, {1})")
    @CsvSource({"120, 80", "-40.5, 0.25", "0, -0.0", "1e20, 3.0E-7", "0.1, 123456789.123", "-0.0, 1"})
    void positionsRoundTripExactly(double x, double y) {
        Node node = srl("r1").withPosition(new Position(x, y));

        String yaml = exporter.write("lab", one(node), TestCatalog.VIEW);

        assertThat(roundTrip(one(node)).nodes().getFirst().position()).isEqualTo(new Position(x, y));
        assertThat(ClabSchema.violations(yaml)).isEmpty();
    }

    @Test
    void mtuSelectsTheVethForm() {
        Topology topology = new Topology(List.of(srl("a"), srl("b")),
                List.of(new Link(Endpoint.parse("a:e1-1"), Endpoint.parse("b:e1-1"), 9000)));

        String yaml = exporter.write("lab", topology, TestCatalog.VIEW);

        assertThat(yaml).contains("""
                    - type: veth
                      endpoints:
                        - node: a
                          interface: e1-1
                        - node: b
                          interface: e1-1
                      mtu: 9000
                """);
        assertThat(roundTrip(topology)).isEqualTo(topology);
        assertThat(ClabSchema.violations(yaml)).isEmpty();
    }

    @Test
    void endpointsTheBriefFormWouldMisreadUseTheVethForm() {
        Topology topology = new Topology(List.of(srl("a")),
                List.of(new Link(new Endpoint("a:b", "c"), new Endpoint("a", ""), null)));

        assertThat(exporter.write("lab", topology, TestCatalog.VIEW)).contains("type: veth");
        assertThat(roundTrip(topology)).isEqualTo(topology);
    }

    @Test
    void imagesOutsideTheCatalogKeepTheirNameUnderTheLinuxKind() {
        String yaml = exporter.write("lab", one(Node.of("r1", "vrnetlab/vr-vmx:23.2")), TestCatalog.VIEW);

        assertThat(yaml).contains("kind: linux\n      image: vrnetlab/vr-vmx:23.2\n");
        assertThat(ClabSchema.violations(yaml)).isEmpty();
    }

    @Test
    void catalogEntriesWithoutKindOrDiskFallBackToLinuxAndTheirName() {
        ImageCatalogView catalog = ImageCatalogView.of(List.of(new CatalogImage("plain", null, null, 1, 512)));

        String yaml = exporter.write("lab", one(Node.of("r1", "plain")), catalog);

        assertThat(yaml).contains("kind: linux\n      image: plain\n");
        assertThat(importer.read(yaml, catalog).topology().nodes().getFirst().image()).isEqualTo("plain");
    }

    @Test
    void legacyKindNamesInTheCatalogGoOutUnderTheirCurrentName() {
        ImageCatalogView catalog = ImageCatalogView.of(List.of(new CatalogImage("old", "old:1", "srl", 1, 512)));

        String yaml = exporter.write("lab", one(Node.of("r1", "old")), catalog);

        assertThat(yaml).contains("kind: nokia_srlinux\n");
        assertThat(ClabSchema.violations(yaml)).isEmpty();
    }

    @Test
    void emptyTopologyIsStillValidForContainerlab() {
        String yaml = exporter.write("empty", Topology.empty(), TestCatalog.VIEW);

        assertThat(yaml).isEqualTo("name: empty\ntopology:\n  nodes: {}\n");
        assertThat(ClabSchema.violations(yaml)).isEmpty();
    }

    @Test
    void labelsThatLookLikeOtherTypesStayStrings() {
        Map<String, String> labels = Map.of("a", "true", "b", "1.50", "c", "null", "d", "~", "e", "0x1F",
                "f: g", "#h", "yes", "no", "k", "- x", "<<", "a\u2028b", "long key ".repeat(40), "v");
        Node node = new Node("r1", "srlinux", null, null, null, labels, null);

        String yaml = exporter.write("lab", one(node), TestCatalog.VIEW);

        assertThat(roundTrip(one(node)).nodes().getFirst().labels()).isEqualTo(labels);
        assertThat(ClabSchema.violations(yaml)).isEmpty();
    }

    @Test
    void repeatedNodeNamesHaveNoFaithfulExport() {
        Topology topology = new Topology(List.of(srl("r1"), srl("r1")), List.of());

        assertThatThrownBy(() -> exporter.write("lab", topology, TestCatalog.VIEW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
