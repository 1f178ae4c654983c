package dev.labforge.cluster.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The rewrite of an object the reconciler owns, as one JSON Patch (RFC 6902) without a resourceVersion: the desired
 * labels, annotations and content (spec, data, ...) replace the existing ones whole, as a PUT would, while the
 * status and the rest of the metadata stay as the server has them.
 *
 * <p>Not a PUT: a PUT needs the latest resourceVersion, read just before it, and virt-controller writes a VM's status
 * whenever the VM or its VMI moves. A status write between that read and the PUT made the PUT a 409 and the pass wrote
 * the object again: two writes for one change. A patch of fields nobody else writes cannot conflict with it.
 */
final class ObjectRewrite {

    /** Top-level fields that are not the object's content: the server's, or not ours to replace. */
    private static final Set<String> NOT_CONTENT = Set.of("apiVersion", "kind", "metadata", "status");

    private ObjectRewrite() {
    }

    /** The patch that turns {@code have} (as the cache shows it) into {@code want}. */
    static String of(HasMetadata have, HasMetadata want) {
        List<Map<String, Object>> operations = new ArrayList<>();
        metadata(operations, "labels", have.getMetadata().getLabels(), want.getMetadata().getLabels());
        metadata(operations, "annotations", have.getMetadata().getAnnotations(), want.getMetadata().getAnnotations());
        Map<String, Object> from = fields(have);
        Map<String, Object> to = fields(want);
        to.forEach((field, value) -> {
            if (!NOT_CONTENT.contains(field) && value != null) {
                operations.add(operation("add", "/" + escape(field), value)); // "add" replaces a member that exists
            }
        });
        from.forEach((field, value) -> {
            if (!NOT_CONTENT.contains(field) && value != null && to.get(field) == null) {
                operations.add(operation("remove", "/" + escape(field), null));
            }
        });
        return Serialization.asJson(operations);
    }

    private static void metadata(List<Map<String, Object>> operations, String field, Map<String, String> have,
                                 Map<String, String> want) {
        if (want != null && !want.isEmpty()) {
            operations.add(operation("add", "/metadata/" + field, want));
        } else if (have != null && !have.isEmpty()) {
            operations.add(operation("remove", "/metadata/" + field, null));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fields(HasMetadata object) {
        return Objects.requireNonNullElse(Serialization.jsonMapper().convertValue(object, Map.class), Map.of());
    }

    private static Map<String, Object> operation(String op, String path, Object value) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("op", op);
        operation.put("path", path);
        if (value != null) {
            operation.put("value", value);
        }
        return operation;
    }

    /** RFC 6901: "~" and "/" in a member name. */
    private static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }
}
