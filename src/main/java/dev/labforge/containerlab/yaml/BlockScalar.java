package dev.labforge.containerlab.yaml;

/**
 * Text the exporter writes as a literal block scalar ({@code |}), the form of startup configs: it keeps the text
 * readable and, with its chomping indicator, exact to the last trailing newline. {@link YamlWriter} falls back to a
 * double-quoted scalar for text a block cannot carry.
 */
public record BlockScalar(String text) {

    /**
     * Whether a literal block reproduces the text. It cannot hold carriage returns (a reader turns CR LF into LF)
     * nor characters YAML only writes escaped.
     */
    public static boolean canHold(String text) {
        return text.codePoints().allMatch(c -> c == '\n' || ScalarQuoting.writesAsIs(c));
    }
}
