package dev.labforge.containerlab;

import dev.labforge.topology.TopologyLimits;
import dev.labforge.topology.TopologyValidator;
import dev.labforge.topology.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Model pointers, as the validator reports them, lead to the place in the YAML file. */
class PointerMapTest {

    private static final String LAB = """
            name: pointers
            topology:
              defaults: {cpu: 64}
              kinds:
                nokia_srlinux: {image: "ghcr.io/nokia/srlinux:24.10"}
              nodes:
                r1: {kind: nokia_srlinux, labels: {lab/el: x}}
                a/b~c: {kind: nokia_srlinux}
                R3: {kind: juniper_vmx, image: "vrnetlab/vr-vmx:23.2"}
                r4: {kind: juniper_vmx}
                r5: {kind: nokia_srlinux}
                r6: {kind: nokia_srlinux}
                r7: {kind: nokia_srlinux}
                r8: {kind: nokia_srlinux}
                r9: {kind: nokia_srlinux}
                r10: {kind: nokia_srlinux, memory: 64Mb}
              links:
                - type: host
                  endpoint: {node: r1, interface: eth9}
                  host-interface: r1-eth9
                - endpoints: ["r1:eth1", "r9:eth1"]
                  mtu: 100
                - endpoints: ["r1:eth1", "nowhere:eth1"]
                - type: veth
                  endpoints: [{node: r5, interface: eth1}, {node: r5, interface: eth1}]
            """;

    private final ContainerlabImport imported = new ContainerlabImporter().read(LAB, TestCatalog.VIEW);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                              | ''
            /nodes                          | /topology/nodes
            /links                          | /topology/links
            /nodes/0                        | /topology/nodes/r1
            /nodes/0/name                   | /topology/nodes/r1
            /nodes/0/image                  | /topology/kinds/nokia_srlinux/image
            /nodes/0/cpu                    | /topology/defaults/cpu
            /nodes/0/labels                 | /topology/nodes/r1/labels
            /nodes/0/labels/lab~1el         | /topology/nodes/r1/labels/lab~1el
            /nodes/0/somethingNew           | /topology/nodes/r1
            /nodes/1/name                   | /topology/nodes/a~1b~0c
            /nodes/2/image                  | /topology/nodes/R3/image
            /nodes/3/image                  | /topology/nodes/r4/kind
            /nodes/9/memoryMib              | /topology/nodes/r10/memory
            /nodes/1/memoryMib              | /topology/nodes/a~1b~0c
            /links/0                        | /topology/links/1
            /links/0/mtu                    | /topology/links/1/mtu
            /links/1/endpoints/1            | /topology/links/2/endpoints/1
            /links/2/endpoints/0            | /topology/links/3/endpoints/0
            /links/7                        | /topology/links
            /nodes/99/image                 | /topology/nodes
            nodes/0                         | ''
            """)
    void translatesByLongestMappedPrefix(String model, String yaml) {
        assertThat(imported.pointers().toYaml(model)).isEqualTo(yaml);
    }

    @Test
    void everyValidatorFindingPointsAtTheLineToFix() {
        List<Violation> violations = new TopologyValidator(TopologyLimits.defaults())
                .validate(imported.topology(), TestCatalog.LOOKUP);
        Map<String, List<String>> byRule = violations.stream().collect(Collectors.groupingBy(Violation::rule,
                Collectors.mapping(v -> imported.pointers().toYaml(v.pointer()), Collectors.toList())));

        // names containerlab takes and Kubernetes does not are mapped, with a warning at the node, not refused
        assertThat(byRule).doesNotContainKey("node-name-format");
        assertThat(imported.warnings()).extracting(ImportWarning::pointer)
                .contains("/topology/nodes/a~1b~0c", "/topology/nodes/R3");
        assertThat(byRule).containsEntry("image-known", List.of("/topology/nodes/R3/image", "/topology/nodes/r4/kind"));
        assertThat(byRule.get("node-resources")).contains("/topology/defaults/cpu", "/topology/nodes/r10/memory");
        assertThat(byRule).containsEntry("link-mtu", List.of("/topology/links/1/mtu"));
        assertThat(byRule).containsEntry("endpoint-node-exists", List.of("/topology/links/2/endpoints/1"));
        assertThat(byRule).containsEntry("link-not-self", List.of("/topology/links/3/endpoints/1"));
        assertThat(byRule).containsEntry("interface-single-use", List.of("/topology/links/2/endpoints/0"));
    }

    @Test
    void withoutLinksTheLinksPointerIsTheTopologyBlock() {
        ContainerlabImport noLinks = new ContainerlabImporter().read("name: x\ntopology:\n  nodes: {}\n",
                TestCatalog.VIEW);

        assertThat(noLinks.pointers().toYaml("/links")).isEqualTo("/topology");
        assertThat(noLinks.pointers().toYaml("/links/0/mtu")).isEqualTo("/topology");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            plain     | /a/plain
            a/b       | /a/a~1b
            a~b       | /a/a~0b
            ~/        | /a/~0~1
            ~1        | /a/~01
            ''        | /a/
            """)
    void segmentsAreEscapedPerRfc6901(String segment, String pointer) {
        assertThat(PointerMap.append("/a", segment)).isEqualTo(pointer);
    }
}
