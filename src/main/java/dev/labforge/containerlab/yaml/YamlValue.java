package dev.labforge.containerlab.yaml;

import java.util.List;
import java.util.Map;

/**
 * A YAML value as the importer needs it: scalars keep their text exactly as written (containerlab reads most
 * fields as strings, so {@code 1.50} stays "1.50"), mappings keep document order.
 */
public sealed interface YamlValue {

    /** Values this one stands for once aliases are expanded; the reader bounds it against alias bombs. */
    long weight();

    /** 1-based line where the value starts, for messages. */
    int line();

    /** For messages: "a list", "a string", ... */
    String description();

    enum ScalarType { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    /** @param block whether the scalar was written as a block ({@code |} or {@code >}), which startup configs use */
    record Scalar(String text, ScalarType type, boolean block, int line) implements YamlValue {

        @Override
        public long weight() {
            return 1;
        }

        @Override
        public String description() {
            return switch (type) {
                case STRING -> "a string";
                case INTEGER, FLOAT -> "a number";
                case BOOLEAN -> "a boolean";
                case NULL -> "null";
            };
        }

        boolean isNull() {
            return type == ScalarType.NULL;
        }
    }

    record Mapping(Map<String, YamlValue> entries, long weight, int line) implements YamlValue {

        @Override
        public String description() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlValue> items, long weight, int line) implements YamlValue {

        @Override
        public String description() {
            return "a list";
        }
    }
}
