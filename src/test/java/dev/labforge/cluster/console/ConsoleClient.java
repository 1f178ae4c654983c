package dev.labforge.cluster.console;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A console viewer for tests: the JDK's WebSocket client against the running service, recording all it gets. */
final class ConsoleClient implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Closed(int code, String reason) {
    }

    /** A refused upgrade: the HTTP status. */
    static final class Refused extends Exception {
        final int status;

        Refused(int status) {
            super("upgrade refused with " + status);
            this.status = status;
        }
    }

    private final StringBuilder output = new StringBuilder();
    private final List<String> notices = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private WebSocket socket;

    static ConsoleClient open(int port, String pathAndQuery) throws Refused {
        return open(HTTP, port, pathAndQuery);
    }

    /** Opens it with the given client (its executor runs every socket's callbacks). */
    static ConsoleClient open(HttpClient http, int port, String pathAndQuery) throws Refused {
        ConsoleClient client = new ConsoleClient();
        try {
            client.socket = http.newWebSocketBuilder().connectTimeout(WAIT)
                    .buildAsync(URI.create("ws://localhost:" + port + pathAndQuery), client)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return client;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new Refused(refused.getResponse().statusCode());
            }
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void type(String keys) {
        socket.sendBinary(ByteBuffer.wrap(keys.getBytes(StandardCharsets.UTF_8)), true).join();
    }

    void sendText(String message) {
        socket.sendText(message, true).join();
    }

    /** Waits until the console's output (everything received so far) satisfies the condition; returns it. */
    String awaitOutput(Predicate<String> condition, String what) {
        return await(() -> output.toString(), condition, what);
    }

    String awaitOutput(String contains) {
        return awaitOutput(o -> o.contains(contains), "output containing \"" + contains + "\"");
    }

    String awaitNotice(String contains) {
        return await(() -> String.join("\n", notices), n -> n.contains(contains), "a notice with " + contains);
    }

    synchronized String output() {
        return output.toString();
    }

    synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    Closed awaitClose() {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the console did not close within " + WAIT.toSeconds() + " s; output: "
                    + output(), e);
        }
    }

    Closed awaitClose(Duration within) {
        try {
            return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the console did not close within " + within.toMillis() + " ms", e);
        }
    }

    boolean isClosed() {
        return closed.isDone();
    }

    private synchronized String await(java.util.function.Supplier<String> seen, Predicate<String> condition,
                                      String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(seen.get())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("gave up after " + WAIT.toSeconds() + " s waiting for " + what
                        + "; output so far:\n" + output + "\nnotices: " + notices + "\nclosed: " + closed.getNow(null));
            }
            try {
                wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return seen.get();
    }

    @Override
    public synchronized CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        output.append(new String(bytes, StandardCharsets.UTF_8));
        notifyAll();
        webSocket.request(1);
        return null;
    }

    @Override
    public synchronized CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            notices.add(text.toString());
            text.setLength(0);
        }
        notifyAll();
        webSocket.request(1);
        return null;
    }

    @Override
    public synchronized CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        notifyAll();
        return null;
    }

    @Override
    public synchronized void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
        notifyAll();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
