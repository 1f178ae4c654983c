package dev.labforge.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.Await;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Order and folding of reconcile passes: one worker, so the order is observable. */
class ReconcileQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final UUID first = UUID.randomUUID();
    private final List<UUID> passes = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    /** The queue's time where a test moves it by hand. */
    private final AtomicLong now = new AtomicLong();

    private boolean reconcile(UUID lab) {
        passes.add(lab);
        if (lab.equals(first)) {
            try {
                release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS); // holds the only worker
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return true;
    }

    @Test
    void aLabWhoseObjectsChangedGoesBeforeWaitingRequests() {
        UUID requested1 = UUID.randomUUID();
        UUID requested2 = UUID.randomUUID();
        UUID observed = UUID.randomUUID();
        try (ReconcileQueue queue = new ReconcileQueue(this::reconcile, 1)) {
            queue.enqueue(first);
            Await.until("the first pass", WAIT, () -> passes.contains(first), passes::toString);
            queue.enqueue(requested1);
            queue.enqueue(requested2);
            queue.observed(observed);
            sleep(ReconcileQueue.OBSERVED_PAUSE.toMillis() + 50);
            release.countDown();

            Await.until("every pass", WAIT, () -> passes.size() == 4, passes::toString);
            assertThat(passes).containsExactly(first, observed, requested1, requested2);
        }
    }

    @Test
    void aBurstOfChangesMakesOnePass() {
        UUID lab = UUID.randomUUID();
        release.countDown();
        try (ReconcileQueue queue = new ReconcileQueue(this::reconcile, 2, now::get)) {
            for (int i = 0; i < 10; i++) {
                queue.observed(lab);
            }
            assertThat(queue.anyDue()).as("not before the objects were quiet for the pause").isFalse();
            now.addAndGet(ReconcileQueue.OBSERVED_PAUSE.toNanos());
            Await.until("the pass", WAIT, () -> passes.contains(lab), passes::toString);
            assertThat(queue.size()).as("nothing left to make a second pass of").isZero();
            assertThat(passes).containsExactly(lab);
        }
    }

    @Test
    void aLabThatKeepsChangingStillGetsAPassEveryFewHundredMilliseconds() {
        UUID lab = UUID.randomUUID();
        release.countDown();
        try (ReconcileQueue queue = new ReconcileQueue(this::reconcile, 1, now::get)) {
            // a change every 50 ms for a second, never quiet for the pause. Time moves only here, and only once the
            // worker has taken whatever was due, so the passes do not depend on how busy the machine is
            for (long t = 0; t <= 1_000; t += 50) {
                now.set(Duration.ofMillis(t).toNanos());
                queue.observed(lab);
                long at = t;
                Await.until("the worker to take what is due at " + at + " ms", WAIT, () -> !queue.anyDue(),
                        passes::toString);
            }
            // one per MAX_OBSERVED_PAUSE (at 400 and 800-850 ms), not one per change, and none left waiting
            Await.until("the passes taken to run", WAIT, () -> passes.size() >= 2, passes::toString);
            assertThat(passes).hasSize(2);

            now.addAndGet(ReconcileQueue.OBSERVED_PAUSE.toNanos()); // quiet at last: the pass for the last changes
            Await.until("the pass after the changes", WAIT, () -> passes.size() == 3, passes::toString);
        }
    }

    @Test
    void aLabWokenDuringItsPassRunsAgainAfter() {
        try (ReconcileQueue queue = new ReconcileQueue(this::reconcile, 2)) {
            queue.enqueue(first);
            Await.until("the first pass", WAIT, () -> passes.contains(first), passes::toString);
            queue.enqueue(first);
            sleep(100);
            assertThat(passes).containsExactly(first); // the second worker does not run it alongside
            release.countDown();
            Await.until("the second pass", WAIT, () -> passes.size() == 2, passes::toString);
        }
    }

    @Test
    void repairWorkersServeChangedLabsWhileEveryWorkerDeploys() {
        List<UUID> deploying = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        CountDownLatch deployed = new CountDownLatch(1);
        UUID waiting = UUID.randomUUID();
        UUID observed = UUID.randomUUID();
        try (ReconcileQueue queue = new ReconcileQueue(lab -> {
            passes.add(lab);
            if (deploying.contains(lab)) {
                try {
                    deployed.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        }, 4)) {
            deploying.forEach(queue::enqueue);
            Await.until("four deploying", WAIT, () -> passes.size() == 4, passes::toString);
            queue.enqueue(waiting); // no worker is free for it; the status workers do not take requests
            sleep(200);
            assertThat(passes).doesNotContain(waiting);
            queue.observed(observed);

            Await.until("the changed lab's pass", WAIT, () -> passes.contains(observed), passes::toString);
            assertThat(passes).hasSize(5).doesNotContain(waiting);
            deployed.countDown();
            Await.until("the waiting lab's pass", WAIT, () -> passes.contains(waiting), passes::toString);
        }
        assertThat(ReconcileQueue.repairWorkers(8)).isEqualTo(4);
        assertThat(ReconcileQueue.repairWorkers(2)).isEqualTo(1);
        assertThat(ReconcileQueue.repairWorkers(1)).isZero();
    }

    @Test
    void aLabThatStaysUnsettledIsRecheckedLessAndLessOften() {
        assertThat(java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(ReconcileQueue::recheck).map(Duration::toSeconds))
                .containsExactly(30L, 60L, 60L, 60L, 60L, 60L, 60L);
    }

    @Test
    void aLabSeenSettledDropsItsRecheckButNotARequest() {
        UUID booting = UUID.randomUUID();
        UUID requested = UUID.randomUUID();
        List<UUID> unsettledPasses = new CopyOnWriteArrayList<>();
        try (ReconcileQueue queue = new ReconcileQueue(lab -> {
            unsettledPasses.add(lab);
            return false; // still booting: each pass asks to be looked at again
        }, 1)) {
            queue.enqueue(booting);
            Await.until("the first pass", WAIT, () -> unsettledPasses.contains(booting), unsettledPasses::toString);
            Await.until("its recheck queued", WAIT, () -> queue.size() == 1, () -> "queued: " + queue.size());

            queue.settled(booting);
            assertThat(queue.size()).as("the recheck is gone").isZero();

            queue.enqueue(requested, Duration.ofMinutes(1));
            queue.settled(requested);
            assertThat(queue.size()).as("a request is not a recheck").isEqualTo(1);
        }
    }

    @Test
    void remembersWhichLabsWerePassedSinceItWasLastAsked() {
        UUID other = UUID.randomUUID();
        release.countDown();
        try (ReconcileQueue queue = new ReconcileQueue(this::reconcile, 1)) {
            queue.enqueue(first);
            queue.enqueue(other);
            Await.until("both passes", WAIT, () -> passes.size() == 2, passes::toString);
            java.util.Set<UUID> seen = new java.util.HashSet<>();
            Await.until("both remembered", WAIT, () -> {
                seen.addAll(queue.passedSinceLastAsked());
                return seen.size() == 2;
            }, seen::toString);
            assertThat(seen).containsExactlyInAnyOrder(first, other);
            assertThat(queue.passedSinceLastAsked()).as("asked again: nothing passed since").isEmpty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
