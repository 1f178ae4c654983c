package dev.labforge.cluster.status;

import dev.labforge.cluster.plan.DesiredRun;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records observed status: the one writer of a lab's node states and lab state while the lab is meant to exist (a
 * pass tearing a lab down records that itself). A VM whose status changed needs nothing from the reconciler but a new
 * node state: no render, no write to the cluster. So instead of a pass per lab (load the definition, plan, check every
 * object, then a transaction), two threads record the status of every lab whose VMs changed, or whose pass saw status
 * not yet recorded, from the informer cache, in one transaction per batch: a classroom's 3,000 VMs booting cost a few
 * hundred small transactions, and a status change shows within the batch's gathering time plus one commit.
 *
 * <p>Level-based like a pass: it reads the VMs as the cache has them when the batch runs, never the event that
 * queued the lab. It records for the nodes the lab's last pass planned ({@link PlannedNodes}) and the run wishes the
 * database holds; a lab no pass has planned since start gets a full pass instead, and a lab being torn down is left
 * to its pass. A batch holds its labs' {@link StatusLocks locks} from its read of the rows to its commit, so a
 * teardown pass's status is never overwritten by a batch that read the lab before it was to be destroyed.
 */
public final class StatusFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StatusFollower.class);
    /** A batch waits this long after its first change: a lab's six VMs moving together make one row update. */
    static final Duration GATHER = Duration.ofMillis(25);
    /** At most this many labs per transaction: a batch stays a short transaction however many labs changed. */
    static final int MAX_BATCH = 250;
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    /**
     * Two, so that changes arriving while one batch waits (for the CPU, a row lock, the disk) go in the other's batch
     * instead of waiting for it: on a busy machine a batch now and then takes most of a second. A lab is in one batch
     * at a time: each takes its labs from the pending set and their status locks.
     */
    static final int THREADS = 2;

    /** Where status is kept: {@link StatusRows}. */
    interface Rows {
        Map<UUID, StatusRows.Lab> load(Collection<UUID> labs);

        void write(List<StatusRows.Change> changes);
    }

    private final Function<UUID, List<GenericKubernetesResource>> vms;
    private final Rows rows;
    private final PlannedNodes planned;
    private final StatusLocks locks;
    private final Consumer<UUID> fullPass;
    private final Consumer<UUID> settled;
    private final Consumer<UUID> recorded;
    private final LongConsumer lag;
    /** Labs waiting for a batch, each with when its first change not yet recorded came (monotonic nanoseconds). */
    private final Map<UUID, Long> pending = new ConcurrentHashMap<>();
    private final LongAdder batches = new LongAdder();
    private final List<Thread> threads;
    private volatile boolean open = true;

    /**
     * @param vms      a lab's VMs as the informer cache has them
     * @param fullPass queues a reconcile pass for a lab no pass has planned yet
     * @param settled  told of each lab a batch found settled (every node where it should be), once that is committed
     * @param recorded told of each lab a batch wrote a change of, once that is committed
     */
    public StatusFollower(Function<UUID, List<GenericKubernetesResource>> vms, Rows rows, PlannedNodes planned,
                   StatusLocks locks, Consumer<UUID> fullPass, Consumer<UUID> settled, Consumer<UUID> recorded) {
        this(vms, rows, planned, locks, fullPass, settled, recorded, nanos -> {
        });
    }

    /**
     * @param lag told, for each lab a batch looked at, the nanoseconds from the first change it had waiting to the
     *            batch's commit: how far recorded status trails the cluster
     */
    public StatusFollower(Function<UUID, List<GenericKubernetesResource>> vms, Rows rows, PlannedNodes planned,
                   StatusLocks locks, Consumer<UUID> fullPass, Consumer<UUID> settled, Consumer<UUID> recorded,
                   LongConsumer lag) {
        this.lag = lag;
        this.vms = vms;
        this.rows = rows;
        this.planned = planned;
        this.locks = locks;
        this.fullPass = fullPass;
        this.settled = settled;
        this.recorded = recorded;
        this.threads = IntStream.range(0, THREADS).mapToObj(i -> Thread.ofPlatform()
                .name("status-follower-" + i).daemon().start(this::run)).toList();
    }

    /** A VM of the lab changed status (or appeared, or went), or a pass saw status not recorded: record it soon. */
    public void changed(UUID lab) {
        if (pending.putIfAbsent(lab, System.nanoTime()) == null) {
            threads.forEach(LockSupport::unpark);
        }
    }

    /** Labs waiting for a batch. */
    public int pending() {
        return pending.size();
    }

    /** Batches written since start (each one transaction), for tests and benchmarks. */
    long batches() {
        return batches.sum();
    }

    private void run() {
        while (open) {
            if (pending.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
                continue;
            }
            LockSupport.parkNanos(GATHER.toNanos());
            try {
                follow(drain());
            } catch (RuntimeException e) {
                log.warn("recording VM status failed, trying again in {}: {}", RETRY_AFTER_FAILURE, e.toString());
                LockSupport.parkNanos(RETRY_AFTER_FAILURE.toNanos());
            }
        }
    }

    /** Up to {@link #MAX_BATCH} labs taken from the pending ones, each with when its first change came. */
    private Map<UUID, Long> drain() {
        Map<UUID, Long> labs = new LinkedHashMap<>();
        Iterator<Map.Entry<UUID, Long>> it = pending.entrySet().iterator();
        while (it.hasNext() && labs.size() < MAX_BATCH) {
            Map.Entry<UUID, Long> next = it.next();
            labs.put(next.getKey(), next.getValue());
            it.remove();
        }
        return labs;
    }

    /** One batch: claims what it can, records what changed, hands the rest on. */
    private void follow(Map<UUID, Long> labs) {
        Map<UUID, PlannedNodes.Plan> claimed = new LinkedHashMap<>();
        for (UUID lab : labs.keySet()) {
            PlannedNodes.Plan plan = planned.of(lab);
            if (plan == null) {
                fullPass.accept(lab);
            } else if (locks.tryLock(lab)) {
                claimed.put(lab, plan);
            } else {
                // a teardown pass is recording it: look again next batch, still waiting since its first change
                pending.merge(lab, labs.get(lab), Math::min);
            }
        }
        if (claimed.isEmpty()) {
            return;
        }
        try {
            Map<UUID, StatusRows.Lab> found = rows.load(claimed.keySet());
            List<StatusRows.Change> changes = new ArrayList<>();
            List<UUID> settledLabs = new ArrayList<>();
            claimed.forEach((lab, plan) -> {
                StatusRows.Lab row = found.get(lab);
                if (row == null || row.desired() == DesiredRun.DESTROYED) {
                    return; // gone, or being torn down: its pass records that
                }
                Observation observed = observe(row, plan, vmsOf(lab));
                if (observed.change() != null) {
                    changes.add(observed.change());
                }
                if (observed.lab().settled()) {
                    settledLabs.add(lab);
                }
            });
            rows.write(changes);
            batches.increment();
            long committed = System.nanoTime();
            claimed.keySet().forEach(lab -> lag.accept(committed - labs.get(lab)));
            changes.forEach(change -> recorded.accept(change.before().id()));
            settledLabs.forEach(settled);
        } catch (RuntimeException e) {
            claimed.keySet().forEach(lab -> pending.merge(lab, labs.get(lab), Math::min));
            throw e;
        } finally {
            claimed.keySet().forEach(locks::unlock);
        }
    }

    private Function<String, GenericKubernetesResource> vmsOf(UUID lab) {
        Map<String, GenericKubernetesResource> byName = new LinkedHashMap<>();
        vms.apply(lab).forEach(vm -> byName.put(vm.getMetadata().getName(), vm));
        return byName::get;
    }

    /**
     * What the cached VMs say of a lab.
     *
     * @param lab    its aggregate
     * @param change what to write: null when its rows show all of it already
     */
    record Observation(StatusAggregation.Result lab, StatusRows.Change change) {
    }

    /**
     * What the cached VMs say of a lab's planned nodes, against its rows: the nodes whose observation changed (a
     * planned node without a row gets one: it does not run) and the lab's new aggregate if it changed. A node runs
     * when the lab should run and its row says it should, as the planner decides.
     */
    static Observation observe(StatusRows.Lab row, PlannedNodes.Plan plan,
                               Function<String, GenericKubernetesResource> vms) {
        List<StatusAggregation.NodeView> views = new ArrayList<>();
        Map<String, NodeObservation> changed = new LinkedHashMap<>();
        for (PlannedNodes.Node node : plan.nodes()) {
            StatusRows.Node recorded = row.nodes().get(node.name());
            boolean shouldRun = row.desired() == DesiredRun.RUNNING && recorded != null && recorded.running();
            NodeObservation observed = NodeStatusMapping.of(vms.apply(node.vmName()), shouldRun);
            views.add(new StatusAggregation.NodeView(node.name(), shouldRun, observed));
            if (recorded == null || !observed.equals(recorded.recorded())) {
                changed.put(node.name(), observed);
            }
        }
        StatusAggregation.Result lab = StatusAggregation.aggregate(row.desired(), views, true);
        boolean labShows = row.shows(lab, plan.specVersion());
        if (changed.isEmpty() && labShows) {
            return new Observation(lab, null);
        }
        return new Observation(lab, new StatusRows.Change(row, labShows ? null : lab, plan.specVersion(), changed));
    }

    @Override
    public void close() {
        open = false;
        threads.forEach(LockSupport::unpark);
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
