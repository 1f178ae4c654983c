package dev.labforge.cluster.console;

import static dev.labforge.cluster.console.FakeSockets.caller;
import static dev.labforge.cluster.console.FakeSockets.session;
import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.access.Caller;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** Fan-out without unbounded buffers: a slow viewer is closed, the others keep the live output. */
class NodeConsoleTest {

    private static final ConsoleTarget TARGET = new ConsoleTarget(UUID.randomUUID(), "r1", ConsoleKind.SERIAL);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();
    private Consumer<byte[]> output;

    @AfterEach
    void stop() {
        sender.shutdownNow();
    }

    @Test
    void aViewerThatCannotKeepUpIsClosedAndTheOthersGetEverything() throws Exception {
        NodeConsole console = console(16 * 1024, Clock.systemUTC());
        CountDownLatch never = new CountDownLatch(1);
        CompletableFuture<CloseStatus> stuckClosed = new CompletableFuture<>();
        WebSocketSession stuck = session(message -> {
            try {
                never.await(); // a browser that stopped reading: the send never completes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, stuckClosed::complete);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        WebSocketSession fast = session(message -> {
            if (message instanceof BinaryMessage binary) {
                synchronized (received) {
                    received.write(binary.getPayload().array(), 0, binary.getPayloadLength());
                }
            }
        }, status -> { });
        Viewer slow = new Viewer(stuck, caller("slow"), false, 4096, sender);
        Viewer quick = new Viewer(fast, caller("quick"), false, 4096, sender);
        console.join(slow, false);
        console.join(quick, false);

        byte[] line = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\n".getBytes(StandardCharsets.US_ASCII);
        // 12.8 KB, three times the bound, in bursts of half the bound that a reading viewer takes in between
        for (int burst = 0; burst < 6; burst++) {
            for (int i = 0; i < 32; i++) {
                output.accept(line);
            }
            int expected = (burst + 1) * 32 * line.length;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (size(received) < expected && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(size(received)).isEqualTo(expected);
        }

        assertThat(stuckClosed.get(10, TimeUnit.SECONDS)).isEqualTo(ConsoleClose.TOO_SLOW.status());
        assertThat(console.viewers()).containsExactly(quick);
        never.countDown();
    }

    @Test
    void aLateViewerSeesOnlyTheLastScreenful() throws Exception {
        NodeConsole console = console(1024, Clock.systemUTC());
        for (int i = 0; i < 300; i++) {
            output.accept(("line " + i + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        CountDownLatch got = new CountDownLatch(1);
        WebSocketSession session = session(message -> {
            if (message instanceof BinaryMessage binary && got.getCount() > 0) {
                first.write(binary.getPayload().array(), 0, binary.getPayloadLength());
                got.countDown();
            }
        }, status -> { });
        console.join(new Viewer(session, caller("late"), false, 4096, sender), false);
        assertThat(got.await(10, TimeUnit.SECONDS)).isTrue();
        String seen = first.toString(StandardCharsets.US_ASCII);
        assertThat(seen).hasSize(1024).endsWith("line 299\n").doesNotContain("line 0\n");
    }

    @Test
    void idleCountsFromTheLastKeystroke() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
        NodeConsole console = console(1024, clock);
        Viewer driver = new Viewer(session(message -> { }, status -> { }), caller("d"), false, 4096, sender);
        console.join(driver, false);
        clock.advance(Duration.ofMinutes(29));
        assertThat(console.idleFor(Duration.ofMinutes(30))).isFalse();
        console.input(driver, "x".getBytes(StandardCharsets.US_ASCII));
        clock.advance(Duration.ofMinutes(29));
        assertThat(console.idleFor(Duration.ofMinutes(30))).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(console.idleFor(Duration.ofMinutes(30))).isTrue();
    }

    /**
     * The interleaving that closed a typist in CI (KubeVirtConsoleTest's flood): a sender task that emptied the
     * typist's queue tells the console to read on only after letting go of the queue's lock; meanwhile more output
     * arrives, starts a second sender task, fills the queue past half and pauses the node. Two such late notices
     * each lifted the newer pause, the node wrote two more messages than the queue holds, and the typist was
     * closed as a slow watcher (4005). Forced here by holding the console's lock while the tasks wait for it.
     */
    @Test
    void aLateDrainedNoticeDoesNotLiftANewerPauseAndTheTypistIsNeverClosed() throws Exception {
        int bound = 64 * 1024;
        int size = 16 * 1024;
        int messages = 16;
        List<Thread> tasks = new CopyOnWriteArrayList<>();
        Executor threads = task -> {
            Thread thread = new Thread(task, "sender-" + tasks.size());
            tasks.add(thread);
            thread.start();
        };
        Semaphore browser = new Semaphore(0); // each permit lets one binary message through
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        Viewer typist = new Viewer(session(message -> {
            if (message instanceof BinaryMessage binary) {
                browser.acquireUninterruptibly();
                synchronized (seen) {
                    seen.write(binary.getPayload().array(), 0, binary.getPayloadLength());
                }
            }
        }, closed::complete), caller("typist"), false, bound, threads);
        NodeConsole console = new NodeConsole(TARGET, 1024, 8, Clock.systemUTC());
        Cluster cluster = new Cluster(size);
        console.connect((target, out, ended) -> cluster.attach(out));
        console.join(typist, false);
        awaitEnded(tasks); // the "joined" notice went out

        Thread first;
        Thread second;
        synchronized (console) { // the sender tasks' notices wait here, as they would behind a fan-out
            cluster.write(1);
            FakeSockets.await("the first message in the browser's send", WAIT, browser::hasQueuedThreads, tasks::toString);
            first = tasks.getLast();
            browser.release(1); // sent, the queue is empty: its notice waits for the console
            FakeSockets.await("the first task's notice to wait", WAIT, () -> first.getState() == Thread.State.BLOCKED,
                    first::getState);
            cluster.write(1); // starts a second task, which empties the queue too
            FakeSockets.await("the second message in the send", WAIT, browser::hasQueuedThreads, tasks::toString);
            second = tasks.getLast();
            browser.release(1);
            FakeSockets.await("the second task's notice to wait", WAIT,
                    () -> second.getState() == Thread.State.BLOCKED, second::getState);
            cluster.write(messages - 2); // a third task takes one, three wait (48 KB): the node is paused
            assertThat(cluster.paused()).as("paused at half the typist's queue; %s", typist).isTrue();
        }
        awaitEnded(List.of(first, second)); // both late notices were heard

        assertThat(cluster.paused()).as("the late notices left the pause alone; %s", typist).isTrue();
        assertThat(console.viewers()).as("the typist is still there").containsExactly(typist);
        assertThat(typist.toString()).contains("closed=false");
        assertThat(console.toString()).contains("driver=" + typist.id());

        browser.release(Integer.MAX_VALUE / 2); // the browser reads on: everything arrives, in order
        FakeSockets.await("every message at the typist", WAIT, () -> size(seen) == messages * size,
                () -> size(seen) + " bytes; " + typist + ", " + cluster);
        byte[] all;
        synchronized (seen) {
            all = seen.toByteArray();
        }
        for (int i = 0; i < messages; i++) {
            assertThat(all[i * size]).as("message %d in order", i).isEqualTo((byte) i);
        }
        assertThat(closed).isNotDone();
    }

    private static void awaitEnded(List<Thread> threads) throws InterruptedException {
        for (Thread thread : List.copyOf(threads)) {
            thread.join(WAIT.toMillis());
            assertThat(thread.isAlive()).as("%s still %s", thread, thread.getState()).isFalse();
        }
    }

    /**
     * A node's console as KubeVirtConsole reads it: the next message is taken only once the last was fanned out and
     * the console did not pause; a resume while one is owed takes it at once (the worst case: a fast cluster).
     */
    private static final class Cluster implements ConsoleUpstreams.Upstream {
        private final int size;
        private Consumer<byte[]> output;
        private int written;
        private int delivered;
        private boolean paused;
        private boolean pumping;

        Cluster(int size) {
            this.size = size;
        }

        ConsoleUpstreams.Upstream attach(Consumer<byte[]> output) {
            this.output = output;
            return this;
        }

        synchronized void write(int messages) {
            written += messages;
            pump();
        }

        synchronized boolean paused() {
            return paused;
        }

        private synchronized void pump() {
            if (pumping) {
                return;
            }
            pumping = true;
            try {
                while (!paused && delivered < written) {
                    byte[] message = new byte[size];
                    java.util.Arrays.fill(message, (byte) delivered++);
                    output.accept(message);
                }
            } finally {
                pumping = false;
            }
        }

        @Override
        public synchronized void pause() {
            paused = true;
        }

        @Override
        public synchronized void resume() {
            paused = false;
            pump();
        }

        @Override
        public void send(byte[] input) {
        }

        @Override
        public void close() {
        }

        @Override
        public synchronized String toString() {
            return "Cluster[written=" + written + ", delivered=" + delivered + ", paused=" + paused + "]";
        }
    }

    private NodeConsole console(int scrollback, Clock clock) {
        NodeConsole console = new NodeConsole(TARGET, scrollback, 8, clock);
        console.connect((target, out, ended) -> {
            output = out;
            return new ConsoleUpstreams.Upstream() {
                @Override
                public void send(byte[] input) {
                }

                @Override
                public void close() {
                }
            };
        });
        return console;
    }

    private static int size(ByteArrayOutputStream bytes) {
        synchronized (bytes) {
            return bytes.size();
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
