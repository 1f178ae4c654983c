package dev.labforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docker-compose.yml against the Compose Specification's JSON schema (src/test/resources/schemas/README.md names
 * its source); there is no Docker here to run {@code docker compose config}.
 */
class ComposeFileTest {

    private static final Path FILE = Path.of("docker-compose.yml");

    @Test
    void isAValidComposeFile() throws IOException {
        assertThat(violations(Files.readString(FILE))).isEmpty();
    }

    @Test
    void theSchemaRefusesAMisspeltKey() throws IOException {
        String misspelt = Files.readString(FILE).replace("healthcheck:", "healthckeck:");
        assertThat(violations(misspelt)).isNotEmpty();
    }

    @Test
    void labforgeWaitsForAHealthyDatabaseAndReportsItsOwnReadiness() throws IOException {
        JsonNode services = new YAMLMapper().readTree(Files.readString(FILE)).get("services");
        JsonNode labforge = services.get("labforge");
        assertThat(labforge.at("/depends_on/postgres/condition").asString()).isEqualTo("service_healthy");
        assertThat(services.at("/postgres/healthcheck/test").toString()).contains("pg_isready");
        assertThat(labforge.at("/healthcheck/test").toString()).contains("/actuator/health/readiness");
        assertThat(labforge.at("/environment/SPRING_DATASOURCE_URL").asString())
                .isEqualTo("jdbc:postgresql://postgres:5432/labforge");
        // the generated first admin token lands on the named volume, where the README says to read it
        assertThat(labforge.get("volumes").toString()).contains("labforge-data:/data");
        // no kubeconfig by default: the simulated cluster
        assertThat(labforge.at("/environment/LABFORGE_CLUSTER_KUBECONFIG").asString())
                .isEqualTo("${LABFORGE_KUBECONFIG:-}");
        assertThat(Path.of("deploy", "compose", "kube")).isDirectory();
    }

    private static List<String> violations(String yaml) throws IOException {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream("/schemas/compose-spec.json")) {
            // its relative $id ("compose_spec.json") is no base IRI the validator accepts; its $refs are all local
            ObjectNode tree = (ObjectNode) new JsonMapper().readTree(in);
            tree.remove("$id");
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(tree);
            return schema.validate(yaml, InputFormat.YAML).stream().map(Error::toString).toList();
        }
    }
}
