package dev.labforge.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the lab, valid or not, the diagram is well-formed XML with one element per node and link.
 * Each case is generated from its seed, so a failure names the seed that reproduces it.
 */
class TopologyDiagramPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anyTopologyGivesParseableSvg(long seed) throws Exception {
        Random random = new Random(seed);
        String labName = random.nextInt(10) == 0 ? null : text(random, 80);
        Topology lab = topology(random);

        String svg = TopologyDiagram.svg(labName, lab);

        ParsedSvg parsed = ParsedSvg.parse(svg);
        assertThat(parsed.nodes()).hasSize(lab.nodes().size());
        Set<String> names = Set.copyOf(lab.nodes().stream().map(Node::name).toList());
        long drawable = lab.links().stream()
                .filter(l -> names.contains(l.a().node()) || names.contains(l.b().node()))
                .count();
        assertThat(parsed.links()).hasSize((int) drawable);
        assertThat(TopologyDiagram.svg(labName, lab)).isEqualTo(svg);
    }

    /** Any text at all: control characters, lone surrogates, markup. */
    private static String text(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) (0xD800 + random.nextInt(0x800));
                case 2 -> "<&\"'>".charAt(random.nextInt(5));
                default -> (char) (0x20 + random.nextInt(0x3000));
            });
        }
        return out.toString();
    }

    private static String dnsLike(Random random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
        StringBuilder out = new StringBuilder();
        int length = 1 + random.nextInt(12);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static Topology topology(Random random) {
        Set<String> names = new LinkedHashSet<>();
        int count = random.nextInt(26);
        for (int i = 0; i < count; i++) {
            names.add(random.nextBoolean() ? dnsLike(random) : text(random, 20));
        }
        List<Node> nodes = new ArrayList<>();
        for (String name : names) {
            String image = random.nextInt(5) == 0 ? null : text(random, 30);
            nodes.add(new Node(name, image, null, null, null, Map.of(), position(random)));
        }
        List<String> nameList = List.copyOf(names);
        List<Link> links = new ArrayList<>();
        int linkCount = random.nextInt(51);
        for (int i = 0; i < linkCount; i++) {
            Integer mtu = random.nextInt(10) < 7 ? null : 500 + random.nextInt(9000);
            links.add(new Link(endpoint(random, nameList), endpoint(random, nameList), mtu));
        }
        return new Topology(nodes, links);
    }

    private static Endpoint endpoint(Random random, List<String> names) {
        String node = names.isEmpty() || random.nextInt(3) == 0
                ? text(random, 5) : names.get(random.nextInt(names.size()));
        return new Endpoint(node, text(random, 14));
    }

    private static Position position(Random random) {
        if (random.nextInt(10) < 6) {
            return null;
        }
        return new Position(coordinate(random), coordinate(random));
    }

    private static double coordinate(Random random) {
        double[] odd = {0.0, Double.NaN, Double.POSITIVE_INFINITY, -1e12, 1e-9};
        return random.nextBoolean() ? -2000 + 4000 * random.nextDouble() : odd[random.nextInt(odd.length)];
    }
}
