package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.ClusterConnection;
import dev.labforge.cluster.ClusterProperties;
import dev.labforge.cluster.ReconcilerLease;
import dev.labforge.cluster.lifecycle.RunRequested;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.LabPlanner;
import dev.labforge.cluster.status.LabRuntimeRepository;
import dev.labforge.cluster.status.PlannedNodes;
import dev.labforge.cluster.status.StatusFollower;
import dev.labforge.cluster.status.StatusLocks;
import dev.labforge.cluster.status.StatusRecorder;
import dev.labforge.cluster.status.StatusRows;
import dev.labforge.lab.LabChanged;
import dev.labforge.lab.LabDefinitions;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the informers and the reconcile workers, and wakes the reconciler on every committed change,
 * every cluster event, and a periodic resync. Nothing it needs lives only in memory: after a restart
 * the informers list what exists and the database says what should.
 */
@Component
public class ClusterRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterRuntime.class);

    private final ClusterConnection connection;
    private final ClusterProperties properties;
    private final LabRuntimeRepository runtimes;
    private final TransactionTemplate transaction;
    private final LabDefinitions definitions;
    private final LabPlanner planner;
    private final StatusRecorder status;
    private final ReconcilerLease lease;
    private final ChangeFeed changes;
    private final ClusterWrites writes;
    private final ReconcileMeters meters;
    /** Reconcile passes finished since this process started, across restarts: shows when a resync has run. */
    private final LongAdder passes = new LongAdder();
    private final StatusRows statusRows;
    /** Kept across restarts: whoever watches one lab keeps watching it through a stop and a start. */
    private final List<LabWatcher> watchers = new CopyOnWriteArrayList<>();
    private ClusterCache cache;
    private volatile ReconcileQueue queue;
    private volatile StatusFollower follower;
    private ScheduledExecutorService resync;
    private volatile boolean running;

    ClusterRuntime(ClusterConnection connection, ClusterProperties properties, LabDefinitions definitions,
                   LabRuntimeRepository runtimes, LabPlanner planner, StatusRecorder status,
                   TransactionTemplate transaction, ReconcilerLease lease, ChangeFeed changes, StatusRows statusRows,
                   MeterRegistry registry) {
        this.writes = new ClusterWrites(registry);
        this.meters = new ReconcileMeters(registry);
        this.transaction = transaction;
        this.statusRows = statusRows;
        this.lease = lease;
        this.changes = changes;
        this.connection = connection;
        this.properties = properties;
        this.runtimes = runtimes;
        this.definitions = definitions;
        this.planner = planner;
        this.status = status;
    }

    /** Builds everything in memory afresh, as a new process would: a restart loses nothing that matters. */
    @Override
    public synchronized void start() {
        ObjectSync sync = new ObjectSync(connection.client(), writes, properties.workers());
        cache = new ClusterCache(connection.client(), properties.resync().toMillis(), this::observed,
                this::statusChanged, sync::gone);
        PlannedNodes planned = new PlannedNodes();
        StatusLocks statusLocks = new StatusLocks();
        LabReconciler reconciler = new LabReconciler(definitions, statusRows, planner, status, transaction, cache,
                sync, connection.client(), Multus.driver(properties.linkDriver()), planned, statusLocks,
                this::statusChanged, lab -> watchers.forEach(watcher -> watcher.betweenLoadReads(lab)));
        cache.start();
        awaitSync();
        // only the lease holder writes to the cluster; the others drop their wake-ups and wait their turn
        queue = new ReconcileQueue(lab -> {
            if (!lease.held()) {
                passes.increment();
                watchers.forEach(watcher -> watcher.passed(lab));
                return true;
            }
            long began = System.nanoTime();
            ReconcileMeters.Outcome outcome = ReconcileMeters.Outcome.FAILED;
            try {
                boolean settled = reconciler.reconcile(lab);
                outcome = settled ? ReconcileMeters.Outcome.SETTLED : ReconcileMeters.Outcome.UNSETTLED;
                return settled;
            } finally {
                meters.passed(outcome, System.nanoTime() - began);
                passes.increment();
                watchers.forEach(watcher -> watcher.passed(lab));
            }
        }, properties.workers());
        follower = new StatusFollower(cache::vms, statusRows, planned, statusLocks, this::observed, this::settled,
                lab -> watchers.forEach(watcher -> watcher.statusRecorded(lab)), meters::statusLag);
        resync = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("resync").factory());
        resync.scheduleWithFixedDelay(this::resyncQuiet, properties.resync().toMillis(),
                properties.resync().toMillis(), TimeUnit.MILLISECONDS);
        resync.scheduleWithFixedDelay(this::renewLease, 0, ReconcilerLease.TTL.toMillis() / 3, TimeUnit.MILLISECONDS);
        resync.scheduleWithFixedDelay(this::pollChanges, 1, 1, TimeUnit.SECONDS);
        running = true;
    }

    /** Decisions need the whole picture: no reconcile before every informer has listed its kind. */
    private void awaitSync() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!cache.synced()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster's informers did not sync within 60 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A replica that just became the holder reconciles everything: it may have missed wake-ups. */
    private void renewLease() {
        try {
            boolean was = lease.held();
            if (lease.renew() && !was) {
                resyncAll();
            }
        } catch (RuntimeException e) {
            log.warn("could not renew the reconciler lease: {}", e.toString());
        }
    }

    private void pollChanges() {
        try {
            List<UUID> changed = changes.poll();
            if (lease.held()) {
                changed.forEach(this::wake);
            }
        } catch (RuntimeException e) {
            log.warn("could not poll for changes: {}", e.toString());
        }
    }

    public boolean leader() {
        return lease.held();
    }

    /**
     * Every lab with a runtime but those destroyed and torn down, and every lab that has objects in the cluster
     * (orphans get removed).
     *
     * @return how many labs were queued
     */
    int resyncAll() {
        Set<UUID> labs = resyncable();
        labs.forEach(queue::enqueue);
        return labs.size();
    }

    /**
     * The periodic resync: {@link #resyncAll() every lab} but those a pass looked at since the last one, so that no lab
     * goes two periods without a pass and a busy lab (a classroom deploying) gets no extra one.
     */
    private void resyncQuiet() {
        try {
            Set<UUID> labs = resyncable();
            labs.removeAll(queue.passedSinceLastAsked());
            labs.forEach(queue::enqueue);
        } catch (RuntimeException e) {
            log.warn("resync failed: {}", e.toString());
        }
    }

    private Set<UUID> resyncable() {
        Set<UUID> labs = new HashSet<>(runtimes.liveLabIds());
        labs.addAll(cache.labsPresent());
        return labs;
    }

    void wake(UUID lab) {
        ReconcileQueue q = queue;
        if (q != null) {
            q.enqueue(lab);
        }
    }

    /** A VM of the lab changed status, or a pass saw status not yet recorded: the follower records it. */
    private void statusChanged(UUID lab) {
        StatusFollower f = follower;
        if (f != null && lease.held()) { // only the lease holder writes status, as only it makes passes
            f.changed(lab);
        }
    }

    /** The lab's objects changed in the cluster: its status must follow promptly. */
    private void observed(UUID lab) {
        ReconcileQueue q = queue;
        if (q != null) {
            q.observed(lab);
        }
    }

    /** The follower recorded the lab settled: the recheck its last pass asked for would find nothing to do. */
    private void settled(UUID lab) {
        ReconcileQueue q = queue;
        if (q != null) {
            q.settled(lab);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LabChanged changed) {
        if (changed.change() != LabChanged.Change.DEFINED) { // a new lab has nothing in the cluster yet
            wake(changed.labId());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RunRequested requested) {
        wake(requested.labId());
    }

    long reconcilePasses() {
        return passes.sum();
    }

    /** Labs waiting for a pass; 0 while stopped. */
    public int queued() {
        ReconcileQueue q = queue;
        return q == null ? 0 : q.size();
    }

    /**
     * Whether the reconciler has work now: a pass running or due, or status waiting for the follower (a recheck due
     * later does not count). A simulation that steps its clock waits for this to end before the next step.
     */
    public boolean busy() {
        ReconcileQueue q = queue;
        StatusFollower f = follower;
        return (q != null && q.busy()) || (f != null && f.pending() > 0);
    }

    /** Labs whose status changes wait for the follower; 0 while stopped. */
    public int statusPending() {
        StatusFollower f = follower;
        return f == null ? 0 : f.pending();
    }

    /**
     * News of single labs, for whoever must tie what it sees to one lab: the counters above are for all labs, and
     * the workers and the follower serve every lab at once (tests share one service). Closing the answer stops it.
     */
    Watching watch(LabWatcher watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** Told of one lab's passes and recorded status, on the thread that did the work: keep it cheap. */
    interface LabWatcher {
        /** A pass of the lab ended, settled or not, failed or not. */
        default void passed(UUID lab) {
        }

        /** A status batch wrote a change of the lab, and it is committed. */
        default void statusRecorded(UUID lab) {
        }

        /**
         * A pass of the lab has read one of the two things its load reads (the lab's definition, its runtime rows)
         * and not the other: a test commits a change here to show the load still sees one state of the lab.
         */
        default void betweenLoadReads(UUID lab) {
        }
    }

    /** A watcher's registration; closing it stops the calls. */
    interface Watching extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * In this order, each step bounded: no new pass starts, those under way finish ({@link ClusterProperties#drain()}),
     * the status follower writes its last batch, and only then is the lease given up, so that the replica taking over
     * at once never writes beside a pass of this one.
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (resync != null) {
            resync.shutdownNow();
        }
        if (queue != null) {
            queue.close(properties.drain());
            queue = null;
        }
        if (follower != null) {
            follower.close();
            follower = null;
        }
        try {
            lease.release();
        } catch (RuntimeException e) { // the database away: the lease expires on its own within its TTL
            log.warn("could not release the reconciler lease: {}", e.toString());
        }
        if (cache != null) {
            cache.close();
            cache = null; // what the informers held goes with them: a restart lists afresh
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
