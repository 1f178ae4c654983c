package dev.labforge.cluster.console;

import static dev.labforge.cluster.console.FakeSockets.await;
import static dev.labforge.cluster.console.FakeSockets.caller;
import static dev.labforge.cluster.console.FakeSockets.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.BinaryMessage;

/** A typist's queue tells its console to read on before it runs dry, so output keeps flowing under load. */
class ViewerTest {

    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        sender.shutdownNow();
    }

    @Test
    void aBackloggedViewerAsksForMoreOnceDownToAQuarterNotOnlyWhenEmpty() {
        Semaphore browser = new Semaphore(0); // each permit lets one message through
        Viewer viewer = new Viewer(session(message -> browser.acquireUninterruptibly(), status -> { }),
                caller("typist"), false, 64 * 1024, sender);
        AtomicInteger drained = new AtomicInteger();
        viewer.onDrained(drained::incrementAndGet);
        for (int i = 0; i < 4; i++) { // 64 KB: the first is taken into the stuck send, three wait (48 KB)
            assertThat(viewer.offer(new BinaryMessage(new byte[16 * 1024]))).isTrue();
        }
        await("the first message in the browser's send", Duration.ofSeconds(10), () -> browser.hasQueuedThreads(),
                viewer::toString);
        assertThat(viewer.backlogged()).isTrue();
        assertThat(drained).hasValue(0);

        browser.release(2); // two sent, the third taken into the send: 16 KB still waits, a quarter of the bound
        await("the call to read on", Duration.ofSeconds(10), () -> drained.get() == 1, viewer::toString);
        assertThat(viewer.backlogged()).isFalse();
        assertThat(viewer.toString()).as("told while output still waits, not once the pipe ran dry")
                .contains("queued=16384 bytes in 1");
    }
}
