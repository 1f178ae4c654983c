package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.multus.LinkDriver;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.LabPlan;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every object of three representative labs, rendered to YAML and compared byte for byte with
 * src/test/resources/golden. After an intended change: {@code mvn test -Dgolden.update=true}, then review the diff.
 */
class GoldenFilesTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<Arguments> labs() {
        return Stream.of(
                Arguments.of("two-routers", TestLabs.twoRouters(), Multus.driver("bridge")),
                Arguments.of("vendor-ring", TestLabs.vendorRing(), Multus.driver("bridge")),
                Arguments.of("pooled", TestLabs.pooled(), Multus.driver("bridge")),
                Arguments.of("stopped-vlan", TestLabs.stoppedVlan(), Multus.driver("vlan")),
                Arguments.of("segment-bridge", TestLabs.officeLan(null, null), Multus.driver("bridge")),
                Arguments.of("segment-vlan", TestLabs.officeLan(210, 211), Multus.driver("vlan")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void renderedLabMatchesItsGoldenFile(String name, LabPlan lab, LinkDriver driver) throws IOException {
        String yaml = yaml(lab, driver);
        Path file = GOLDEN.resolve(name + ".yaml");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file; create or refresh it with -Dgolden.update=true").exists();
        assertThat(yaml).as("%s differs from its golden file; if intended, rerun with -Dgolden.update=true", file)
                .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labs")
    void renderingIsDeterministic(String name, LabPlan lab, LinkDriver driver) {
        assertThat(yaml(lab, driver)).isEqualTo(yaml(lab, driver));
    }

    static String yaml(LabPlan lab, LinkDriver driver) {
        return LabObjects.render(lab, driver).stream()
                .map(Serialization::asYaml)
                .collect(Collectors.joining());
    }
}
