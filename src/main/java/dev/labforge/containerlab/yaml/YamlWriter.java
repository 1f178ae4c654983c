package dev.labforge.containerlab.yaml;

import java.util.List;
import java.util.Map;

/**
 * Writes the block-style YAML of an exported file from maps (in their iteration order), lists, strings, integers
 * and {@link BlockScalar}s, indenting by two spaces. Written by hand because Jackson's and SnakeYAML's emitters
 * choose a string's style themselves, and neither writes a block scalar that is empty, on one line, or holds
 * trailing spaces: startup configs need all three to read back exactly.
 */
public final class YamlWriter {

    private static final int INDENT = 2;
    // readers refuse implicit keys past 1024 characters; longer keys go out in the explicit "? key" form
    private static final int MAX_IMPLICIT_KEY = 128;

    private final StringBuilder out = new StringBuilder();

    private YamlWriter() {
    }

    public static String write(Map<String, ?> document) {
        YamlWriter writer = new YamlWriter();
        writer.mapping(document, 0);
        return writer.out.toString();
    }

    private void mapping(Map<?, ?> entries, int indent) {
        entries.forEach((key, value) -> {
            String name = ScalarQuoting.render((String) key);
            out.repeat(' ', indent);
            if (name.length() > MAX_IMPLICIT_KEY) {
                out.append("? ").append(name).append('\n').repeat(' ', indent);
            } else {
                out.append(name);
            }
            out.append(':');
            value(value, indent);
        });
    }

    /** Items that are mappings start on the dash's line: "- key: value". */
    private void sequence(List<?> items, int indent) {
        for (Object item : items) {
            if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                int start = out.length();
                mapping(map, indent + INDENT);
                out.replace(start + indent, start + indent + 1, "-");
            } else {
                out.repeat(' ', indent).append('-');
                value(item, indent);
            }
        }
    }

    /** What follows "key:" or "-" of a collection indented by {@code indent}. */
    private void value(Object value, int indent) {
        switch (value) {
            case null -> out.append(" null\n");
            case String text -> out.append(' ').append(ScalarQuoting.render(text)).append('\n');
            case Integer number -> out.append(' ').append(number).append('\n');
            // Double.toString of a finite value is a YAML 1.2 float ("1.5", "1.0E10"); infinities have no such form
            case Double number when Double.isFinite(number) -> out.append(' ').append(number).append('\n');
            case BlockScalar block when BlockScalar.canHold(block.text()) -> literal(block.text(), indent);
            case BlockScalar block -> out.append(' ').append(ScalarQuoting.quoted(block.text())).append('\n');
            case Map<?, ?> map when map.isEmpty() -> out.append(" {}\n");
            case Map<?, ?> map -> {
                out.append('\n');
                mapping(map, indent + INDENT);
            }
            case List<?> list when list.isEmpty() -> out.append(" []\n");
            case List<?> list -> {
                out.append('\n');
                sequence(list, indent + INDENT);
            }
            default -> throw new IllegalArgumentException("YAML has no form for " + value.getClass());
        }
    }

    private void literal(String text, int indent) {
        out.append(" |");
        if (text.startsWith(" ") || text.startsWith("\n")) {
            out.append(INDENT); // auto-detection would take the first line's own spaces for indentation
        }
        if (!text.endsWith("\n")) {
            out.append('-');
        } else if (text.equals("\n") || text.endsWith("\n\n")) {
            out.append('+');
        }
        out.append('\n');
        if (text.isEmpty()) {
            return;
        }
        String lines = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        for (String line : lines.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.repeat(' ', indent + INDENT).append(line);
            }
            out.append('\n');
        }
    }
}
