package dev.labforge.api;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON body as far as it can: each value that does not fit its field (a wrong JSON type, an unknown field, an
 * unstorable text) is noted with its pointer and left out (a member is removed, an array element becomes null, so the
 * pointers of the others stay), and the rest read again, until the body reads. A body that is not JSON at all, or whose
 * failure has no place, is given back as it came, for the reader to refuse as before.
 */
final class TypeErrors {

    /** How many unreadable values one body may have noted before the rest is left to the reader's first refusal. */
    private static final int MOST = 100;

    /** The body to read (without its unreadable values when there were any) and those values' problems. */
    record Read(byte[] body, List<InvalidField> errors) {
    }

    private TypeErrors() {
    }

    static Read read(JsonMapper json, byte[] body, JavaType type) {
        if (body.length == 0) {
            return new Read(body, List.of());
        }
        try { // the common case, a body that reads: one parse here, no tree
            json.readValue(body, type);
            return new Read(body, List.of());
        } catch (DatabindException unreadable) {
            // read again as a tree, leaving out what does not fit
        } catch (JacksonException notJson) {
            return new Read(body, List.of());
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException notJson) {
            return new Read(body, List.of());
        }
        List<InvalidField> errors = new ArrayList<>();
        while (errors.size() < MOST) {
            try {
                json.treeToValue(tree, type);
                return errors.isEmpty() ? new Read(body, List.of()) : new Read(json.writeValueAsBytes(tree), errors);
            } catch (DatabindException failure) {
                String pointer = JsonPointers.fromJacksonPath(failure.getPath());
                boolean again = errors.stream().anyMatch(e -> pointer.equals(e.pointer()));
                if (failure.getPath().isEmpty() || again || !leaveOut(tree, failure.getPath())) {
                    return new Read(body, List.of());
                }
                errors.add(InvalidField.at(pointer, ReadFailures.describe(failure)));
            } catch (JacksonException other) {
                return new Read(body, List.of());
            }
        }
        return new Read(body, List.of());
    }

    /** Removes the member, or nulls the array element, at the path; false when the path leads nowhere. */
    private static boolean leaveOut(JsonNode tree, List<JacksonException.Reference> path) {
        JsonNode parent = tree;
        for (JacksonException.Reference step : path.subList(0, path.size() - 1)) {
            parent = step.getPropertyName() != null ? parent.get(step.getPropertyName()) : parent.get(step.getIndex());
            if (parent == null) {
                return false;
            }
        }
        JacksonException.Reference last = path.getLast();
        if (last.getPropertyName() != null && parent instanceof ObjectNode object
                && object.has(last.getPropertyName())) {
            object.remove(last.getPropertyName());
            return true;
        }
        if (last.getPropertyName() == null && last.getIndex() >= 0 && parent instanceof ArrayNode array
                && last.getIndex() < array.size()) {
            array.set(last.getIndex(), array.nullNode());
            return true;
        }
        return false;
    }
}
