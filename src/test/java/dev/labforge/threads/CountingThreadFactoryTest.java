package dev.labforge.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class CountingThreadFactoryTest {

    private final CountingThreadFactory pool = new CountingThreadFactory(Thread.ofVirtual().factory());

    @Test
    void countsThreadsWhileTheirTaskRunsAndNoLonger() throws Exception {
        CountDownLatch running = new CountDownLatch(30);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Thread thread = pool.newThread(() -> {
                running.countDown();
                await(release);
            });
            threads.add(thread);
            thread.start();
        }
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(pool.live()).isEqualTo(30);
        assertThat(pool.started()).isEqualTo(30);

        release.countDown();
        for (Thread thread : threads) {
            thread.join(); // the count is taken down before the thread ends, so it shows after the join
        }
        assertThat(pool.live()).isZero();
        assertThat(pool.started()).isEqualTo(30);
    }

    @Test
    void aTaskThatThrowsStopsCountingAndAThreadNeverStartedNeverCounts() throws Exception {
        pool.newThread(() -> { });
        Thread failing = pool.newThread(() -> {
            throw new IllegalStateException("task failed");
        });
        failing.setUncaughtExceptionHandler((thread, e) -> { });
        failing.start();
        failing.join();

        assertThat(pool.live()).isZero();
        assertThat(pool.started()).isEqualTo(1);
    }

    @Test
    void knowsItsOwnThreadsFromOthers() throws Exception {
        CountingThreadFactory other = new CountingThreadFactory(Thread.ofVirtual().factory());
        AtomicBoolean mine = new AtomicBoolean();
        AtomicBoolean others = new AtomicBoolean(true);
        Thread thread = pool.newThread(() -> mine.set(pool.runsCurrentThread()));
        Thread theirs = other.newThread(() -> others.set(pool.runsCurrentThread()));
        thread.start();
        theirs.start();
        thread.join();
        theirs.join();

        assertThat(mine).isTrue();
        assertThat(others).isFalse();
        assertThat(pool.runsCurrentThread()).as("the test's own thread").isFalse();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
