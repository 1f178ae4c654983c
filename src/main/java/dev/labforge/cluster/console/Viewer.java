package dev.labforge.cluster.console;

import dev.labforge.access.Caller;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One browser (or terminal) at a console. What it is sent waits in a queue of at most {@code maxQueued} bytes; a
 * sender task runs only while that queue has something, so an idle viewer holds no thread. A viewer whose queue
 * would overflow is too slow: {@link #offer} says so and its console closes it, rather than buffer without bound.
 */
final class Viewer {

    private final WebSocketSession session;
    private final boolean instructor;
    private final long maxQueued;
    private final Executor sender;
    private final ArrayDeque<WebSocketMessage<?>> queue = new ArrayDeque<>();
    private final Caller caller;
    /**
     * Told when the queue has emptied or fallen to a quarter after a backlog: a console paused for it may read on.
     * Only a hint: it runs after this viewer's lock is let go, so more may have been queued (and the console paused
     * again) by the time it arrives; the console asks {@link #backlogged} again before it reads on.
     */
    private volatile Runnable drained = () -> { };
    private long queued;
    private boolean sending;
    private boolean closed;
    /** A console paused for this viewer: tell it once the queue is down to a quarter of the bound. */
    private boolean lowWaterWanted;

    Viewer(WebSocketSession session, Caller caller, boolean instructor, long maxQueued, Executor sender) {
        this.session = session;
        this.caller = caller;
        this.instructor = instructor;
        this.maxQueued = maxQueued;
        this.sender = sender;
    }

    /** Its queue's state, for a failure message. */
    @Override
    public synchronized String toString() {
        return "Viewer[queued=" + queued + " bytes in " + queue.size() + ", sending=" + sending + ", closed=" + closed
                + "]";
    }

    Caller caller() {
        return caller;
    }

    /** Admin on the lab: may take the keyboard from whoever has it. */
    boolean instructor() {
        return instructor;
    }

    String id() {
        return session.getId();
    }

    void onDrained(Runnable drained) {
        this.drained = drained;
    }

    /**
     * More than half the bound waits: a console whose typist this is stops reading its node until this viewer has
     * sent all but a quarter of it ({@link #onDrained}), so that the next output is on its way while the rest goes
     * out, instead of the pipe running dry at every pause (under load each restart costs a few thread hand-offs).
     */
    synchronized boolean backlogged() {
        boolean backlogged = queued > maxQueued / 2;
        lowWaterWanted |= backlogged;
        return backlogged;
    }

    /** Queues a message; false when that would pass the bound (the viewer is too slow and must go). */
    synchronized boolean offer(WebSocketMessage<?> message) {
        if (closed) {
            return true;
        }
        if (queued + message.getPayloadLength() > maxQueued) {
            return false;
        }
        enqueue(message);
        return true;
    }

    /**
     * Queues output for the viewer that drives. Its console stops reading the node once half the bound waits
     * ({@link #backlogged}), so what still arrives is the one message that was in flight: it is taken even past the
     * bound, since a typist's slowness holds the node back and never costs them the console. False only while more
     * than the bound already waits, which an upstream that honours a pause never lets happen.
     */
    synchronized boolean offerDriving(WebSocketMessage<?> message) {
        if (closed) {
            return true;
        }
        if (queued > maxQueued) {
            return false;
        }
        enqueue(message);
        return true;
    }

    private void enqueue(WebSocketMessage<?> message) {
        queue.add(message);
        queued += message.getPayloadLength();
        if (!sending) {
            sending = true;
            sender.execute(this::send);
        }
    }

    private void send() {
        while (true) {
            WebSocketMessage<?> next;
            synchronized (this) {
                next = closed ? null : queue.poll();
                if (next == null) {
                    sending = false;
                }
            }
            if (next == null) {
                drained.run();
                return;
            }
            boolean lowWater;
            synchronized (this) {
                queued -= next.getPayloadLength();
                lowWater = lowWaterWanted && queued <= maxQueued / 4;
                lowWaterWanted &= !lowWater;
            }
            if (lowWater) {
                drained.run();
            }
            try {
                session.sendMessage(next); // blocks this task only while the socket cannot take more
            } catch (IOException | RuntimeException gone) { // the client left, or a close overtook the send
                synchronized (this) {
                    closed = true;
                    queue.clear();
                    sending = false;
                }
                return;
            }
        }
    }

    /**
     * Closes the socket with the reason; what was still queued for it is dropped. The close frame is sent by a task
     * of its own: behind a send stuck on a slow client it may wait, and whoever closes (a console fanning out
     * output, the access check) must not.
     */
    void close(ConsoleClose why) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        sender.execute(() -> {
            try {
                session.close(why.status());
            } catch (IOException | RuntimeException alreadyGone) {
                // nothing left to tell
            }
        });
    }
}
