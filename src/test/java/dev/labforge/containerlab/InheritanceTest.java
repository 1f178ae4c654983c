package dev.labforge.containerlab;

import dev.labforge.topology.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** containerlab's precedence: node, then group, then kind, then defaults. */
class InheritanceTest {

    private final ContainerlabImporter importer = new ContainerlabImporter();

    /** One node r1 in group g of kind nokia_srlinux; each block gets the given extra fields. */
    private static String topology(String defaults, String kind, String group, String node) {
        return """
                name: inherit
                topology:
                  defaults: {kind: nokia_srlinux, %s}
                  kinds:
                    nokia_srlinux: {%s}
                  groups:
                    g: {%s}
                  nodes:
                    r1: {group: g, %s}
                """.formatted(defaults, kind, group, node);
    }

    private ContainerlabImport read(String yaml) {
        return importer.read(yaml, TestCatalog.VIEW);
    }

    @ParameterizedTest(name = "cpu set in [{0}] comes from {2}")
    @CsvSource(delimiter = '|', textBlock = """
            node,group,kind,defaults | 4 | /topology/nodes/r1/cpu
            group,kind,defaults      | 3 | /topology/groups/g/cpu
            kind,defaults            | 2 | /topology/kinds/nokia_srlinux/cpu
            defaults                 | 1 | /topology/defaults/cpu
            node,defaults            | 4 | /topology/nodes/r1/cpu
            group,defaults           | 3 | /topology/groups/g/cpu
            """)
    void strongestBlockWinsAndThePointerNamesIt(String levels, int cpu, String pointer) {
        String yaml = topology(levels.contains("defaults") ? "cpu: 1" : "",
                levels.contains("kind") ? "cpu: 2" : "",
                levels.contains("group") ? "cpu: 3" : "",
                levels.contains("node") ? "cpu: 4" : "");

        ContainerlabImport imported = read(yaml);

        assertThat(imported.topology().nodes().getFirst().cpu()).isEqualTo(cpu);
        assertThat(imported.pointers().toYaml("/nodes/0/cpu")).isEqualTo(pointer);
    }

    @ParameterizedTest(name = "{0} inherits from {2}")
    @CsvSource(delimiter = '|', textBlock = """
            image         | alpine:3      | frr           | sros          | frr    | /topology/groups/g/image
            memory        | 1Gb           | 2Gb           | 512Mb         | 2048   | /topology/groups/g/memory
            startup-config| a             | b             | c             | b      | /topology/groups/g/startup-config
            """)
    void groupBeatsKindBeatsDefaults(String field, String defaults, String group, String kind, String expected,
                                     String pointer) {
        String yaml = topology(field + ": " + asYaml(defaults), field + ": " + asYaml(kind),
                field + ": " + asYaml(group), "");
        Node node = read(yaml).topology().nodes().getFirst();

        String actual = switch (field) {
            case "image" -> node.image();
            case "memory" -> String.valueOf(node.memoryMib());
            default -> node.startupConfig().strip();
        };
        assertThat(actual).isEqualTo(expected);
        String model = switch (field) {
            case "image" -> "/nodes/0/image";
            case "memory" -> "/nodes/0/memoryMib";
            default -> "/nodes/0/startupConfig";
        };
        assertThat(read(yaml).pointers().toYaml(model)).isEqualTo(pointer);
    }

    /** A quoted one-line startup config is a file path, so the table's configs go in with a newline. */
    private static String asYaml(String value) {
        return value.length() == 1 ? "\"" + value + "\\n\"" : value;
    }

