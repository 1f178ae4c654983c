package dev.labforge.containerlab.yaml;

import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the exporter writes a string outside block scalars: plain only when every YAML reader takes it back as the
 * same string, double-quoted otherwise. Plain must not start with an indicator or hold a comment or key separator,
 * and must not read as a number, boolean or null, neither by the YAML 1.2 core schema nor by the YAML 1.1 forms
 * containerlab's Go reader still knows ("yes", "0b101", "1_000", ".inf"): a negative number is not a valid label.
 */
final class ScalarQuoting {

    private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();
    private static final Pattern YAML11_NUMBER = Pattern.compile("[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+"
            + "|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9_]+([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF))"
            + "|\\.(nan|NaN|NAN)");
    private static final Set<String> YAML11_WORDS = Set.of("y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF");
    // '<' for the merge key "<<", '=' for YAML 1.1's value key, '~' for null
    private static final String LEADING_INDICATORS = "-?:,[]{}#&*!|>'\"%@`<=~";
    private static final String FLOW_INDICATORS = ",[]{}";

    private ScalarQuoting() {
    }

    static String render(String text) {
        return isPlain(text) ? text : quoted(text);
    }

    static boolean isPlain(String text) {
        if (text.isEmpty() || LEADING_INDICATORS.indexOf(text.charAt(0)) >= 0 || text.startsWith(" ")
                || text.endsWith(" ") || text.endsWith(":") || text.contains(": ") || text.contains(" #")
                || readsAsNonString(text)) {
            return false;
        }
        return text.codePoints().allMatch(c -> c != '\t' && FLOW_INDICATORS.indexOf(c) < 0 && writesAsIs(c));
    }

    static boolean readsAsNonString(String text) {
        return !Tag.STR.equals(CORE.resolve(text, true)) || YAML11_NUMBER.matcher(text).matches()
                || YAML11_WORDS.contains(text);
    }

    /**
     * Characters YAML lets a scalar hold as they are. Line breaks are left out, and so are the characters YAML 1.1
     * readers take for line breaks (U+0085, U+2028, U+2029) and the byte order mark, which a reader may drop.
     */
    static boolean writesAsIs(int c) {
        return c == '\t' || c >= 0x20 && c <= 0x7E || c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029
                || c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** A double-quoted scalar on one line: line breaks and every character not written as is are escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (writesAsIs(c)) {
                        out.appendCodePoint(c);
                    } else if (c <= 0xFF) {
                        out.append("\\x%02X".formatted(c));
                    } else if (c <= 0xFFFF) {
                        out.append("\\u%04X".formatted(c)); // lone surrogates too
                    } else {
                        out.append("\\U%08X".formatted(c));
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
