package dev.labforge.cluster.console;

import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A node's console on a real cluster: KubeVirt's {@code console} or {@code vnc} subresource of the node's VMI, dialled
 * as a WebSocket with LabForge's own credentials (the fabric8 client's token, client certificate or exec plugin;
 * never a viewer's), offering the {@value #SUBPROTOCOL} subprotocol. Bytes are relayed unchanged, in binary messages.
 *
 * <p>Flow control both ways. Out: the next message from the cluster is asked for only once the previous one has been
 * handed to the viewers and the console has not {@linkplain #pause paused} (its typist's send queue is full), so a
 * slow browser stops LabForge reading the cluster instead of making it buffer. In: {@link #awaitCapacity} holds the
 * typist's socket (the container reads no more from it) while more than {@code maxQueued} bytes wait to go out.
 */
final class KubeVirtConsole implements ConsoleUpstreams.Upstream, WebSocket.Listener {

    static final String SUBPROTOCOL = "plain.kubevirt.io";
    static final String GROUP_VERSION = "subresources.kubevirt.io/v1";

    private final Consumer<byte[]> output;
    private final ConsoleUpstreams.Ended ended;
    private final long maxQueued;
    /** Input typed before the socket opened: at most maxQueued bytes, sent on open. */
    private final ByteArrayOutputStream early = new ByteArrayOutputStream();
    private WebSocket socket;
    private boolean paused;
    private boolean owed;
    private boolean closed;

    private KubeVirtConsole(Consumer<byte[]> output, ConsoleUpstreams.Ended ended, long maxQueued) {
        this.output = output;
        this.ended = ended;
        this.maxQueued = maxQueued;
    }

    /** The subresource's WebSocket address under the API server's URL (KubeVirt's virt-api is an aggregated API). */
    static URI uri(String masterUrl, String namespace, String vmi, ConsoleKind kind) {
        String base = masterUrl.endsWith("/") ? masterUrl : masterUrl + "/";
        return WebSocket.toWebSocketUri(URI.create(base + "apis/" + GROUP_VERSION + "/namespaces/" + namespace
                + "/virtualmachineinstances/" + vmi + "/" + (kind == ConsoleKind.SERIAL ? "console" : "vnc")));
    }

    /**
     * The client consoles are dialled with: the cluster client's (same credentials, TLS and connections) without
     * its retries. fabric8 retries an upgrade answered 503 with backoff for about 20 s; KubeVirt answers so (or 400,
     * 404, 409) when the VMI does not run, and a viewer should hear that at once, not after the retries.
     */
    static HttpClient dialler(HttpClient cluster) {
        return cluster.newBuilder().tag(new RequestConfigBuilder().withRequestRetryBackoffLimit(0)
                .withRequestRetryBackoffInterval(0).build()).build();
    }

    /** Starts dialling; output and the end arrive at the callbacks. Never blocks. */
    static KubeVirtConsole open(HttpClient http, URI uri, Consumer<byte[]> output, ConsoleUpstreams.Ended ended,
                                long maxQueued) {
        KubeVirtConsole console = new KubeVirtConsole(output, ended, maxQueued);
        // no timeout on the builder: fabric8's Vert.x client makes it the socket's idle timeout, which would cut a
        // console nobody typed into or read from for that long (the TCP connect keeps the client's connect timeout)
        http.newWebSocketBuilder().uri(uri).subprotocol(SUBPROTOCOL)
                .buildAsync(console)
                .whenComplete((socket, failure) -> {
                    if (failure != null) {
                        console.refused(failure);
                    }
                });
        return console;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        byte[] pending;
        synchronized (this) {
            socket = webSocket;
            if (closed) {
                webSocket.sendClose(1000, "no viewer left");
                return;
            }
            pending = early.toByteArray();
            early.reset();
        }
        if (pending.length > 0) {
            webSocket.send(ByteBuffer.wrap(pending));
        }
        webSocket.request();
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        relay(webSocket, copy);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) { // KubeVirt sends binary; a text message is bytes too
        relay(webSocket, text.getBytes(StandardCharsets.UTF_8));
    }

    private void relay(WebSocket webSocket, byte[] bytes) {
        output.accept(bytes); // the console may pause us from inside this call
        synchronized (this) {
            if (closed) {
                return;
            }
            if (paused) {
                owed = true;
                return;
            }
        }
        webSocket.request();
    }

    @Override
    public void onClose(WebSocket webSocket, int code, String reason) {
        end(ConsoleClose.CONSOLE_ENDED);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        end(ConsoleClose.UPSTREAM_FAILED);
    }

    /** The upgrade failed: the cluster's status says why, in the terms a viewer reads. */
    private void refused(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        end(cause instanceof WebSocketHandshakeException handshake ? closeFor(handshake.getResponse().code())
                : ConsoleClose.UPSTREAM_FAILED);
    }

    static ConsoleClose closeFor(int status) {
        return switch (status) {
            // 400 not running, 404 no such VMI, 409 failed (KubeVirt's rest/console.go); 503 while virt-api or the
            // VMI's handler is not there to serve it
            case 400, 404, 409, 503 -> ConsoleClose.NOT_RUNNING;
            case 401, 403 -> ConsoleClose.UPSTREAM_FORBIDDEN;
            default -> ConsoleClose.UPSTREAM_FAILED;
        };
    }

    private void end(ConsoleClose why) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        ended.ended(why);
    }

    @Override
    public void send(byte[] input) {
        WebSocket open;
        synchronized (this) {
            if (closed) {
                return;
            }
            if (socket == null) {
                early.writeBytes(input);
                return;
            }
            open = socket;
        }
        open.send(ByteBuffer.wrap(input));
    }

    @Override
    public boolean awaitCapacity(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (queued() > maxQueued) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        return true;
    }

    /** Input not yet written to the cluster's socket (0 once closed: nothing more will go). */
    synchronized long queued() {
        if (closed) {
            return 0;
        }
        return socket == null ? early.size() : socket.queueSize();
    }

    /** Its flow-control state, for a failure message. */
    @Override
    public synchronized String toString() {
        return "KubeVirtConsole[paused=" + paused + ", owed=" + owed + ", closed=" + closed + "]";
    }

    @Override
    public synchronized void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        WebSocket open;
        synchronized (this) {
            paused = false;
            if (!owed || closed) {
                return;
            }
            owed = false;
            open = socket;
        }
        open.request();
    }

    @Override
    public void close() {
        WebSocket open;
        synchronized (this) {
            if (closed && socket == null) {
                return;
            }
            closed = true;
            open = socket;
        }
        if (open != null) {
            open.sendClose(1000, "no viewer left");
        }
    }
}