    @Test
    void labelsMergeKeyByKeyWithTheStrongestBlockWinning() {
        String yaml = topology("labels: {a: d, b: d, c: d, d: d}", "labels: {b: k, c: k, d: k}",
                "labels: {c: g, d: g}", "labels: {d: n}");

        ContainerlabImport imported = read(yaml);

        assertThat(imported.topology().nodes().getFirst().labels())
                .isEqualTo(Map.of("a", "d", "b", "k", "c", "g", "d", "n"));
        assertThat(imported.pointers().toYaml("/nodes/0/labels/a")).isEqualTo("/topology/defaults/labels/a");
        assertThat(imported.pointers().toYaml("/nodes/0/labels/b")).isEqualTo("/topology/kinds/nokia_srlinux/labels/b");
        assertThat(imported.pointers().toYaml("/nodes/0/labels/c")).isEqualTo("/topology/groups/g/labels/c");
        assertThat(imported.pointers().toYaml("/nodes/0/labels/d")).isEqualTo("/topology/nodes/r1/labels/d");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            node kind wins                  | {kind: arista_ceos, group: g} | {kind: nokia_sros} | ''       | ceos
            group kind beats default kind   | {group: g}                    | {kind: nokia_sros} | ''       | sros
            default group's kind applies    | {}                            | {kind: nokia_sros} | group: g | sros
            default kind is the last resort | {group: other}                | {}                 | ''       | srlinux
            """)
    void kindResolvesLikeContainerlab(String title, String node, String group, String defaultsExtra, String image) {
        String yaml = """
                name: kinds
                topology:
                  defaults: {kind: nokia_srlinux, %s}
                  groups:
                    g: %s
                  nodes:
                    r1: %s
                """.formatted(defaultsExtra, group, node);

        assertThat(read(yaml).topology().nodes().getFirst().image()).as(title).isEqualTo(image);
    }

    @Test
    void aKindsBlockCanNameTheGroup() {
        String yaml = """
                name: kind-group
                topology:
                  kinds:
                    nokia_srlinux: {group: spines}
                  groups:
                    spines: {cpu: 6}
                  nodes:
                    s1: {kind: nokia_srlinux}
                """;

        assertThat(read(yaml).topology().nodes().getFirst().cpu()).isEqualTo(6);
    }

    @Test
    void emptyStringsAndZeroCpuCountAsUnsetSoOuterBlocksApply() {
        String yaml = topology("cpu: 2, image: frr", "", "", "cpu: 0, image: ''");

        Node node = read(yaml).topology().nodes().getFirst();

        assertThat(node.cpu()).isEqualTo(2);
        assertThat(node.image()).isEqualTo("frr");
    }

    @Test
    void aNodeWithoutBodyTakesEverythingFromItsKindAndTheDefaults() {
        String yaml = """
                name: bare
                topology:
                  defaults: {kind: nokia_srlinux, memory: 2Gb}
                  kinds:
                    nokia_srlinux: {cpu: 2}
                  nodes:
                    r1:
                    r2: ~
                    r3: null
                """;

        assertThat(read(yaml).topology().nodes()).extracting(Node::name, Node::image, Node::cpu, Node::memoryMib)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r1", "srlinux", 2, 2048),
                        org.assertj.core.groups.Tuple.tuple("r2", "srlinux", 2, 2048),
                        org.assertj.core.groups.Tuple.tuple("r3", "srlinux", 2, 2048));
    }

    @Test
    void aStartupConfigPathOverridesAnInheritedInlineConfigAndIsReported() {
        String yaml = topology("startup-config: \"inline\\n\"", "", "", "startup-config: configs/r1.cfg");

        ContainerlabImport imported = read(yaml);

        assertThat(imported.topology().nodes().getFirst().startupConfig()).isNull();
        assertThat(imported.warnings()).extracting(ImportWarning::pointer)
                .contains("/topology/nodes/r1/startup-config");
    }

    @Test
    void valuesSharedByManyNodesAreReportedOnce() {
        String yaml = """
                name: shared
                topology:
                  defaults: {kind: linux, image: alpine:3, binds: [a:/b], cpu: 1.5}
                  nodes: {a: {}, b: {}, c: {}}
                """;

        assertThat(read(yaml).warnings()).extracting(ImportWarning::pointer)
                .containsExactly("/topology/defaults/binds", "/topology/defaults/cpu");
    }
}
