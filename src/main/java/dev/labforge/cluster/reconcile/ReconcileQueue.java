package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.status.StatusFollower;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Labs waiting to be reconciled. A lab is queued at most once and handled by one worker at a time;
 * a lab woken while it is being handled runs again right after. Failures back off exponentially
 * (API 409/429/5xx, timeouts: the next pass simply tries again from fresh state).
 *
 * <p>Two lanes. A lab whose objects changed in the cluster (deleted, or changed behind LabForge's back; a VM's new
 * status alone goes to the {@link StatusFollower} instead) goes in the first: drift is repaired promptly, not queued
 * behind a classroom's worth of start requests, each of which holds a worker for twenty API calls. It waits until its
 * objects have been quiet for {@link #OBSERVED_PAUSE} (at most {@link #MAX_OBSERVED_PAUSE} after the first change),
 * so that a burst of changes makes one pass. Requests, resyncs and retries go in the second lane, served when the
 * first has nothing due. The workers serve both lanes; besides them, half as many again (at least one) serve the
 * first lane only, so that repairs go on while every worker is busy deploying. A pass is the same pass whichever lane
 * it came from.
 */
final class ReconcileQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReconcileQueue.class);
    /**
     * Unsettled labs are looked at again after this even without an event, in case one was missed; doubling while a
     * lab stays unsettled, up to {@link #MAX_UNSETTLED_RECHECK}, and dropped once the {@link StatusFollower} records
     * the lab settled. Events move a booting lab along and the follower records its status without a pass: the recheck
     * is only a safety net. At 10 s, a classroom's storm made about two passes per lab where one deploys it.
     */
    static final Duration UNSETTLED_RECHECK = Duration.ofSeconds(30);
    static final Duration MAX_UNSETTLED_RECHECK = Duration.ofMinutes(1);
    /** Long enough to fold a burst of changes (a namespace's objects deleted together) into one pass. */
    static final Duration OBSERVED_PAUSE = Duration.ofMillis(100);
    /** However busy a lab's objects are, a pass comes at least this soon. */
    static final Duration MAX_OBSERVED_PAUSE = Duration.ofMillis(400);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);
    /** How often an idle worker looks whether the queue was closed. */
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * @param sinceNanos observed entries: when the first change of the burst was seen
     * @param recheck    the look again at an unsettled lab, which news of it settling makes needless
     */
    private record Entry(UUID lab, long dueNanos, boolean observed, long sinceNanos, boolean recheck) {

        /** An observed change goes first; within a lane, the earlier due time. */
        boolean before(Entry other) {
            return observed != other.observed ? observed : dueNanos < other.dueNanos;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Entry> observedLane = new PriorityQueue<>(Comparator.comparingLong(Entry::dueNanos));
    private final PriorityQueue<Entry> requestedLane = new PriorityQueue<>(Comparator.comparingLong(Entry::dueNanos));
    /** The one live entry of each queued lab; entries it replaced stay in their lane until reached, then skipped. */
    private final Map<UUID, Entry> queued = new HashMap<>();
    private final Map<UUID, Boolean> running = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> failures = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> unsettled = new ConcurrentHashMap<>();
    /** Labs a pass finished for since {@link #passedSinceLastAsked()} was last called. */
    private final Set<UUID> passed = ConcurrentHashMap.newKeySet();
    private final Predicate<UUID> reconciler;
    /** Monotonic nanoseconds, as {@link System#nanoTime()}: a wall clock's steps would move every due time. */
    private final LongSupplier nanoTime;
    private final ExecutorService workers;
    private volatile boolean open = true;

    /** @param reconciler returns true when the lab settled */
    ReconcileQueue(Predicate<UUID> reconciler, int workerCount) {
        this(reconciler, workerCount, System::nanoTime);
    }

    /** @param nanoTime the time due times are reckoned in (tests move it by hand) */
    ReconcileQueue(Predicate<UUID> reconciler, int workerCount, LongSupplier nanoTime) {
        this.reconciler = reconciler;
        this.nanoTime = nanoTime;
        this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("reconcile-", 0).factory());
        for (int i = 0; i < workerCount; i++) {
            workers.submit(() -> work(false));
        }
        for (int i = 0; i < repairWorkers(workerCount); i++) {
            workers.submit(() -> work(true));
        }
    }

    /** The workers for changed labs only, beside {@code workerCount}: half as many, at least one; none for one. */
    static int repairWorkers(int workerCount) {
        return workerCount > 1 ? Math.max(1, workerCount / 2) : 0;
    }

    /** Something was asked of the lab (or it is time to look again): the second lane, due now. */
    void enqueue(UUID lab) {
        enqueue(lab, Duration.ZERO);
    }

    void enqueue(UUID lab, Duration delay) {
        request(lab, delay, false);
    }

    /** The second lane, due after {@code delay}; {@code recheck}: a look again at an unsettled lab. */
    private void request(UUID lab, Duration delay, boolean recheck) {
        long now = nanoTime.getAsLong();
        add(new Entry(lab, now + delay.toNanos(), false, now, recheck));
    }

    /**
     * The lab was seen settled (its status follower recorded every node where it should be): a recheck it was waiting
     * for is dropped, and the next unsettled pass starts the recheck delays over. Requests, repairs and retries after
     * a failure stay queued.
     */
    void settled(UUID lab) {
        lock.lock();
        try {
            Entry current = queued.get(lab);
            if (current != null && current.recheck()) {
                queued.remove(lab); // its entry stays in the lane until reached, then is skipped
            }
            unsettled.remove(lab);
        } finally {
            lock.unlock();
        }
    }

    /** Whether a queued lab is due and not yet taken by a worker (for tests). */
    boolean anyDue() {
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            return queued.values().stream().anyMatch(entry -> entry.dueNanos() - now <= 0);
        } finally {
            lock.unlock();
        }
    }

    /** Whether a pass runs now or a queued lab is due (rechecks later on do not count): for simulations. */
    boolean busy() {
        return !running.isEmpty() || anyDue();
    }

    /** Entries waiting, rechecks included (for tests). */
    int size() {
        lock.lock();
        try {
            return queued.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The lab's objects changed in the cluster: the first lane, once they have been quiet for
     * {@link #OBSERVED_PAUSE}, or {@link #MAX_OBSERVED_PAUSE} after the first change at the latest.
     */
    void observed(UUID lab) {
        lock.lock();
        try {
            long now = nanoTime.getAsLong();
            Entry current = queued.get(lab);
            long since = current != null && current.observed() ? current.sinceNanos() : now;
            long due = Math.min(now + OBSERVED_PAUSE.toNanos(), since + MAX_OBSERVED_PAUSE.toNanos());
            put(new Entry(lab, due, true, since, false));
        } finally {
            lock.unlock();
        }
    }

    private void add(Entry entry) {
        lock.lock();
        try {
            Entry current = queued.get(entry.lab());
            if (current == null || entry.before(current)) {
                put(entry);
            }
        } finally {
            lock.unlock();
        }
    }

    private void put(Entry entry) {
        queued.put(entry.lab(), entry);
        (entry.observed() ? observedLane : requestedLane).add(entry);
        changed.signalAll();
    }

    /** The next lab due, observed lane first (or only); null once the queue is closed. */
    private Entry take(boolean onlyObserved) throws InterruptedException {
        lock.lock();
        try {
            while (open) {
                long now = nanoTime.getAsLong();
                Entry next = due(observedLane, now);
                if (next == null && !onlyObserved) {
                    next = due(requestedLane, now);
                }
                if (next != null) {
                    if (queued.get(next.lab()) == next) {
                        queued.remove(next.lab());
                        return next;
                    }
                    continue; // replaced by a sooner entry for the same lab
                }
                changed.awaitNanos(Math.min(IDLE_CHECK_NANOS, Math.min(wait(observedLane, now),
                        onlyObserved ? Long.MAX_VALUE : wait(requestedLane, now))));
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    private static Entry due(PriorityQueue<Entry> lane, long now) {
        Entry head = lane.peek();
        return head != null && head.dueNanos() - now <= 0 ? lane.poll() : null;
    }

    private static long wait(PriorityQueue<Entry> lane, long now) {
        Entry head = lane.peek();
        return head == null ? Long.MAX_VALUE : Math.max(1, head.dueNanos() - now);
    }

    private void work(boolean onlyObserved) {
        while (open) {
            Entry entry;
            try {
                entry = take(onlyObserved);
            } catch (InterruptedException e) {
                return;
            }
            if (entry == null) {
                return;
            }
            if (running.putIfAbsent(entry.lab(), Boolean.TRUE) != null) {
                // another worker has it; look again right after
                long now = nanoTime.getAsLong();
                add(new Entry(entry.lab(), now + Duration.ofMillis(20).toNanos(), entry.observed(), now,
                        entry.recheck()));
                continue;
            }
            try {
                handle(entry.lab());
            } finally {
                running.remove(entry.lab());
            }
        }
    }

    /**
     * The labs a pass finished for since the last call, and a fresh start: the periodic resync leaves them out, since a
     * pass just looked at them. Bounded by the labs active in one resync period.
     */
    Set<UUID> passedSinceLastAsked() {
        Set<UUID> labs = Set.copyOf(passed);
        passed.removeAll(labs);
        return labs;
    }

    private void handle(UUID lab) {
        try {
            boolean settled = reconciler.test(lab);
            passed.add(lab);
            failures.remove(lab);
            if (settled) {
                unsettled.remove(lab);
            } else {
                request(lab, recheck(unsettled.merge(lab, 1, Integer::sum)), true);
            }
        } catch (RuntimeException e) {
            int count = failures.merge(lab, 1, Integer::sum);
            Duration backoff = Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(count, 20)));
            log.warn("reconciling lab {} failed (attempt {}), retrying in {}: {}", lab, count, backoff, e.toString());
            enqueue(lab, backoff);
        }
    }

    /** 30 s after the first unsettled pass in a row, then a minute from then on. */
    static Duration recheck(int unsettledPasses) {
        Duration delay = UNSETTLED_RECHECK.multipliedBy(1L << Math.min(unsettledPasses - 1, 4));
        return delay.compareTo(MAX_UNSETTLED_RECHECK) > 0 ? MAX_UNSETTLED_RECHECK : delay;
    }

    /** Stops at once: a pass under way is interrupted. */
    @Override
    public void close() {
        close(Duration.ZERO);
    }

    /**
     * Takes no more labs; passes under way may finish within {@code drain}, then are interrupted. Either way nothing is
     * left half-written: a pass's database work is a transaction at a time (an interrupted one rolls back), and its
     * cluster writes are idempotent steps towards the desired state, which the next pass (here or on the replica that
     * takes the lease over) compares anew.
     */
    void close(Duration drain) {
        lock.lock();
        try {
            open = false;
            changed.signalAll(); // idle workers leave now, not at their next look
        } finally {
            lock.unlock();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("reconcile passes still running after {}: interrupting them", drain);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
