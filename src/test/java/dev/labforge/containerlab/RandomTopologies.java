package dev.labforge.containerlab;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static dev.labforge.containerlab.RandomText.pick;

/**
 * Topologies for {@link ContainerlabFuzzTest}'s round trip: node names of the characters containerlab allows, labels
 * and startup configs of any text (one-line, empty, indented, with control characters or trailing newlines).
 */
final class RandomTopologies {

    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-._|";
    private static final String IFACE_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789/-:";
    private static final Set<String> RESERVED_NODES = Set.of("host", "mgmt-net", "macvlan");
    private static final String SPECIAL_CHARS = "\t\r\u0085\u00A0\u2028\uFEFFé✓#:|>-'\"\\";
    private static final List<Double> EDGE_COORDINATES = List.of(0.0, -0.0, 1e20, -3.0E-7, Double.MIN_VALUE,
            Double.MAX_VALUE, 123456789.123);

    private RandomTopologies() {
    }

    static Topology topology(Random random, List<String> images) {
        Set<String> names = new LinkedHashSet<>();
        int wanted = random.nextInt(7);
        while (names.size() < wanted) {
            String name = text(random, NAME_CHARS, 1, 10);
            if (Character.isLetterOrDigit(name.charAt(0)) && !RESERVED_NODES.contains(name)) {
                names.add(name);
            }
        }
        List<Node> nodes = names.stream().map(name -> node(random, name, images)).toList();
        List<Link> links = new ArrayList<>();
        int linkCount = names.isEmpty() ? 0 : random.nextInt(6);
        for (int i = 0; i < linkCount; i++) {
            links.add(new Link(endpoint(random, names), endpoint(random, names),
                    random.nextInt(10) < 6 ? null : 1 + random.nextInt(65535)));
        }
        return new Topology(nodes, links, segments(random, names));
    }

    /** Shared segments (exported as bridge nodes), named apart from the nodes, with members on the nodes. */
    private static List<Segment> segments(Random random, Set<String> nodes) {
        List<Segment> segments = new ArrayList<>();
        Set<String> taken = new LinkedHashSet<>(nodes);
        int count = nodes.isEmpty() ? 0 : random.nextInt(3);
        while (segments.size() < count) {
            String name = text(random, NAME_CHARS, 1, 10);
            if (!Character.isLetterOrDigit(name.charAt(0)) || RESERVED_NODES.contains(name) || !taken.add(name)) {
                continue;
            }
            List<Endpoint> members = new ArrayList<>();
            int size = random.nextInt(5);
            for (int i = 0; i < size; i++) {
                members.add(endpoint(random, nodes));
            }
            // an MTU travels on the members' links, so a segment without members has none to keep
            Integer mtu = members.isEmpty() || random.nextBoolean() ? null : 576 + random.nextInt(9000);
            segments.add(new Segment(name, members, mtu));
        }
        return segments;
    }

    private static Node node(Random random, String name, List<String> images) {
        Map<String, String> labels = new HashMap<>();
        int labelCount = random.nextInt(4);
        for (int i = 0; i < labelCount; i++) {
            String key = labelText(random);
            if (!key.startsWith("graph-pos")) {
                labels.put(key, labelText(random));
            }
        }
        Position position = random.nextBoolean() ? null : new Position(coordinate(random), coordinate(random));
        return new Node(name, pick(random, images), random.nextBoolean() ? null : 1 + random.nextInt(64),
                random.nextBoolean() ? null : 1 + random.nextInt(262144), startupConfig(random), labels, position);
    }

    /** One line about as often as several; a third of the configs end in newlines, a few start with spaces. */
    static String startupConfig(Random random) {
        if (random.nextInt(4) == 0) {
            return null;
        }
        StringBuilder config = new StringBuilder();
        if (random.nextInt(6) == 0) {
            config.append(" ".repeat(1 + random.nextInt(3)));
        }
        int lines = random.nextInt(10) == 0 ? 0 : random.nextBoolean() ? 1 : 2 + random.nextInt(4);
        for (int i = 0; i < lines; i++) {
            config.append(i == 0 ? "" : random.nextInt(8) == 0 ? "\r\n" : "\n").append(configLine(random));
        }
        if (random.nextInt(3) == 0) {
            config.append("\n".repeat(1 + random.nextInt(3)));
        }
        return config.toString();
    }

    private static String configLine(Random random) {
        int length = random.nextInt(31);
        StringBuilder line = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(20);
            if (kind < 14) {
                line.append((char) (' ' + random.nextInt(95)));
            } else if (kind < 16) {
                line.append(' ');
            } else if (kind < 17) {
                line.append(SPECIAL_CHARS.charAt(random.nextInt(SPECIAL_CHARS.length())));
            } else if (kind < 18) {
                // control characters but NUL: a lab cannot hold one (PostgreSQL refuses it), so the import refuses it
                line.append((char) (1 + random.nextInt(0x1F)));
            } else if (kind < 19) {
                line.appendCodePoint(0x1F600 + random.nextInt(80));
            } else {
                char c = (char) (0xA0 + random.nextInt(0xFFFE - 0xA0));
                line.append(Character.isSurrogate(c) ? '?' : c);
            }
        }
        return line.toString();
    }

    private static String labelText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(20);
            text.append(kind == 0 ? 'é' : kind == 1 ? '\n' : kind == 2 ? '✓' : (char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    private static double coordinate(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> pick(random, EDGE_COORDINATES);
            case 1 -> random.nextInt(2001) - 1000;
            case 2 -> Math.round((random.nextDouble() - 0.5) * 2e6) / 100.0;
            default -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
        };
    }

    private static Endpoint endpoint(Random random, Set<String> names) {
        return new Endpoint(pick(random, List.copyOf(names)), text(random, IFACE_CHARS, 1, 8));
    }

    private static String text(Random random, String chars, int min, int max) {
        StringBuilder out = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        for (int i = 0; i < length; i++) {
            out.append(chars.charAt(random.nextInt(chars.length())));
        }
        return out.toString();
    }
}
