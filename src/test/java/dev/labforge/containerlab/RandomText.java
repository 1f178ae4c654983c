package dev.labforge.containerlab;

import java.util.List;
import java.util.Random;

/** Importer inputs for {@link ContainerlabFuzzTest}: random text, YAML-like noise and damaged real files. */
final class RandomText {

    static final List<String> SNIPPETS = List.of(": ", "- ", "\n", "  ", "[", "]", "{", "}", ",", "&a ",
            "*a", "<<: ", "<<: *a", "~", "!!int ", "!!str ", "!foo ", "|", "|-\n", ">", "'", "\"", "#", "\t",
            "---\n", "...\n", "? ", "1.5", "-0", ".inf", "null", "true", "0x1F", "1e400", "\\", "\u0000", "\uFEFF",
            "%YAML 1.1\n", "endpoints: [", "type: veth\n", "host:", "cpu: ", "memory: 1Gb", "labels: {graph-posX: 1}",
            "\r\n", "startup-config: |\n", "startup-config: >-\n  x\n", "|2+\n", "  startup-config: \"a\\u0007\"\n");

    private RandomText() {
    }

    /** Up to 400 characters, mostly ASCII, with control characters, indicators and any UTF-16 unit mixed in. */
    static String arbitrary(Random random) {
        int length = random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(401);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            if (pick < 5) {
                out.append((char) (' ' + random.nextInt(95)));
            } else if (pick < 7) {
                out.append(":-#&*!|>'\"%@`[]{},?~\n ".charAt(random.nextInt(22)));
            } else if (pick < 8) {
                out.append((char) random.nextInt(0x20));
            } else {
                out.append((char) random.nextInt(0x10000)); // lone surrogates included
            }
        }
        return out.toString();
    }

    /** Up to 40 snippets where a node's body belongs. */
    static String yamlNoise(Random random) {
        StringBuilder noise = new StringBuilder("name: x\ntopology:\n  nodes:\n    r1: ");
        int parts = random.nextInt(41);
        for (int i = 0; i < parts; i++) {
            noise.append(pick(random, SNIPPETS));
        }
        return noise.toString();
    }

    /** A real file with one to four edits: snippets inserted, text cut, text repeated, indentation shifted. */
    static String mutatedFixture(Random random) {
        String text = Fixtures.text(pick(random, Fixtures.NAMES));
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            text = mutate(text, random);
        }
        return text;
    }

    static String mutate(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        int end = Math.min(text.length(), at + random.nextInt(text.length() / 5 + 1));
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at) + pick(random, SNIPPETS) + text.substring(at);
            case 1 -> text.substring(0, at) + text.substring(end);
            case 2 -> text.substring(0, at) + text.substring(at, end) + text.substring(at);
            default -> {
                int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
                yield random.nextBoolean() ? text.substring(0, lineStart) + " " + text.substring(lineStart)
                        : text.substring(0, lineStart) + text.substring(Math.min(text.length(), lineStart + 1));
            }
        };
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
