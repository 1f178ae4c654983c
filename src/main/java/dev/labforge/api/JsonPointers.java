package dev.labforge.api;

import java.util.List;
import tools.jackson.core.JacksonException;

/** RFC 6901 pointers, built from Jackson's path to where reading failed or from bean paths. */
public final class JsonPointers {

    private JsonPointers() {
    }

    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    static String fromJacksonPath(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference ref : path) {
            pointer.append('/');
            if (ref.getPropertyName() != null) {
                pointer.append(escape(ref.getPropertyName()));
            } else if (ref.getIndex() >= 0) {
                pointer.append(ref.getIndex());
            } else {
                pointer.append('-');
            }
        }
        return pointer.toString();
    }

    /** {@code nodes[2].name} (bean validation's property path) to {@code /nodes/2/name}. */
    public static String fromPropertyPath(String path) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                pointer.append('/').append(escape(part));
                continue;
            }
            pointer.append('/').append(escape(part.substring(0, bracket)));
            String rest = part.substring(bracket);
            for (String index : rest.replace("]", "").split("\\[")) {
                if (!index.isEmpty()) {
                    pointer.append('/').append(escape(index));
                }
            }
        }
        return pointer.toString();
    }
}
