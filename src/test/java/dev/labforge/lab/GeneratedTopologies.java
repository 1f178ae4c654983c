package dev.labforge.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lab documents for property tests: valid ones built from the test catalog, and mutations of them
 * that break a rule, a type or the syntax.
 */
final class GeneratedTopologies {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private GeneratedTopologies() {
    }

    /** Valid labs of frr routers (eth1..eth16) with links on free ports, one per seed. */
    static Stream<ObjectNode> validLabs(long firstSeed, int count) {
        return LongStream.range(firstSeed, firstSeed + count).mapToObj(seed -> {
            Random random = new Random(seed);
            return lab(1 + random.nextInt(12), random.nextInt(21), random);
        });
    }

    static ObjectNode lab(int nodeCount, int linkCount, Random random) {
        ObjectNode lab = F.objectNode();
        lab.put("name", "gen-" + Long.toHexString(random.nextLong() & 0xffffffffL));
        ArrayNode nodes = lab.putArray("nodes");
        for (int i = 0; i < nodeCount; i++) {
            ObjectNode node = nodes.addObject().put("name", "r" + (i + 1)).put("image", "frr");
            if (random.nextBoolean()) {
                node.put("cpu", 1 + random.nextInt(4));
            }
            if (random.nextBoolean()) {
                node.put("startupConfig", "hostname r" + (i + 1) + "\n");
            }
        }
        int[] nextPort = new int[nodeCount];
        ArrayNode links = lab.putArray("links");
        for (int l = 0; l < linkCount; l++) {
            int a = random.nextInt(nodeCount);
            int b = random.nextInt(nodeCount);
            if (nextPort[a] >= 15 || nextPort[b] >= 15 || a == b) {
                continue;
            }
            ArrayNode ends = links.addObject().putArray("endpoints");
            ends.add("r" + (a + 1) + ":eth" + (++nextPort[a]));
            ends.add("r" + (b + 1) + ":eth" + (++nextPort[b]));
        }
        return lab;
    }

    /** Valid labs, each with one mutation that is likely (not certain) to make it invalid. */
    static Stream<String> mutatedLabs(long firstSeed, int count) {
        return LongStream.range(firstSeed, firstSeed + count).mapToObj(seed -> {
            Random random = new Random(seed);
            ObjectNode lab = lab(1 + random.nextInt(12), random.nextInt(21), random);
            return mutate(lab, random.nextInt(MUTATIONS), random);
        });
    }

    static final int MUTATIONS = 16;

    static String mutate(ObjectNode lab, int mutation, Random random) {
        ArrayNode nodes = (ArrayNode) lab.get("nodes");
        ArrayNode links = (ArrayNode) lab.get("links");
        ObjectNode node = (ObjectNode) nodes.get(random.nextInt(nodes.size()));
        switch (mutation) {
            case 0 -> node.put("name", pick(random, "R1", "-x", "", "a_b", "x".repeat(64), "r1.r2"));
            case 1 -> node.put("image", pick(random, "nope", "", "FRR"));
            case 2 -> node.put("cpu", pick(random, 0, -1, 99, Integer.MAX_VALUE));
            case 3 -> node.put("cpu", pick(random, "two", "1.5x"));
            case 4 -> node.put("memoryMib", 1L << 40);
            case 5 -> node.set("labels", F.arrayNode().add(1));
            case 6 -> node.put("unexpected", true);
            case 7 -> nodes.add(nodes.get(0).deepCopy());
            case 8 -> links.addObject().putArray("endpoints").add("r1:eth1").add(pick(random, "r1:eth1", "zz:eth1",
                    "r1", "r1:eth99", "r1:eth0", ":"));
            case 9 -> links.addObject().putArray("endpoints").add("r1:eth16");
            case 10 -> links.addObject().put("endpoints", "r1:eth16,r2:eth16");
            case 11 -> links.addObject().put("mtu", 17).putArray("endpoints").add("r1:eth16").add("r1:eth15");
            case 12 -> nodes.add(F.nullNode());
            case 13 -> lab.put("name", pick(random, "", " ", "has space", "ü", "x".repeat(80)));
            case 14 -> {
                String text = lab.toString();
                return text.substring(0, random.nextInt(text.length()));
            }
            default -> {
                char[] text = lab.toString().toCharArray();
                text[random.nextInt(text.length)] = pick(random, '{', '"', ',', ']', '\\', 'x', ':');
                return new String(text);
            }
        }
        return lab.toString();
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    static List<String> pointers(JsonNode problem) {
        List<String> out = new ArrayList<>();
        JsonNode errors = problem.get("errors");
        if (errors != null) {
            errors.forEach(e -> out.add(e.has("pointer") ? e.get("pointer").asString() : null));
        }
        return out;
    }
}
