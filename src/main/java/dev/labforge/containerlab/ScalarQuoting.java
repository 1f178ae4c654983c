package dev.labforge.containerlab;

import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

import java.util.regex.Pattern;

/**
 * Which strings the exporter must quote: besides Jackson's defaults (reserved words, indicator characters), every
 * string some YAML reader would take for a number, boolean or null. Jackson misses forms such as "-1.5E7", "1_000"
 * or ".inf"; written plain, containerlab's Go reader and the schema validator would read them as numbers, and a
 * negative number is not a valid containerlab label.
 */
final class ScalarQuoting extends StringQuotingChecker.Default {

    private static final ScalarResolver CORE = new CoreSchema().getScalarResolver();
    // YAML 1.1 adds these to the core schema's numbers; Go's yaml package still reads some of them
    private static final Pattern YAML11_NUMBER = Pattern.compile("[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+"
            + "|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|\\.[0-9_]+([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF))"
            + "|\\.(nan|NaN|NAN)");

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || readsAsNonString(value);
    }

    @Override
    public boolean needToQuoteName(String name) {
        return super.needToQuoteName(name) || readsAsNonString(name);
    }

    static boolean readsAsNonString(String text) {
        return !Tag.STR.equals(CORE.resolve(text, true)) || YAML11_NUMBER.matcher(text).matches();
    }
}
