package dev.labforge.containerlab;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The importer's field lists are containerlab's schema, so "unknown field" means unknown to containerlab too. */
class UnmappedFieldsTest {

    private static JsonNode schema() throws Exception {
        try (InputStream in = UnmappedFieldsTest.class.getResourceAsStream("/containerlab/clab.schema.json")) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    @Test
    void nodeFieldsAreExactlyTheSchemasNodeProperties() throws Exception {
        Set<String> schemaFields = new HashSet<>(schema().at("/definitions/node-config/properties").propertyNames());
        Set<String> ours = new HashSet<>(UnmappedFields.NODE);
        ours.addAll(UnmappedFields.NODE_MAPPED);

        assertThat(ours).isEqualTo(schemaFields);
        assertThat(UnmappedFields.NODE).doesNotContainAnyElementsOf(UnmappedFields.NODE_MAPPED);
    }

    @Test
    void topLevelFieldsAreTheSchemasOtherProperties() throws Exception {
        Set<String> schemaFields = new HashSet<>(schema().at("/properties").propertyNames());

        assertThat(schemaFields).containsExactlyInAnyOrderElementsOf(
                Set.copyOf(concat(UnmappedFields.TOP_LEVEL, Set.of("name", "topology"))));
    }

    @Test
    void linkAndEndpointFieldsComeFromTheSchema() throws Exception {
        JsonNode definitions = schema().at("/definitions");
        Set<String> link = new HashSet<>(definitions.at("/link-config-short/properties").propertyNames());
        link.addAll(definitions.at("/link-type-veth/properties").propertyNames());
        link.removeAll(Set.of("type", "endpoints", "mtu"));

        assertThat(UnmappedFields.LINK).isEqualTo(link);
        Set<String> endpoint = new HashSet<>(definitions.at("/link-endpoint/properties").propertyNames());
        endpoint.removeAll(Set.of("node", "interface"));
        assertThat(UnmappedFields.ENDPOINT).isEqualTo(endpoint);
    }

    private static Set<String> concat(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }
}
