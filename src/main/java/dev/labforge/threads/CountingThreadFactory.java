package dev.labforge.threads;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread factory that knows how many of its threads run their task now: a thread counts from the moment it starts
 * running its task until that task returns or throws (a finally), so a thread made but never started, or one whose
 * task has ended, does not count. Counted by the threads themselves, not observed from outside.
 */
public final class CountingThreadFactory implements ThreadFactory {

    /** The factory whose task the current thread runs, if any: a virtual thread runs one task in its life. */
    private static final ThreadLocal<CountingThreadFactory> RUNNING = new ThreadLocal<>();

    private final ThreadFactory threads;
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicLong started = new AtomicLong();

    public CountingThreadFactory(ThreadFactory threads) {
        this.threads = threads;
    }

    @Override
    public Thread newThread(Runnable task) {
        return threads.newThread(() -> {
            started.incrementAndGet();
            live.incrementAndGet();
            RUNNING.set(this);
            try {
                task.run();
            } finally {
                RUNNING.remove();
                live.decrementAndGet();
            }
        });
    }

    /** Threads running their task now. */
    public int live() {
        return live.get();
    }

    /** Threads that have begun their task, ever. */
    public long started() {
        return started.get();
    }

    /** Whether the calling thread is one of this factory's, running its task. */
    public boolean runsCurrentThread() {
        return RUNNING.get() == this;
    }
}
