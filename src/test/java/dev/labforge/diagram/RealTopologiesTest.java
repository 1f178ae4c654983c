package dev.labforge.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.containerlab.ContainerlabImporter;
import dev.labforge.containerlab.ImageCatalogView;
import dev.labforge.topology.Topology;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real containerlab labs from public repositories, imported as a user would (with an empty catalog, so that
 * every node keeps the container image its file names), drawn, and read back: every node drawn once, no box
 * or label on top of another, a canvas whose size follows the number of nodes and keeps about a screen's
 * shape. The files and where each
 * comes from: src/test/resources/diagram/README.md; the first line of each names its repository and commit.
 */
class RealTopologiesTest {

    static Stream<String> files() {
        return Stream.of(
                "clos01.clab.yml",      // srl-labs/containerlab lab-examples/clos01
                "clos02.clab.yml",      // srl-labs/containerlab lab-examples/clos02
                "cfg-clos.clab.yml",    // srl-labs/containerlab lab-examples/clos03
                "datacenter.clab.yml",  // srl-labs/vscode-containerlab dev/topologies-original
                "large-100.clab.yml",   // srl-labs/vscode-containerlab dev/topologies-original
                "2host.clab.yml",       // netreplica/graphite examples
                "br01.clab.yml",        // srl-labs/containerlab lab-examples/br01
                "srlceos01.clab.yml",   // srl-labs/containerlab lab-examples/srlceos01
                "srlfrr01.clab.yml",    // srl-labs/containerlab lab-examples/srlfrr01
                "vxlan-vmx.clab.yml",   // srl-labs/containerlab lab-examples/vxlan01
                "frr01.clab.yml",       // srl-labs/containerlab lab-examples/frr01
                "sros4.clab.yml",       // srl-labs/containerlab lab-examples/vr05
                "st.clab.yml",          // srl-labs/srl-telemetry-lab
                "linux-nodes.clab.yml"); // srl-labs/containerlab tests/01-smoke
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void drawsEveryNodeWithNothingOnTopOfAnythingOnABoundedCanvas(String file) throws Exception {
        Topology lab = load(file);

        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg(file, lab));

        assertThat(svg.nodes()).hasSize(lab.nodes().size());
        Readability.checkWithShape(svg);
    }

    /** containerlab's five-stage Clos example: super-spines over spines over leaves over clients, each a row. */
    @Test
    void aFiveStageClosIsDrawnInTiers() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("clos02", load("clos02.clab.yml")));

        assertTiers(svg, List.of(List.of("superspine1", "superspine2"),
                List.of("spine1", "spine2", "spine3", "spine4"),
                List.of("leaf1", "leaf2", "leaf3", "leaf4"),
                List.of("client1", "client2", "client3", "client4")));
    }

    /** Border routers over spines over leaves over dual-homed servers, though nothing in the file says so. */
    @Test
    void aDatacenterIsDrawnFromItsServersUp() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("datacenter", load("datacenter.clab.yml")));

        assertTiers(svg, List.of(List.of("border1", "border2"), List.of("spine1", "spine2", "spine3"),
                List.of("leaf1", "leaf2", "leaf3", "leaf4"),
                List.of("server1", "server2", "server3", "server4", "server5", "server6")));
        assertThat(svg.nodes()).filteredOn(n -> n.getAttribute("data-node").startsWith("server"))
                .allSatisfy(n -> assertThat(n.getAttribute("class")).contains("kind-host"));
    }

    /**
     * 80 servers under 14 leaves: each leaf's servers in a compact block under it, the leaves wrapped over a
     * few rows so that the picture keeps a screen's shape, the fabric still in tiers.
     */
    @Test
    void aWideTierIsWrappedAndEachLeafKeepsItsServersInABlockUnderIt() throws Exception {
        Topology lab = load("large-100.clab.yml");
        String picture = TopologyDiagram.svg("large-100", lab);
        keep("large-100", picture);
        ParsedSvg svg = ParsedSvg.parse(picture);

        for (int leaf = 1; leaf <= 14; leaf++) {
            String name = "leaf" + leaf;
            List<String> servers = lab.links().stream()
                    .filter(l -> l.a().node().equals(name) || l.b().node().equals(name))
                    .map(l -> l.a().node().equals(name) ? l.b().node() : l.a().node())
                    .filter(n -> n.startsWith("server")).toList();
            assertThat(servers).as(name).hasSizeGreaterThanOrEqualTo(5);
            Readability.checkBlock(svg, name, servers);
        }
        assertTiers(svg, List.of(List.of("border1", "border2"), List.of("spine1", "spine2", "spine3", "spine4")));
        double spines = svg.box("spine1").y();
        List<Double> leafRows = svg.boxes().stream().filter(b -> b.name().startsWith("leaf"))
                .map(ParsedSvg.Box::y).distinct().toList();
        assertThat(leafRows).as("rows of leaves").hasSizeBetween(2, 4).allSatisfy(y -> assertThat(y).isGreaterThan(spines));
    }

    /** A small fabric keeps its leaves in one row: only a tier too wide to read is wrapped. */
    @Test
    void aSmallFabricIsNotWrapped() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("fabric", Labs.spineLeaf(4, 8)));

        assertTiers(svg, List.of(List.of("spine1", "spine2", "spine3", "spine4"),
                java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(i -> "leaf" + i).toList()));
    }

    /** graph-level and graph-icon set on a kind reach its nodes; the unlinked graphite node sits apart. */
    @Test
    void containerlabGraphLabelsAreHonoured() throws Exception {
        ParsedSvg svg = ParsedSvg.parse(TopologyDiagram.svg("2host", load("2host.clab.yml")));

        assertThat(svg.nodes()).filteredOn(n -> n.getAttribute("data-node").startsWith("host"))
                .hasSize(2).allSatisfy(n -> assertThat(n.getAttribute("class")).contains("kind-host"));
        assertThat(svg.box("graphite").y()).isGreaterThan(svg.box("host1").y());
    }

    /** Each tier is one row, and each row lies under the one before. */
    private static void assertTiers(ParsedSvg svg, List<List<String>> tiers) {
        double above = -Double.MAX_VALUE;
        for (List<String> tier : tiers) {
            double row = svg.box(tier.get(0)).y();
            assertThat(tier).as("one row").allSatisfy(name -> assertThat(svg.box(name).y()).isEqualTo(row));
            assertThat(row).as("%s under the tier above", tier).isGreaterThan(above);
            above = row;
        }
    }

    /**
     * The README shows docs/pictures/{name}.svg: it must be what the code draws now. Refreshed with
     * -Dpictures.update=true.
     */
    private static void keep(String name, String svg) throws Exception {
        Path docs = Path.of("docs", "pictures", name + ".svg");
        if (Boolean.getBoolean("pictures.update")) {
            Files.writeString(docs, svg);
        }
        assertThat(Files.readString(docs)).as("%s (refresh with -Dpictures.update=true)", docs).isEqualTo(svg);
    }

    static Topology load(String file) throws Exception {
        try (InputStream in = RealTopologiesTest.class.getResourceAsStream("/diagram/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new ContainerlabImporter().read(in.readAllBytes(), ImageCatalogView.of(List.of())).topology();
        }
    }
}
