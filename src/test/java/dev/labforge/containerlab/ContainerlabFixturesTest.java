package dev.labforge.containerlab;

import dev.labforge.topology.Node;
import dev.labforge.topology.TopologyLimits;
import dev.labforge.topology.TopologyValidator;
import dev.labforge.topology.Violation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Real containerlab files from public repositories, imported, validated and exported again. */
class ContainerlabFixturesTest {

    private final ContainerlabImporter importer = new ContainerlabImporter();
    private final ContainerlabExporter exporter = new ContainerlabExporter();

    static final List<String> FIXTURES = Fixtures.NAMES;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void everyFieldWithoutEquivalentIsReportedAtItsPointer(String fixture) {
        String yaml = Fixtures.text(fixture);
        ContainerlabImport imported = importer.read(yaml, TestCatalog.VIEW);

        List<String> warned = imported.warnings().stream().map(ImportWarning::pointer).toList();
        assertThat(warned).containsAll(YamlDocument.load(yaml).unmappedPointers());
        assertThat(warned).allSatisfy(pointer -> assertThat(YamlDocument.load(yaml).resolves(pointer))
                .as("warning pointer %s exists in %s", pointer, fixture).isTrue());
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void bindsExecAndPortsAreNeverDroppedSilently(String fixture) {
        String yaml = Fixtures.text(fixture);
        Map<String, String> warnings = importer.read(yaml, TestCatalog.VIEW).warnings().stream()
                .collect(Collectors.toMap(ImportWarning::pointer, ImportWarning::message, (a, b) -> a + "; " + b));
        YamlDocument document = YamlDocument.load(yaml);
        for (String key : List.of("binds", "exec", "ports")) {
            for (String pointer : document.pointersOfKey(key)) {
                assertThat(warnings).as("warning for %s", pointer).containsKey(pointer);
                assertThat(warnings.get(pointer)).contains("'" + key + "'");
            }
        }
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void validatorPointersTranslateIntoTheYamlFile(String fixture) {
        String yaml = Fixtures.text(fixture);
        ContainerlabImport imported = importer.read(yaml, TestCatalog.VIEW);
        List<Violation> violations = new TopologyValidator(TopologyLimits.defaults())
                .validate(imported.topology(), TestCatalog.LOOKUP);

        YamlDocument document = YamlDocument.load(yaml);
        assertThat(violations).allSatisfy(violation -> {
            String pointer = imported.pointers().toYaml(violation.pointer());
            assertThat(pointer).as("%s -> %s", violation, pointer).startsWith("/topology");
            assertThat(document.resolves(pointer)).as("%s -> %s exists", violation, pointer).isTrue();
        });
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void everyPointerTheMapCanAnswerExistsInTheFile(String fixture) {
        String yaml = Fixtures.text(fixture);
        ContainerlabImport imported = importer.read(yaml, TestCatalog.VIEW);

        YamlDocument document = YamlDocument.load(yaml);
        assertThat(imported.pointers().entries().values()).allSatisfy(pointer ->
                assertThat(document.resolves(pointer)).as("%s exists in %s", pointer, fixture).isTrue());
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void exportValidatesAgainstContainerlabSchema(String fixture) {
        ContainerlabImport imported = importer.read(Fixtures.text(fixture), TestCatalog.VIEW);
        String exported = exporter.write(imported.name(), imported.topology(), TestCatalog.VIEW);

        assertThat(ClabSchema.violations(exported)).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void importExportImportIsStable(String fixture) {
        ContainerlabImport first = importer.read(Fixtures.text(fixture), TestCatalog.VIEW);
        String exported = exporter.write(first.name(), first.topology(), TestCatalog.VIEW);
        ContainerlabImport second = importer.read(exported, TestCatalog.VIEW);

        assertThat(second.topology()).isEqualTo(first.topology());
        assertThat(second.name()).isEqualTo(first.name());
        // an exported file holds nothing LabForge cannot read; what it keeps for containerlab (the file's node names,
        // the container images) is said again
        assertThat(second.warnings()).as("an exported file holds nothing LabForge cannot read").allSatisfy(w ->
                assertThat(w.message()).containsAnyOf("is no DNS-1123 label", "name container images the catalog lacks"));
        assertThat(exporter.write(second.name(), second.topology(), TestCatalog.VIEW)).isEqualTo(exported);
    }

    static Stream<Arguments> expectations() {
        return Stream.of(
                Arguments.of("frr01.clab.yml", 6, 6, Map.of("router1", "frr", "pc1", "alpine"),
                        List.of("/topology/nodes/router1/binds", "/topology/nodes/PC1/exec",
                                "/topology/groups/hosts/image")),
                Arguments.of("sros4.clab.yml", 4, 4, Map.of("sr1", "sros"),
                        List.of("/topology/defaults/license", "/topology/defaults/config", "/topology/defaults/image",
                                "/topology/nodes/sr1/config", "/topology/links/0/vars")),
                Arguments.of("sros-srl.clab.yml", 2, 1, Map.of("srl", "srlinux", "sros", "srsim"),
                        List.of("/topology/nodes/sros/type", "/topology/nodes/sros/license")),
                Arguments.of("vxlan-sros.clab.yml", 1, 0, Map.of("sros", "sros"),
                        List.of("/topology/links/0", "/topology/links/1", "/topology/nodes/sros/license")),
                Arguments.of("linux-nodes.clab.yml", 3, 3, Map.of("l1", "alpine", "l2", "alpine"),
                        List.of("/topology/nodes/l1/cpu", "/topology/nodes/l1/healthcheck", "/topology/nodes/l2/dns",
                                "/topology/nodes/l3/network-mode", "/topology/links/2/endpoints/0/mac",
                                "/topology/links/3", "/topology/links/4", "/topology/links/5")),
                Arguments.of("basic-groups.clab.yaml", 3, 0, Map.of("l1", "alpine", "l3", "alpine"),
                        List.of("/topology/groups/g1/binds", "/topology/groups/g1/cgroup-parent",
                                "/topology/groups/g1/cpu", "/topology/nodes/l1/mgmt-ipv4")),
                Arguments.of("st.clab.yml", 11, 9, Map.of("spine1", "srlinux", "client1", "alpine"),
                        List.of("/prefix", "/mgmt", "/topology/nodes/spine1/mgmt_ipv4",
                                "/topology/nodes/spine1/startup-config", "/topology/kinds/srl/type",
                                "/topology/kinds/srl/image", "/topology/nodes/grafana/env",
                                "/topology/nodes/prometheus/ports")),
                Arguments.of("cfg-clos.clab.yml", 9, 20, Map.of("dcgw1", "sros", "leaf1", "srlinux"),
                        List.of("/topology/defaults/config", "/topology/kinds/vr-sros/license",
                                "/topology/nodes/dcgw1/type", "/topology/links/0/vars")),
                Arguments.of("br01.clab.yml", 3, 0, Map.of("srl1", "srlinux"), List.of("/topology/kinds/nokia_srlinux/type")));
    }

    @ParameterizedTest
    @MethodSource("expectations")
    void importsWhatEachFileDescribes(String fixture, int nodes, int links, Map<String, String> images,
                                      List<String> warningPointers) {
        ContainerlabImport imported = importer.read(Fixtures.text(fixture), TestCatalog.VIEW);

        assertThat(imported.topology().nodes()).hasSize(nodes);
        assertThat(imported.topology().links()).hasSize(links);
        images.forEach((node, image) -> assertThat(imported.topology().node(node)).map(Node::image).hasValue(image));
        assertThat(imported.warnings()).extracting(ImportWarning::pointer).containsAll(warningPointers);
    }
}
