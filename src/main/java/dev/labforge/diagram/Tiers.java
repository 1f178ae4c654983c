package dev.labforge.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which way each wire points for the layered layout, which draws every wire going down: so which box sits
 * above which. People draw networks with the core on top: spines above leaves, leaves above hosts. Where
 * nodes carry containerlab's {@code graph-level}, lower levels go higher, and nodes without one go a tier
 * below their nearest levelled neighbour. Otherwise a connected part is built up from its edge (see
 * {@link #fromTheEdge}): a five-stage fabric comes out as super-spines, spines, leaves, hosts; a ring or a
 * mesh, which has no edge, hangs from one node in its centre.
 */
final class Tiers {

    private final int[] tier;

    private Tiers(int[] tier) {
        this.tier = tier;
    }

    static Tiers of(List<Card> cards, List<Wire> wires) {
        int n = cards.size();
        List<List<Integer>> neighbours = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            neighbours.add(new ArrayList<>());
        }
        for (Wire wire : wires) {
            if (wire.from() != wire.to()) {
                neighbours.get(wire.from()).add(wire.to());
                neighbours.get(wire.to()).add(wire.from());
            }
        }
        int[] tier = new int[n];
        Arrays.fill(tier, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        boolean levelled = cards.stream().anyMatch(c -> c.level() != null);
        if (levelled) {
            int lowest = cards.stream().filter(c -> c.level() != null).mapToInt(Card::level).min().orElse(0);
            for (int i = 0; i < n; i++) {
                if (cards.get(i).level() != null) {
                    // levels may be any integers; tiers count from zero
                    tier[i] = (int) Math.min(Integer.MAX_VALUE / 2, (long) cards.get(i).level() - lowest);
                    queue.add(i);
                }
            }
            spread(queue, tier, neighbours);
        }
        for (int i = 0; i < n; i++) {
            if (tier[i] < 0 && cards.get(i).kind() != Kind.MISSING) {
                List<Integer> part = reach(i, cards, neighbours, tier);
                if (!fromTheEdge(part, cards, neighbours, tier)) {
                    fromTheCentre(part, cards, neighbours, tier, queue);
                    spread(queue, tier, neighbours);
                }
            }
        }
        // what is left: boxes of missing nodes, each a tier under the node whose link names it
        for (int i = 0; i < n; i++) {
            if (tier[i] < 0) {
                int owner = neighbours.get(i).stream().filter(m -> tier[m] >= 0).findFirst().orElse(-1);
                tier[i] = owner < 0 ? 0 : tier[owner] + 1;
            }
        }
        return new Tiers(tier);
    }

    /** Whether the wire runs down from its first end; within a tier, from the box that came first. */
    boolean downwards(Wire wire) {
        int a = tier[wire.from()];
        int b = tier[wire.to()];
        return a != b ? a < b : wire.from() <= wire.to();
    }

    int of(int card) {
        return tier[card];
    }

    /**
     * A fabric is drawn from the edge up: hosts at the bottom (or, with no hosts, the least linked devices),
     * then each box a tier higher than its nearest way down, so that the top holds what is furthest from the
     * edge: super-spines over spines over leaves, however many stages. False when there is no edge to start
     * from, because every device in the part is linked alike (a ring, a full mesh).
     */
    private static boolean fromTheEdge(List<Integer> part, List<Card> cards, List<List<Integer>> neighbours,
                                       int[] tier) {
        boolean hosts = part.stream().anyMatch(i -> cards.get(i).kind() == Kind.HOST);
        boolean devices = part.stream().anyMatch(i -> cards.get(i).kind() != Kind.HOST);
        List<Integer> edge;
        if (hosts && devices) {
            edge = part.stream().filter(i -> cards.get(i).kind() == Kind.HOST).toList();
        } else {
            int[] degree = new int[cards.size()];
            part.forEach(i -> degree[i] = (int) neighbours.get(i).stream()
                    .filter(m -> cards.get(m).kind() != Kind.MISSING).count());
            int least = part.stream().mapToInt(i -> degree[i]).min().orElse(0);
            int most = part.stream().mapToInt(i -> degree[i]).max().orElse(0);
            if (least == most) {
                return false;
            }
            edge = part.stream().filter(i -> degree[i] == least).toList();
        }
        int[] distance = new int[cards.size()];
        Arrays.fill(distance, -1);
        ArrayDeque<Integer> walk = new ArrayDeque<>(edge);
        edge.forEach(i -> distance[i] = 0);
        int furthest = 0;
        while (!walk.isEmpty()) {
            int node = walk.poll();
            furthest = Math.max(furthest, distance[node]);
            for (int next : neighbours.get(node)) {
                if (distance[next] < 0 && cards.get(next).kind() != Kind.MISSING) {
                    distance[next] = distance[node] + 1;
                    walk.add(next);
                }
            }
        }
        for (int i : part) {
            tier[i] = furthest - distance[i];
        }
        return true;
    }

    /**
     * Starts a part without an edge from its centre: the devices with the smallest
     * eccentricity (the most linked of them), which is the top of a fabric however many stages it has. The
     * first of them starts; others that share at least half its neighbours and no link with the chosen ones
     * (the other spines) join it.
     */
    private static void fromTheCentre(List<Integer> part, List<Card> cards, List<List<Integer>> neighbours,
                                      int[] tier, ArrayDeque<Integer> queue) {
        boolean devices = part.stream().anyMatch(i -> isDevice(cards.get(i)));
        int[] distance = new int[cards.size()];
        int best = Integer.MAX_VALUE;
        int bestDegree = -1;
        List<Integer> candidates = new ArrayList<>();
        for (int node : part) {
            if (devices && !isDevice(cards.get(node))) {
                continue;
            }
            int eccentricity = 0;
            for (int other : distances(node, neighbours, distance)) {
                eccentricity = Math.max(eccentricity, distance[other]);
            }
            int degree = (int) neighbours.get(node).stream().filter(m -> isDevice(cards.get(m))).count();
            if (eccentricity < best || (eccentricity == best && degree > bestDegree)) {
                best = eccentricity;
                bestDegree = degree;
                candidates.clear();
            }
            if (eccentricity == best && degree == bestDegree) {
                candidates.add(node);
            }
        }
        int first = candidates.get(0);
        List<Integer> chosen = new ArrayList<>(List.of(first));
        for (int node : candidates.subList(1, candidates.size())) {
            long shared = neighbours.get(node).stream().distinct().filter(neighbours.get(first)::contains).count();
            boolean alike = 2 * shared >= Math.max(neighbours.get(node).size(), neighbours.get(first).size());
            if (alike && chosen.stream().noneMatch(neighbours.get(node)::contains)) {
                chosen.add(node);
            }
        }
        for (int node : chosen) {
            tier[node] = 0;
            queue.add(node);
        }
    }

    /** The nodes linked to {@code start}, itself included, in order, without missing ones or tiered ones. */
    private static List<Integer> reach(int start, List<Card> cards, List<List<Integer>> neighbours, int[] tier) {
        boolean[] seen = new boolean[cards.size()];
        seen[start] = true;
        ArrayDeque<Integer> walk = new ArrayDeque<>(List.of(start));
        List<Integer> part = new ArrayList<>();
        while (!walk.isEmpty()) {
            int node = walk.poll();
            part.add(node);
            for (int next : neighbours.get(node)) {
                if (!seen[next] && tier[next] < 0 && cards.get(next).kind() != Kind.MISSING) {
                    seen[next] = true;
                    walk.add(next);
                }
            }
        }
        part.sort(Integer::compare);
        return part;
    }

    /** Breadth first from {@code start}: the nodes it reaches, with their hop counts in {@code distance}. */
    private static List<Integer> distances(int start, List<List<Integer>> neighbours, int[] distance) {
        List<Integer> reached = new ArrayList<>();
        Arrays.fill(distance, -1);
        distance[start] = 0;
        ArrayDeque<Integer> walk = new ArrayDeque<>(List.of(start));
        while (!walk.isEmpty()) {
            int node = walk.poll();
            reached.add(node);
            for (int next : neighbours.get(node)) {
                if (distance[next] < 0) {
                    distance[next] = distance[node] + 1;
                    walk.add(next);
                }
            }
        }
        return reached;
    }

    private static boolean isDevice(Card card) {
        return card.kind() == Kind.ROUTER || card.kind() == Kind.SWITCH;
    }

    private static void spread(ArrayDeque<Integer> queue, int[] tier, List<List<Integer>> neighbours) {
        while (!queue.isEmpty()) {
            int node = queue.poll();
            for (int next : neighbours.get(node)) {
                if (tier[next] < 0) {
                    tier[next] = tier[node] + 1;
                    queue.add(next);
                }
            }
        }
    }
}
