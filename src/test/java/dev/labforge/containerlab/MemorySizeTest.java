package dev.labforge.containerlab;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Docker memory units as containerlab reads them: binary multiples, bytes when no unit. */
class MemorySizeTest {

    private static ContainerlabImport node(String memory) {
        return new ContainerlabImporter().read("""
                name: mem
                topology:
                  nodes:
                    r1: {kind: linux, memory: %s}
                """.formatted(memory), TestCatalog.VIEW);
    }

    @ParameterizedTest(name = "{0} = {1} MiB")
    @CsvSource(delimiter = '|', textBlock = """
            1Gb         | 1024    | false
            1G          | 1024    | false
            1g          | 1024    | false
            2GiB        | 2048    | false
            2gib        | 2048    | false
            1 GB        | 1024    | false
            512Mb       | 512     | false
            512M        | 512     | false
            512MiB      | 512     | false
            2048Mb      | 2048    | false
            1.5G        | 1536    | false
            1t          | 1048576 | false
            1048576k    | 1024    | false
            1536k       | 2       | true
            1073741824  | 1024    | false
            1073741824b | 1024    | false
            1024        | 1       | true
            0           | 0       | false
            """)
    void convertsToMib(String text, long mib, boolean rounded) {
        assertThat(MemorySize.parse(text)).contains(new MemorySize(mib, rounded));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lots", "-1G", "1.2.3G", "1 G B", "G", "1iB", "1e3", "1GG", " 1G", "1G ", "1,5G", "0x10",
            "１G", "1Gbb", "99999999999999999999999999999999999999999G"})
    void rejectsWhatDockerWouldReject(String text) {
        assertThat(MemorySize.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            1Gb          | 1024
            '2GiB'       | 2048
            2147483648   | 2048
            """)
    void importerReadsNumbersAndStrings(String yaml, int mib) {
        assertThat(node(yaml).topology().nodes().getFirst().memoryMib()).isEqualTo(mib);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            lots           | memory size
            '[1]'          | must be a string
            '{a: 1}'       | must be a string
            99999999999p   | too large
            """)
    void importerRejectsNonsenseAtTheField(String yaml, String message) {
        assertThatThrownBy(() -> node(yaml))
                .isInstanceOfSatisfying(ContainerlabFormatException.class, e -> {
                    assertThat(e.pointer()).isEqualTo("/topology/nodes/r1/memory");
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @ParameterizedTest
    @CsvSource({"1024, true", "1536k, true", "1Gb, false"})
    void roundingIsReported(String memory, boolean warned) {
        assertThat(node(memory).warnings().stream().anyMatch(w -> w.pointer().equals("/topology/nodes/r1/memory")))
                .isEqualTo(warned);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 256, 2048, 131072, Integer.MAX_VALUE})
    void theExportedFormReadsBackToTheSameMib(int mib) {
        assertThat(MemorySize.parse(MemorySize.format(mib))).contains(new MemorySize(mib, false));
    }
}
