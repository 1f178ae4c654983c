package dev.labforge.cluster.console;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Event;
import jdk.jfr.Name;
import jdk.jfr.consumer.RecordingStream;

/**
 * Virtual threads started and not yet ended since it opened, counted from JFR's own events in this JVM.
 *
 * <p>Why not a thread dump ({@code HotSpotDiagnosticMXBean.dumpThreads}), which is what counted them before: with
 * a thousand virtual threads coming and going, taking one crashed the test JVM (Temurin 25.0.3+9, SIGSEGV in
 * {@code Continuation::is_continuation_entry_frame} under {@code JVM_CreateThreadSnapshot}), ending the whole run.
 *
 * <p>Threads are told apart by id, so that one that started before the count opened and ends after it is not
 * counted at all (it would otherwise cancel out one started after).
 *
 * <p>JFR hands events over in batches, so {@link #live()} first commits a marker event and waits until the stream
 * has delivered it: events are delivered in time order, so every start and end before the marker has been counted.
 */
final class VirtualThreadCount implements AutoCloseable {

    @Name("dev.labforge.test.CountMarker")
    static final class Marker extends Event {
        long serial;
    }

    private final RecordingStream stream = new RecordingStream();
    /** Ids of the virtual threads seen starting and not yet ending: a thread older than the count is never in it. */
    private final Set<Long> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger markerSerial = new AtomicInteger();
    private volatile CountDownLatch awaited = new CountDownLatch(1);
    private volatile long awaitedSerial;

    VirtualThreadCount() {
        stream.setOrdered(true);
        stream.enable("jdk.VirtualThreadStart");
        stream.enable("jdk.VirtualThreadEnd");
        stream.enable(Marker.class);
        stream.onEvent("jdk.VirtualThreadStart", event -> live.add(event.getLong("javaThreadId")));
        stream.onEvent("jdk.VirtualThreadEnd", event -> live.remove(event.getLong("javaThreadId")));
        stream.onEvent("dev.labforge.test.CountMarker", event -> {
            if (event.getLong("serial") == awaitedSerial) {
                awaited.countDown();
            }
        });
        stream.startAsync();
    }

    /** Virtual threads started since this count opened that have not ended, as of now. */
    synchronized int live() throws InterruptedException {
        return liveIds().size();
    }

    /** The ids of the virtual threads started since this count opened that have not ended, as of now. */
    synchronized Set<Long> liveIds() throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(1);
        awaited = delivered;
        awaitedSerial = markerSerial.incrementAndGet();
        // the stream may still be starting: mark again until one marker comes through
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Marker marker = new Marker();
            marker.serial = awaitedSerial;
            marker.commit();
            if (delivered.await(2, TimeUnit.SECONDS)) {
                return Set.copyOf(live);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("JFR delivered no marker event within 60 s");
            }
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
