package dev.labforge.cluster.reconcile;

import dev.labforge.ApiClient;
import dev.labforge.cluster.plan.LabPlanner;
import dev.labforge.cluster.simulated.VirtControllerSimulator;
import dev.labforge.cluster.status.NodeState;
import dev.labforge.cluster.status.NodeStatusMapping;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Time from the simulator writing a VM status to the node state it means showing over REST, for every lab as the
 * event log dates it ({@link #recorded}), and polled for a sample of the labs. The simulator tells
 * when it wrote (right after the API accepted the write); a sampled lab with a state not yet seen is polled with
 * {@code GET /api/v1/labs/{id}} until it shows that state or a later one (a node may pass STARTING on its way to
 * READY between two polls). Polls follow each other at an eighth of the time the oldest unseen state has waited,
 * between {@link #MIN_REPOLL} and {@link #MAX_REPOLL}: a latency is counted to the end of the answer that showed
 * it, so it is an upper bound, at most an eighth (or 20 ms) above the truth, and the polling stays a small load
 * when the service falls behind. The same polls see each lab turn RUNNING.
 */
final class StatusLatency implements VirtControllerSimulator.VmStatusListener, AutoCloseable {

    /** The states a starting node passes, in order: seeing a later one means an earlier one was reached. */
    private static final List<NodeState> PROGRESS = List.of(NodeState.PENDING, NodeState.STARTING,
            NodeState.BOOTING, NodeState.READY);
    /** The state a NodeStateChanged event's message names last: "STARTING -> READY". */
    private static final Pattern NEW_STATE = Pattern.compile("-> (\\w+)");
    static final Duration MIN_REPOLL = Duration.ofMillis(20);
    static final Duration MAX_REPOLL = Duration.ofMillis(250);

    record Sample(NodeState state, long nanos) {
    }

    private record Pending(String node, NodeState state, long writtenNanos) {
    }

    /** @param after when the simulator wrote the node's previous state: events before it are about earlier states */
    private record Written(UUID lab, String node, NodeState state, Instant at, Instant after) {
    }

    private final class Lab {
        final UUID id;
        final List<Pending> pending = new ArrayList<>();
        final Map<String, NodeState> written = new HashMap<>();
        final Map<String, Instant> writtenAt = new HashMap<>();
        final boolean polled;
        long runningSeen;
        boolean queued;

        Lab(UUID id, boolean polled) {
            this.id = id;
            this.polled = polled;
        }

        boolean allReadyWritten() {
            return written.size() == nodesPerLab && written.values().stream().allMatch(NodeState.READY::equals);
        }
    }

    private record Due(Lab lab, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Due) other).dueNanos);
        }
    }

    private final ApiClient api;
    private final Map<String, Lab> byNamespace = new HashMap<>();
    private final int nodesPerLab;
    private final DelayQueue<Due> due = new DelayQueue<>();
    private final Queue<Sample> samples = new ConcurrentLinkedQueue<>();
    /** Every state the simulator wrote, with the wall clock, for {@link #recorded}. */
    private final Queue<Written> writes = new ConcurrentLinkedQueue<>();
    /** How late each poll started after it was due: when the pollers fall behind, polled latencies grow. */
    private final Queue<Long> pollLateness = new ConcurrentLinkedQueue<>();
    private final LongAdder polls = new LongAdder();
    private final LongAdder pollErrors = new LongAdder();
    private final List<Thread> pollers = new ArrayList<>();
    /** Each lab's event log, read once after the storm. */
    private final Map<UUID, List<JsonNode>> logs = new HashMap<>();
    private volatile boolean open = true;

    /** @param pollEvery every how many labs one is polled (1: all of them) */
    StatusLatency(ApiClient api, List<UUID> labs, int nodesPerLab, int pollerCount, int pollEvery) {
        this.api = api;
        this.nodesPerLab = nodesPerLab;
        for (int i = 0; i < labs.size(); i++) {
            byNamespace.put(LabPlanner.namespaceOf(labs.get(i)), new Lab(labs.get(i), i % pollEvery == 0));
        }
        for (int i = 0; i < pollerCount; i++) {
            pollers.add(Thread.ofVirtual().name("status-poller-" + i).start(this::poll));
        }
    }

    @Override
    public void written(String namespace, String name, Map<String, Object> status) {
        Lab lab = byNamespace.get(namespace);
        if (lab == null || !open) {
            return;
        }
        NodeState state = NodeStatusMapping.map(status, true, true).state();
        long now = System.nanoTime();
        Instant wall = Instant.now();
        synchronized (lab) {
            if (lab.written.put(name, state) != state) {
                writes.add(new Written(lab.id, name, state, wall, lab.writtenAt.getOrDefault(name,
                        Instant.EPOCH)));
                lab.writtenAt.put(name, wall);
                if (lab.polled) {
                    lab.pending.add(new Pending(name, state, now));
                    schedule(lab, now);
                }
            }
        }
    }

    private void schedule(Lab lab, long atNanos) {
        if (!lab.queued) {
            lab.queued = true;
            due.add(new Due(lab, atNanos));
        }
    }

    private void poll() {
        while (open) {
            Due next;
            try {
                next = due.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (next != null) {
                pollLateness.add(Math.max(0, System.nanoTime() - next.dueNanos()));
                look(next.lab());
            }
        }
    }

    private void look(Lab lab) {
        synchronized (lab) {
            lab.queued = false;
        }
        JsonNode status;
        try {
            status = api.get("/api/v1/labs/" + lab.id).json().get("status");
        } catch (RuntimeException e) {
            pollErrors.increment();
            status = null;
        }
        long seen = System.nanoTime();
        polls.increment();
        Map<String, NodeState> visible = new HashMap<>();
        if (status != null && status.get("nodes") != null) {
            status.get("nodes").forEach(n -> visible.put(n.get("name").asString(),
                    NodeState.valueOf(n.get("state").asString())));
        }
        boolean running = status != null && "RUNNING".equals(status.get("state").asString());
        synchronized (lab) {
            for (Iterator<Pending> it = lab.pending.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                if (reached(visible.get(p.node()), p.state())) {
                    samples.add(new Sample(p.state(), seen - p.writtenNanos()));
                    it.remove();
                }
            }
            if (running && lab.runningSeen == 0) {
                lab.runningSeen = seen;
            }
            if (!lab.pending.isEmpty() || (lab.allReadyWritten() && lab.runningSeen == 0)) {
                long oldest = lab.pending.stream().mapToLong(Pending::writtenNanos).min().orElse(seen);
                schedule(lab, seen + Math.clamp((seen - oldest) / 8, MIN_REPOLL.toNanos(), MAX_REPOLL.toNanos()));
            }
        }
    }

    private static boolean reached(NodeState visible, NodeState written) {
        if (visible == null) {
            return false;
        }
        return visible == written
                || (PROGRESS.contains(written) && PROGRESS.indexOf(visible) >= PROGRESS.indexOf(written));
    }

    /** Polled labs seen RUNNING so far. */
    long running() {
        return byNamespace.values().stream().filter(lab -> lab.polled).filter(lab -> {
            synchronized (lab) {
                return lab.runningSeen != 0;
            }
        }).count();
    }

    /** When the last polled lab was first seen RUNNING (System.nanoTime), or 0 while some polled lab was not. */
    long lastRunningSeen() {
        long last = 0;
        for (Lab lab : byNamespace.values()) {
            if (!lab.polled) {
                continue;
            }
            synchronized (lab) {
                if (lab.runningSeen == 0) {
                    return 0;
                }
                last = Math.max(last, lab.runningSeen);
            }
        }
        return last;
    }

    long unresolved() {
        return byNamespace.values().stream().mapToLong(lab -> {
            synchronized (lab) {
                return lab.pending.size();
            }
        }).sum();
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** How many node states the simulator wrote for the labs watched. */
    long writtenCount() {
        return writes.size();
    }

    List<Long> pollLateness() {
        return List.copyOf(pollLateness);
    }

    /**
     * The same latencies without polling: from each state the simulator wrote to the commit of the node state it
     * means, as the lab's event log served over REST ({@code GET /api/v1/labs/{id}/events}) dates it. The event is
     * written in the transaction that records the state, so from that moment every read shows it. One request per
     * lab, after the storm. A state counts as shown by the first event that reached it or a later one.
     */
    List<Sample> recorded() {
        List<Sample> out = new ArrayList<>();
        for (Written w : writes) {
            for (JsonNode event : log(w.lab())) {
                if (!"NodeStateChanged".equals(event.get("kind").asString())
                        || !w.node().equals(event.get("node").asString())) {
                    continue;
                }
                Instant at = Instant.parse(event.get("at").asString());
                Matcher to = NEW_STATE.matcher(event.get("message").asString());
                if (!at.isBefore(w.after()) && to.find() && reached(NodeState.valueOf(to.group(1)), w.state())) {
                    // the reconciler may record a state before the simulator's callback reads the clock: 0 then
                    out.add(new Sample(w.state(), Math.max(0, Duration.between(w.at(), at).toNanos())));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * When the last lab turned RUNNING, as its event log dates the commit of that state (from then on every read of
     * the lab shows it): the latest RUNNING of each lab, the latest of all labs; null if a lab never turned RUNNING.
     */
    Instant lastRunningRecorded() {
        Instant last = Instant.MIN;
        for (Lab lab : byNamespace.values()) {
            Instant running = null;
            for (JsonNode event : log(lab.id)) {
                Matcher to = NEW_STATE.matcher(event.get("message").asString());
                if ("LabStateChanged".equals(event.get("kind").asString()) && to.find()
                        && "RUNNING".equals(to.group(1))) {
                    Instant at = Instant.parse(event.get("at").asString());
                    running = running == null || at.isAfter(running) ? at : running;
                }
            }
            if (running == null) {
                return null;
            }
            last = running.isAfter(last) ? running : last;
        }
        return last;
    }

    private synchronized List<JsonNode> log(UUID lab) {
        return logs.computeIfAbsent(lab, id -> {
            List<JsonNode> list = new ArrayList<>();
            api.get("/api/v1/labs/" + id + "/events").json().get("items").forEach(list::add);
            return list;
        });
    }

    long polls() {
        return polls.sum();
    }

    long pollErrors() {
        return pollErrors.sum();
    }

    @Override
    public void close() {
        open = false;
        for (Thread poller : pollers) {
            try {
                if (!poller.join(Duration.ofSeconds(10))) {
                    poller.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
