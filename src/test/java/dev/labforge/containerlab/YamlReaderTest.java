package dev.labforge.containerlab;

import dev.labforge.containerlab.yaml.YamlReader;
import dev.labforge.topology.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** YAML features real files use: anchors, merge keys, the core schema's nulls, scalars kept as written. */
class YamlReaderTest {

    private static ContainerlabImport read(String yaml) {
        return new ContainerlabImporter().read(yaml, TestCatalog.VIEW);
    }

    @Test
    void anchorsOnScalarsAndMappingsResolve() {
        ContainerlabImport imported = read("""
                name: anchors
                topology:
                  kinds:
                    linux: &linux {image: &img alpine:3, cpu: 2}
                  nodes:
                    a: {kind: nokia_srlinux, image: *img}
                    b: *linux
                """);

        assertThat(imported.topology().nodes()).extracting(Node::image, Node::cpu)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alpine", null),
                        org.assertj.core.groups.Tuple.tuple("alpine", 2));
    }

    @Test
    void mergeKeysLetExplicitKeysWinWhereverTheyStand() {
        ContainerlabImport imported = read("""
                name: merge
                topology:
                  nodes:
                    base: &base {kind: linux, cpu: 2, memory: 1Gb}
                    before: {cpu: 4, <<: *base}
                    after: {<<: *base, cpu: 4}
                    list: {<<: [{cpu: 6}, *base]}
                """);

        assertThat(imported.topology().nodes()).extracting(Node::name, Node::cpu, Node::memoryMib).containsExactly(
                org.assertj.core.groups.Tuple.tuple("base", 2, 1024),
                org.assertj.core.groups.Tuple.tuple("before", 4, 1024),
                org.assertj.core.groups.Tuple.tuple("after", 4, 1024),
                org.assertj.core.groups.Tuple.tuple("list", 6, 1024));
    }

    @ParameterizedTest(name = "image: {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            ~           | NULL
            null        | NULL
            Null        | NULL
            '"~"'       | ~
            '''null'''  | null
            """)
    void coreSchemaNullsAreAbsentButQuotedOnesAreText(String yaml, String image) {
        ContainerlabImport imported = read("name: n\ntopology:\n  nodes:\n    r1: {image: " + yaml + "}\n");

        assertThat(imported.topology().nodes().getFirst().image()).isEqualTo(image);
    }

    @Test
    void labelValuesKeepTheirTextAsWritten() {
        ContainerlabImport imported = read("""
                name: labels
                topology:
                  nodes:
                    r1: {kind: linux, labels: {a: 1.50, b: 0x1F, c: true, d: 010, e: "x", f: ~}}
                """);

        assertThat(imported.topology().nodes().getFirst().labels())
                .isEqualTo(Map.of("a", "1.50", "b", "0x1F", "c", "true", "d", "010", "e", "x", "f", ""));
    }

    @Test
    void nodeOrderFollowsTheFileNotTheAlphabet() {
        ContainerlabImport imported = read("""
                name: order
                topology:
                  nodes:
                    zulu: {kind: linux}
                    alpha: {kind: linux}
                    mike: {kind: linux}
                """);

        assertThat(imported.topology().nodes()).extracting(Node::name).containsExactly("zulu", "alpha", "mike");
    }

    /** SnakeYAML Engine reads 1,024 characters at a time; a pair split by that boundary must still be one character. */
    @ParameterizedTest(name = "emoji at offset {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1000, 1022, 1023, 1024, 2046, 2047, 3071})
    void charactersOutsideTheBasicPlaneReadAcrossTheParsersBuffer(int offset) {
        String head = "name: wide\ntopology:\n  nodes:\n    r1:\n      kind: linux\n      labels:\n        a: ";
        String yaml = head + "x".repeat(offset - head.length()) + "\uD83D\uDE00 end\n";
        assertThat(yaml.charAt(offset)).isEqualTo('\uD83D');

        assertThat(read(yaml).topology().nodes().getFirst().labels().get("a")).endsWith("x\uD83D\uDE00 end");
    }

    @Test
    void aLargeRealisticFileReadsQuickly() {
        StringBuilder yaml = new StringBuilder("name: big\ntopology:\n  nodes:\n");
        String config = "      startup-config: |\n" + "        set / interface ethernet-1/1 admin-state enable\n".repeat(400);
        for (int i = 0; i < 150; i++) {
            yaml.append("    r").append(i).append(":\n      kind: nokia_srlinux\n").append(config);
        }
        assertThat(yaml.length()).isGreaterThan(3_000_000).isLessThan(YamlReader.MAX_CHARS);

        long start = System.nanoTime();
        assertThat(read(yaml.toString()).topology().nodes()).hasSize(150);
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }
}
