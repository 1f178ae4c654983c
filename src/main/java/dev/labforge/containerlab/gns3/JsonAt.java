package dev.labforge.containerlab.gns3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.labforge.containerlab.ContainerlabFormatException;
import dev.labforge.containerlab.PointerMap;
import tools.jackson.databind.JsonNode;

/**
 * A JSON value with the RFC 6901 pointer it was found at, so that every complaint about a GNS3 project file names the
 * place to fix. Absent and null values read as empty; a value of the wrong type is a {@link
 * ContainerlabFormatException} at its pointer.
 */
record JsonAt(JsonNode node, String pointer) {

    boolean isAbsent() {
        return node == null || node.isNull() || node.isMissingNode();
    }

    JsonAt field(String name) {
        if (isAbsent()) {
            return new JsonAt(null, PointerMap.append(pointer, name));
        }
        if (!node.isObject()) {
            throw error("must be an object");
        }
        return new JsonAt(node.get(name), PointerMap.append(pointer, name));
    }

    Map<String, JsonAt> fields() {
        if (isAbsent()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw error("must be an object");
        }
        Map<String, JsonAt> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), new JsonAt(e.getValue(), PointerMap.append(pointer,
                e.getKey()))));
        return out;
    }

    List<JsonAt> items() {
        if (isAbsent()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw error("must be a list");
        }
        List<JsonAt> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonAt(node.get(i), PointerMap.append(pointer, i)));
        }
        return out;
    }

    /** A string, or a number or boolean as written; empty when absent. */
    Optional<String> text() {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (node.isString()) {
            return Optional.of(node.stringValue());
        }
        if (node.isNumber() || node.isBoolean()) {
            return Optional.of(node.asString());
        }
        throw error("must be a string");
    }

    /**
     * A field GNS3 always writes: missing or blank, the refusal names the part that lacks it ({@code what}, "node 3
     * ('R1')") and what the field is for.
     */
    String required(String what, String purpose) {
        return text().filter(s -> !s.isBlank()).orElseThrow(() -> invalid(what + " has no '" + name() + "' ("
                + purpose + ")"));
    }

    /** The last token of the pointer: the field's own name. */
    private String name() {
        return pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
    }

    /** A whole number from 0 to {@code max}; empty when absent. */
    Optional<Integer> count(int max) {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error("must be a whole number");
        }
        int value = node.intValue();
        if (value < 0 || value > max) {
            throw invalid("must be from 0 to " + max);
        }
        return Optional.of(value);
    }

    /** A finite number; empty when absent. */
    Optional<Double> number() {
        if (isAbsent()) {
            return Optional.empty();
        }
        if (!node.isNumber()) {
            throw error("must be a number");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw invalid("must be a finite number");
        }
        return Optional.of(value);
    }

    ContainerlabFormatException invalid(String message) {
        return new ContainerlabFormatException(pointer, message);
    }

    private ContainerlabFormatException error(String expectation) {
        return invalid(expectation + ", not " + describe(node));
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isNumber() ? "a number" : "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
