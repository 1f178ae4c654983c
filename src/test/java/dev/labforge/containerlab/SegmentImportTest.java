package dev.labforge.containerlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;
import dev.labforge.topology.TopologyLimits;
import dev.labforge.topology.TopologyValidator;
import dev.labforge.topology.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** containerlab's bridge and ovs-bridge nodes become shared segments, and segments export as bridge nodes. */
class SegmentImportTest {

    private final ContainerlabImporter importer = new ContainerlabImporter();
    private final ContainerlabExporter exporter = new ContainerlabExporter();

    @Test
    void aBridgeNodeOfARealFileBecomesASegmentOfItsLinksOtherEnds() {
        // github.com/srl-labs/containerlab lab-examples/br01 (see the fixture's first line)
        ContainerlabImport imported = importer.read(Fixtures.text("br01.clab.yml"), TestCatalog.VIEW);

        assertThat(imported.topology().nodes()).extracting(n -> n.name()).containsExactly("srl1", "srl2", "srl3");
        assertThat(imported.topology().links()).isEmpty();
        assertThat(imported.topology().segments()).containsExactly(
                Segment.of("br-clab", "srl1:e1-1", "srl2:e1-1", "srl3:e1-1"));
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), TestCatalog.LOOKUP)
                .stream().map(Violation::rule)).doesNotContain("image-known", "endpoint-node-exists");
    }

    @Test
    void ovsBridgesTooAndMembersKeepTheirPointersAndTheSegmentItsMtu() {
        String yaml = """
                name: lan
                topology:
                  nodes:
                    r1: {kind: linux, image: frr}
                    r2: {kind: linux, image: frr}
                    Sw1: {kind: ovs-bridge}
                  links:
                    - endpoints: ["r1:eth1", "r2:eth1"]
                    - type: veth
                      mtu: 9000
                      endpoints: [{node: Sw1, interface: p1}, {node: r1, interface: eth2}]
                    - endpoints: ["r2:eth2", "Sw1:p2"]
                    - endpoints: ["Sw1:p3", "host:sw1-up"]
                """;
        ContainerlabImport imported = importer.read(yaml, TestCatalog.VIEW);

        assertThat(imported.topology().links()).hasSize(1);
        // Sw1 is no DNS label: the segment is called sw1 and keeps the file's name to show and export
        assertThat(imported.topology().segments()).containsExactly(new Segment("sw1",
                List.of(Endpoint.parse("r1:eth2"), Endpoint.parse("r2:eth2")), 9000, "Sw1"));
        assertThat(imported.pointers().toYaml("/segments/0/endpoints/0")).isEqualTo("/topology/links/1/endpoints/1");
        assertThat(imported.pointers().toYaml("/segments/0/endpoints/1")).isEqualTo("/topology/links/2/endpoints/0");
        assertThat(imported.pointers().toYaml("/segments/0/mtu")).isEqualTo("/topology/links/1/mtu");
        assertThat(imported.pointers().toYaml("/segments/0/name")).isEqualTo("/topology/nodes/Sw1");
        assertThat(imported.warnings()).filteredOn(w -> w.pointer().equals("/topology/nodes/Sw1"))
                .singleElement().satisfies(w -> assertThat(w.message()).contains("'Sw1'", "'sw1'"));
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), TestCatalog.LOOKUP))
                .extracting(Violation::rule).doesNotContain("segment-name");
        assertThat(imported.warnings()).extracting(ImportWarning::pointer).contains("/topology/links/3");
    }

    /** Bridge and node names share one namespace: a mapped bridge name never takes a node's name. */
    @Test
    void aBridgeNameThatIsNoDnsLabelIsMappedApartFromNodeNamesAndExportsAsItWas() {
        String yaml = """
                name: lan
                topology:
                  nodes:
                    br-1: {kind: linux, image: frr}
                    PC1: {kind: linux, image: frr}
                    br_1: {kind: bridge}
                  links:
                    - endpoints: ["br-1:eth1", "br_1:eth1"]
                    - endpoints: ["PC1:eth1", "br_1:eth2"]
                """;
        ContainerlabImport imported = importer.read(yaml, TestCatalog.VIEW);

        assertThat(imported.topology().nodes()).extracting(n -> n.name()).containsExactly("br-1", "pc1");
        assertThat(imported.topology().segments()).containsExactly(new Segment("br-1-2",
                List.of(Endpoint.parse("br-1:eth1"), Endpoint.parse("pc1:eth1")), null, "br_1"));
        assertThat(imported.warnings()).extracting(ImportWarning::pointer).contains("/topology/nodes/br_1");
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), TestCatalog.LOOKUP))
                .extracting(Violation::rule).doesNotContain("segment-name", "node-name-format");

        String exported = exporter.write("lan", imported.topology(), TestCatalog.VIEW);

        assertThat(exported).contains("br_1:\n      kind: bridge").doesNotContain("br-1-2");
        assertThat(ClabSchema.violations(exported)).isEmpty();
        assertThat(importer.read(exported, TestCatalog.VIEW).topology().segments())
                .isEqualTo(imported.topology().segments());
    }

    @Test
    void aLinkBetweenTwoBridgesIsNotImportedAndSaysSo() {
        String yaml = """
                name: two-lans
                topology:
                  nodes:
                    a: {kind: bridge}
                    b: {kind: bridge}
                  links:
                    - endpoints: ["a:e1", "b:e1"]
                """;
        ContainerlabImport imported = importer.read(yaml, TestCatalog.VIEW);

        assertThat(imported.topology().segments()).extracting(Segment::name).containsExactly("a", "b");
        assertThat(imported.topology().segments()).allSatisfy(s -> assertThat(s.endpoints()).isEmpty());
        assertThat(imported.warnings()).anySatisfy(w -> {
            assertThat(w.pointer()).isEqualTo("/topology/links/0");
            assertThat(w.message()).contains("two bridges");
        });
    }

    @Test
    void aSegmentExportsAsABridgeNodeWithALinkPerMemberThatContainerlabAcceptsAndThatReadsBack() {
        Topology lab = new Topology(List.of(dev.labforge.topology.Node.of("r1", "frr"),
                dev.labforge.topology.Node.of("r2", "frr")), List.of(),
                List.of(new Segment("lan", List.of(Endpoint.parse("r1:eth1"), Endpoint.parse("r2:eth1")), 9000),
                        Segment.of("lan2", "r1:eth2")));

        String exported = exporter.write("lans", lab, TestCatalog.VIEW);

        assertThat(exported).contains("lan:\n      kind: bridge");
        assertThat(ClabSchema.violations(exported)).isEmpty();
        ContainerlabImport back = importer.read(exported, TestCatalog.VIEW);
        assertThat(back.topology()).isEqualTo(lab);
        assertThat(back.warnings()).isEmpty();
    }
}
