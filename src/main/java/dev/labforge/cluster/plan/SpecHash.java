package dev.labforge.cluster.plan;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Content hash of a rendered object: canonical JSON (sorted keys) of what the reconciler owns. */
public final class SpecHash {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();
    private static final int LENGTH = 16;

    private SpecHash() {
    }

    static String of(HasMetadata object) {
        ObjectNode whole = Serialization.jsonMapper().valueToTree(object);
        ObjectNode content = whole.deepCopy();
        content.remove("status");
        content.set("metadata", ownedMetadata(whole.path("metadata")));
        if (content.get("spec") instanceof ObjectNode spec) {
            spec.remove("runStrategy");
        }
        return sha256(CANONICAL.writeValueAsString(content)).substring(0, LENGTH);
    }

    /** The hash of any JSON-shaped value (maps, lists, scalars), keys sorted. */
    public static String ofContent(Object value) {
        JsonNode tree = Serialization.jsonMapper().valueToTree(value);
        return sha256(CANONICAL.writeValueAsString(tree)).substring(0, LENGTH);
    }

    private static ObjectNode ownedMetadata(JsonNode metadata) {
        ObjectNode owned = CANONICAL.createObjectNode();
        copy(metadata, owned, "name");
        copy(metadata, owned, "namespace");
        copyMap(metadata, owned, "labels", ClusterLabels.SPEC_VERSION);
        copyMap(metadata, owned, "annotations", ClusterLabels.SPEC_HASH);
        return owned;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.set(field, from.get(field));
        }
    }

    private static void copyMap(JsonNode from, ObjectNode to, String field, String without) {
        if (from.get(field) instanceof ObjectNode map) {
            ObjectNode copy = map.deepCopy();
            copy.remove(without);
            if (!copy.isEmpty()) {
                to.set(field, copy);
            }
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
