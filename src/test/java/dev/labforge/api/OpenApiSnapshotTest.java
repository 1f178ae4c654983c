package dev.labforge.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi/openapi.yaml is what the service serves. After an intended API change,
 * refresh it with {@code mvn test -Dtest=OpenApiSnapshotTest -Dopenapi.update=true}.
 */
class OpenApiSnapshotTest extends IntegrationTest {

    private static final Path COMMITTED = Path.of("openapi/openapi.yaml");

    @Test
    void servedSpecMatchesTheCommittedFile() throws IOException {
        String served = anonymous().get("/v3/api-docs.yaml").body();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served);
        }

        assertThat(served).contains("/api/v1/labs", "Problem", "bearer");
        assertThat(Files.readString(COMMITTED))
                .as("openapi/openapi.yaml is stale: rerun with -Dopenapi.update=true and commit it")
                .isEqualTo(served);
    }
}
