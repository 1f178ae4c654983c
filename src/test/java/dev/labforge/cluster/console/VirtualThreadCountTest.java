package dev.labforge.cluster.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The counter {@link ThousandViewersTest} relies on sees virtual threads that are held, and sees them end. */
class VirtualThreadCountTest {

    @Test
    void countsTheVirtualThreadsStartedAndNotEnded() throws Exception {
        try (VirtualThreadCount count = new VirtualThreadCount()) {
            int before = count.live();
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
            assertThat(count.live() - before).isEqualTo(30);
            release.countDown();
            for (Thread thread : held) {
                thread.join();
            }
            assertThat(count.live() - before).isZero();
        }
    }
}
