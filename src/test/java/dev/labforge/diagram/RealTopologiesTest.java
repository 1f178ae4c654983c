package dev.labforge.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.containerlab.ContainerlabImporter;
import dev.labforge.containerlab.ImageCatalogView;
import dev.labforge.topology.Topology;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real containerlab labs from public repositories, imported as a user would (with an empty catalog, so that
 * every node keeps the container image its file names), drawn, and read back: every node drawn once, no box
 * or label on top of another, a canvas whose size follows the number of nodes. The files and where each
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
        Readability.check(svg);
    }

    static Topology load(String file) throws Exception {
        try (InputStream in = RealTopologiesTest.class.getResourceAsStream("/diagram/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new ContainerlabImporter().read(in.readAllBytes(), ImageCatalogView.of(List.of())).topology();
        }
    }
}
