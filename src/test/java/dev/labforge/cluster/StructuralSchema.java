package dev.labforge.cluster;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A CRD's structural openAPIV3Schema (src/test/resources/schemas/README.md names the sources), checked twice:
 * by a JSON Schema validator (types, enums, required, patterns), and by a strict pass that rejects fields the
 * schema does not declare. The API server would prune such a field silently, so a typo like {@code macAdress}
 * would vanish instead of failing; the strict pass is what catches it.
 */
public final class StructuralSchema {

    /** OpenAPI 3.0 (nullable ...) plus the Kubernetes extensions, which carry no JSON Schema validation. */
    private static final Dialect DIALECT = Dialect.builder(Dialects.getOpenApi30())
            .keywords(Stream.of("x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
                            "x-kubernetes-embedded-resource", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
                            "x-kubernetes-map-type", "x-kubernetes-validations")
                    .map(NonValidationKeyword::new).toList())
            .build();

    private final JsonNode openApiSchema;
    private final Schema validator;

    private StructuralSchema(JsonNode openApiSchema) {
        this.openApiSchema = openApiSchema;
        this.validator = SchemaRegistry.withDefaultDialect(DIALECT).getSchema(openApiSchema);
    }

    /** Loads a YAML resource and descends to the openAPIV3Schema along {@code path} (field names or list indexes). */
    public static StructuralSchema load(String resource, Object... path) {
        try (InputStream in = StructuralSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            JsonNode node = YAMLMapper.builder().build().readTree(in);
            for (Object step : path) {
                node = step instanceof Integer i ? node.get(i) : node.get((String) step);
            }
            return new StructuralSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> violations(Object object) {
        JsonNode instance = object instanceof JsonNode node ? node : Serialization.jsonMapper().valueToTree(object);
        List<String> violations = new ArrayList<>(validator.validate(instance).stream().map(Error::toString).toList());
        strict(openApiSchema, instance, "", violations);
        return violations;
    }

    private static void strict(JsonNode schema, JsonNode instance, String pointer, List<String> out) {
        if (schema == null || instance == null) {
            return;
        }
        if (instance.isObject()) {
            JsonNode properties = schema.get("properties");
            JsonNode additional = schema.get("additionalProperties");
            boolean open = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                    || (additional != null && !(additional.isBoolean() && !additional.asBoolean()));
            for (Map.Entry<String, JsonNode> field : instance.properties()) {
                String at = pointer + "/" + field.getKey();
                if (properties != null && properties.has(field.getKey())) {
                    strict(properties.get(field.getKey()), field.getValue(), at, out);
                } else if (additional != null && additional.isObject()) {
                    strict(additional, field.getValue(), at, out);
                } else if (properties != null && !open) {
                    out.add(at + ": unknown field (not in the schema; the API server would prune it)");
                }
            }
        } else if (instance.isArray()) {
            for (int i = 0; i < instance.size(); i++) {
                strict(schema.get("items"), instance.get(i), pointer + "/" + i, out);
            }
        }
    }
}
