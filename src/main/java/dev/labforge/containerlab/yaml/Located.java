package dev.labforge.containerlab.yaml;

import dev.labforge.containerlab.ContainerlabFormatException;
import dev.labforge.containerlab.PointerMap;
import dev.labforge.containerlab.yaml.YamlValue.Mapping;
import dev.labforge.containerlab.yaml.YamlValue.Scalar;
import dev.labforge.containerlab.yaml.YamlValue.ScalarType;
import dev.labforge.containerlab.yaml.YamlValue.Sequence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML value together with its pointer into the document, so that every type check can say where it failed.
 * Null is treated as absent throughout, as containerlab's Go structs do.
 */
public record Located(YamlValue value, String pointer) {

    public static final Located ABSENT = new Located(new Scalar("", ScalarType.NULL, false, 0), "");

    public boolean isNull() {
        return value instanceof Scalar scalar && scalar.isNull();
    }

    public boolean isBlockScalar() {
        return value instanceof Scalar scalar && scalar.block();
    }

    /** The entries of a mapping; empty for null. */
    public Map<String, Located> entries() {
        if (isNull()) {
            return Map.of();
        }
        if (!(value instanceof Mapping mapping)) {
            throw error("must be a mapping");
        }
        Map<String, Located> out = new LinkedHashMap<>();
        mapping.entries().forEach((key, child) -> out.put(key, new Located(child, PointerMap.append(pointer, key))));
        return out;
    }

    /** The items of a list; empty for null. */
    public List<Located> items() {
        if (isNull()) {
            return List.of();
        }
        if (!(value instanceof Sequence sequence)) {
            throw error("must be a list");
        }
        List<Located> out = new ArrayList<>();
        for (YamlValue item : sequence.items()) {
            out.add(new Located(item, PointerMap.append(pointer, out.size())));
        }
        return out;
    }

    /** The text of a scalar, numbers and booleans included (Go's yaml reads them into strings as written). */
    public Optional<String> text() {
        if (isNull()) {
            return Optional.empty();
        }
        if (!(value instanceof Scalar scalar)) {
            throw error("must be a string");
        }
        return Optional.of(scalar.text());
    }

    /** The text of a number; anything else but null is an error. */
    public Optional<String> number() {
        if (isNull()) {
            return Optional.empty();
        }
        if (!(value instanceof Scalar scalar)
                || scalar.type() != ScalarType.INTEGER && scalar.type() != ScalarType.FLOAT) {
            throw error("must be a number");
        }
        return Optional.of(scalar.text());
    }

    public boolean isInteger() {
        return value instanceof Scalar scalar && scalar.type() == ScalarType.INTEGER;
    }

    /** The value of a YAML 1.2 core integer (decimal, 0x hex, 0o octal) that must fit an int. */
    public int intValue() {
        String text = number().orElseThrow(() -> error("must be a whole number"));
        // eleven digits hold any int; longer text is out of range and not worth parsing
        if (!isInteger() || text.length() > 20) {
            throw invalid(isInteger() ? "is out of range" : "must be a whole number");
        }
        boolean negative = text.startsWith("-");
        String digits = negative || text.startsWith("+") ? text.substring(1) : text;
        BigInteger parsed;
        try {
            parsed = digits.startsWith("0x") ? new BigInteger(digits.substring(2), 16)
                    : digits.startsWith("0o") ? new BigInteger(digits.substring(2), 8)
                    : new BigInteger(digits);
        } catch (NumberFormatException e) {
            throw invalid("must be a whole number");
        }
        parsed = negative ? parsed.negate() : parsed;
        if (parsed.bitLength() > 31) {
            throw invalid("is out of range");
        }
        return parsed.intValue();
    }

    /** For a value of the wrong type: says what was expected and what was found. */
    public ContainerlabFormatException error(String expectation) {
        return invalid(expectation + (isNull() ? "" : ", not " + value.description()));
    }

    /** For a value of the right type that still makes no sense. */
    public ContainerlabFormatException invalid(String problem) {
        String line = value.line() > 0 ? " (line " + value.line() + ")" : "";
        return new ContainerlabFormatException(pointer, problem + line);
    }
}
