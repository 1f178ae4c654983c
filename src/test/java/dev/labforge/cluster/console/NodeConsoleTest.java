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
import java.util.UUID;
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
