package dev.labforge.containerlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ClabKindsTest {

    @Test
    void theKnownKindsAreExactlyTheSchemasEnum() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/containerlab/clab.schema.json")) {
            schema = JsonMapper.builder().build().readTree(in);
        }
        Set<String> kinds = new HashSet<>();
        schema.path("definitions").path("node-config").path("properties").path("kind").path("enum")
                .forEach(kind -> kinds.add(kind.asString()));

        assertThat(ClabKinds.SCHEMA_KINDS).isEqualTo(kinds);
    }

    @Test
    void olderNamesOfSchemaKindsAreKnownAndOtherNamesAreNot() {
        assertThat(ClabKinds.isKnown("nokia_srlinux")).isTrue();
        assertThat(ClabKinds.isKnown("srl")).isTrue();
        assertThat(ClabKinds.isKnown("vr-veos")).isTrue();
        assertThat(ClabKinds.isKnown("linux")).isTrue();
        assertThat(ClabKinds.isKnown("nokia_srlinx")).isFalse();
        assertThat(ClabKinds.isKnown("router")).isFalse();
        assertThat(ClabKinds.isKnown(null)).isFalse();
    }
}
