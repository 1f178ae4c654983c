package dev.labforge.containerlab;

import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** cpu, startup-config, labels and the diagram position of one node. */
class NodeFieldsTest {

    private static ContainerlabImport node(String body) {
        return new ContainerlabImporter().read("name: n\ntopology:\n  nodes:\n    r1: {kind: nokia_srlinux, "
                + body + "}\n", TestCatalog.VIEW);
    }

    private static boolean warnedAt(ContainerlabImport imported, String pointer) {
        return imported.warnings().stream().anyMatch(w -> w.pointer().equals(pointer));
    }

    @ParameterizedTest(name = "cpu: {0}")
    @CsvSource(nullValues = "NULL", textBlock = """
            2,    2,    false
            2.0,  2,    false
            1.5,  2,    true
            0.1,  1,    true
            0,    NULL, false
            -1.5, -1,   true
            ~,    NULL, false
            0x10, 16,   false
            0o17, 15,   false
            """)
    void cpuRoundsUpToWholeCores(String yaml, Integer cpu, boolean warned) {
        ContainerlabImport imported = node("cpu: " + yaml);

        assertThat(imported.topology().nodes().getFirst().cpu()).isEqualTo(cpu);
        assertThat(warnedAt(imported, "/topology/nodes/r1/cpu")).isEqualTo(warned);
    }

    @Test
    void inlineStartupConfigIsKeptByteForByte() {
        ContainerlabImport imported = node("startup-config: \"set / system name r1\\n\\n\"");

        assertThat(imported.topology().nodes().getFirst().startupConfig()).isEqualTo("set / system name r1\n\n");
        assertThat(imported.warnings()).isEmpty();
    }

    @Test
    void startupConfigPathIsReportedAndLeftOut() {
        ContainerlabImport imported = node("startup-config: configs/r1.cfg");

        assertThat(imported.topology().nodes().getFirst().startupConfig()).isNull();
        assertThat(imported.warnings()).singleElement().satisfies(w -> {
            assertThat(w.pointer()).isEqualTo("/topology/nodes/r1/startup-config");
            assertThat(w.message()).contains("configs/r1.cfg");
        });
    }

    /** Block scalars are configurations at any length; other one-line text is a path unless no block could hold it. */
    static Stream<Arguments> startupConfigStyles() {
        return Stream.of(
                Arguments.of("|\n        hostname r1\n", "hostname r1\n"),
                Arguments.of("|-\n        hostname r1\n", "hostname r1"),
                Arguments.of("|+\n        hostname r1\n\n", "hostname r1\n\n"),
                Arguments.of(">-\n        hostname r1\n", "hostname r1"),
                Arguments.of("|2-\n          indented\n", "  indented"),
                Arguments.of("|-\n", ""),
                Arguments.of("\"hostname\\x07\"\n", "hostname\u0007"),
                Arguments.of("\"a\\rb\"\n", "a\rb"),
                Arguments.of("hostname r1\n", null),
                Arguments.of("'hostname r1'\n", null),
                Arguments.of("\"hostname r1\"\n", null));
    }

    @ParameterizedTest(name = "startup-config: {0}")
    @MethodSource("startupConfigStyles")
    void blockScalarsAreConfigurationsWhateverTheirLength(String yaml, String config) {
        ContainerlabImport imported = new ContainerlabImporter().read("name: n\ntopology:\n  nodes:\n    r1:\n"
                + "      kind: nokia_srlinux\n      startup-config: " + yaml, TestCatalog.VIEW);

        assertThat(imported.topology().nodes().getFirst().startupConfig()).isEqualTo(config);
        assertThat(warnedAt(imported, "/topology/nodes/r1/startup-config")).isEqualTo(config == null);
    }

    @Test
    void graphPositionLabelsBecomeThePosition() {
        ContainerlabImport imported = node("labels: {graph-posX: \"120\", graph-posY: -40.5, role: spine}");

        Node node = imported.topology().nodes().getFirst();
        assertThat(node.position()).isEqualTo(new Position(120, -40.5));
        assertThat(node.labels()).isEqualTo(Map.of("role", "spine"));
        assertThat(imported.pointers().toYaml("/nodes/0/position")).isEqualTo("/topology/nodes/r1/labels/graph-posX");
        assertThat(imported.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            graph-posX: 10                   | /topology/nodes/r1/labels/graph-posX
            graph-posY: 10                   | /topology/nodes/r1/labels/graph-posY
            graph-posX: 10, graph-posY: left | /topology/nodes/r1/labels/graph-posX
            graph-posX: 1e999, graph-posY: 1 | /topology/nodes/r1/labels/graph-posX
            """)
    void incompletePositionsStayLabelsWithAWarning(String labels, String pointer) {
        ContainerlabImport imported = node("labels: {" + labels + "}");

        Node node = imported.topology().nodes().getFirst();
        assertThat(node.position()).isNull();
        assertThat(node.labels()).isNotEmpty();
        assertThat(warnedAt(imported, pointer)).isTrue();
    }

    @Test
    void topLevelContainerSettingsAndUnknownFieldsAreReported() {
        ContainerlabImport imported = new ContainerlabImporter().read("""
                name: top
                prefix: ""
                mgmt: {network: lab}
                settings: {certificate-authority: {key-size: 2048}}
                debug: true
                owner: me
                topology:
                  nodes: {}
                  extra: 1
                """, TestCatalog.VIEW);

        assertThat(imported.warnings()).extracting(ImportWarning::pointer)
                .containsExactly("/prefix", "/mgmt", "/settings", "/debug", "/owner", "/topology/extra");
        assertThat(imported.warnings().get(4).message()).contains("unknown field 'owner'");
        assertThat(imported.warnings().get(1).message()).contains("'mgmt'").doesNotContain("unknown");
    }
}
