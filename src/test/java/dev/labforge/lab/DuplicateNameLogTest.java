package dev.labforge.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A name conflict is logged as a conflict, without the statement or any value of the refused lab. */
@ExtendWith(OutputCaptureExtension.class)
class DuplicateNameLogTest extends IntegrationTest {

    private ApiClient alice;
    private String secret;

    @BeforeEach
    void setUp() {
        Catalog.ensure(api());
        alice = api().newUser();
        secret = "enable secret " + UUID.randomUUID();
    }

    private String lab(String name) {
        return """
                {"name":"%s","description":"desc-%s","nodes":[{"name":"r1","image":"frr","startupConfig":"%s"}]}"""
                .formatted(name, secret, secret);
    }

    @Test
    void aDuplicateNameAtCreationLogsTheConflictNotTheLab(CapturedOutput output) {
        assertThat(alice.post("/api/v1/labs", lab("taken")).status()).isEqualTo(201);

        assertThat(alice.post("/api/v1/labs", lab("taken")).status()).isEqualTo(409);

        assertThat(output.getAll()).contains("labs_owner_name_unique")
                .doesNotContain(secret).doesNotContainIgnoringCase("insert into");
    }

    @Test
    void aDuplicateNameOnRenameLogsTheConflictNotTheLab(CapturedOutput output) {
        assertThat(alice.post("/api/v1/labs", lab("first")).status()).isEqualTo(201);
        String second = alice.post("/api/v1/labs", lab("second")).json().get("id").asString();

        assertThat(alice.put("/api/v1/labs/" + second, lab("first")).status()).isEqualTo(409);

        assertThat(output.getAll()).contains("labs_owner_name_unique")
                .doesNotContain(secret).doesNotContainIgnoringCase("update labs");
    }
}
