package dev.labforge.cluster.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How many labs and nodes are in each state, and what the nodes that should run hold: read with one grouped query and
 * kept for {@link #FRESH_FOR}. Prometheus reads every gauge of a scrape one after the other, and each replica is
 * scraped (every 15 to 60 s, by one Prometheus or two): a query per gauge per scrape would be some thirty per scrape,
 * this is one.
 */
public final class RuntimeCounts {

    /** Shorter than any sensible scrape interval, long enough to serve a whole scrape's gauges from one read. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    /**
     * One reading.
     *
     * @param committedNodes nodes that should run in labs that should run, as quotas count them (RunningNodesMeter)
     */
    public record Snapshot(Map<LabState, Long> labs, Map<NodeState, Long> nodes, long committedNodes, long committedVcpus,
                    long committedMemoryMib) {

        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), 0, 0, 0);

        public long labs(LabState state) {
            return labs.getOrDefault(state, 0L);
        }

        public long nodes(NodeState state) {
            return nodes.getOrDefault(state, 0L);
        }
    }

    private final Supplier<Snapshot> read;
    private final Clock clock;
    private Snapshot last;
    private Instant readAt;

    public RuntimeCounts(Supplier<Snapshot> read, Clock clock) {
        this.read = read;
        this.clock = clock;
    }

    /** The last reading if it is fresh, else a new one. */
    public synchronized Snapshot now() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(readAt.plus(FRESH_FOR)) || now.isBefore(readAt)) {
            last = read.get();
            readAt = now;
        }
        return last;
    }

    /** Builds a snapshot from rows of (what, state, count, vcpus, memory); states this code does not know are left out. */
    public static final class Builder {
        private final Map<LabState, Long> labs = new EnumMap<>(LabState.class);
        private final Map<NodeState, Long> nodes = new EnumMap<>(NodeState.class);
        private long committedNodes;
        private long committedVcpus;
        private long committedMemoryMib;

        public void row(String what, String state, long count, long vcpus, long memoryMib) {
            switch (what) {
                case "lab" -> parse(LabState.class, state).ifPresent(s -> labs.merge(s, count, Long::sum));
                case "node" -> parse(NodeState.class, state).ifPresent(s -> nodes.merge(s, count, Long::sum));
                case "committed" -> {
                    committedNodes = count;
                    committedVcpus = vcpus;
                    committedMemoryMib = memoryMib;
                }
                default -> throw new IllegalArgumentException("unknown count " + what);
            }
        }

        public Snapshot build() {
            return new Snapshot(Map.copyOf(labs), Map.copyOf(nodes), committedNodes, committedVcpus,
                    committedMemoryMib);
        }

        private static <E extends Enum<E>> java.util.Optional<E> parse(Class<E> type, String name) {
            try {
                return java.util.Optional.of(Enum.valueOf(type, name));
            } catch (IllegalArgumentException e) {
                return java.util.Optional.empty();
            }
        }
    }
}
