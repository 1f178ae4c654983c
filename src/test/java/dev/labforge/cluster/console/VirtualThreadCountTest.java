package dev.labforge.cluster.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The counter {@link ThousandViewersTest} relies on sees this test's virtual threads while held, and sees them end. */
class VirtualThreadCountTest {

    @Test
    void countsTheVirtualThreadsStartedAndNotEnded() throws Exception {
        try (VirtualThreadCount count = new VirtualThreadCount()) {
            CountDownLatch release = new CountDownLatch(1);
            List<Thread> held = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                held.add(Thread.ofVirtual().start(() -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            // this JVM's other virtual threads come and go meanwhile: only this test's own are looked for
            List<Long> ids = held.stream().map(Thread::threadId).toList();
            assertThat(count.liveIds()).containsAll(ids);
            release.countDown();
            for (Thread thread : held) {
                thread.join();
            }
            assertThat(count.liveIds()).doesNotContainAnyElementsOf(ids);
        }
    }
}
