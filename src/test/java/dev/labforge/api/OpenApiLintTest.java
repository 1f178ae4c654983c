package dev.labforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/openapi.yaml passes Spectral's standard OpenAPI rules (every reference resolves, every
 * operation has a description, ...; see src/test/openapi-lint/.spectral.yaml) without a warning. Spectral is
 * installed by the build (src/test/openapi-lint/install.sh, after test-compile), so this test downloads nothing.
 * {@link OpenApiSnapshotTest} keeps the file equal to what the service serves.
 */
class OpenApiLintTest {

    private static final Path SPECTRAL = Path.of("target/openapi-lint/node_modules/.bin/spectral");

    @Test
    void theCommittedDocumentPassesSpectralsOpenApiRules() throws IOException, InterruptedException {
        assertThat(SPECTRAL).as("Spectral is installed by the build: run mvn process-test-classes first")
                .isExecutable();
        // the report goes to a file: a pipe nobody reads while waiting could fill up and stall spectral
        Path report = Files.createTempFile(Path.of("target"), "spectral", ".txt");
        Process spectral = new ProcessBuilder(SPECTRAL.toString(), "lint", "--ruleset",
                "src/test/openapi-lint/.spectral.yaml", "--fail-severity=warn", "--format=text",
                "openapi/openapi.yaml").redirectErrorStream(true).redirectOutput(report.toFile()).start();
        boolean finished = spectral.waitFor(2, TimeUnit.MINUTES);
        if (!finished) {
            spectral.destroyForcibly();
        }
        String output = Files.readString(report, StandardCharsets.UTF_8);

        assertThat(finished).as("spectral finished within 2 minutes").isTrue();
        assertThat(spectral.exitValue()).as(output).isZero();
        assertThat(output).contains("No results with a severity of 'warn' or higher found");
    }
}
