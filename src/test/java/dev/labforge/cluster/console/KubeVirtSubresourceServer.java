package dev.labforge.cluster.console;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plays KubeVirt's virt-api for the console and vnc subresources, since the fabric8 mock API server cannot serve
 * their WebSockets: the same path under {@code /apis/subresources.kubevirt.io/v1}, the {@code plain.kubevirt.io}
 * subprotocol, a bearer token checked against the service account's, binary messages. A VMI that is not running is
 * answered 503 with a Kubernetes Status body, before any upgrade; an unknown token 401. Once open, the "guest" echoes
 * each input message back (a tty with echo on), and the test can make it flood, stop reading, or close; or, for the
 * vnc subresource, it is an RFB server (the simulated screen) as QEMU's behind virt-api would be.
 */
final class KubeVirtSubresourceServer implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile(
            "^/apis/subresources\\.kubevirt\\.io/v1/namespaces/([^/]+)/virtualmachineinstances/([^/]+)/(console|vnc)$");

    /** One upgrade asked of the server, as it saw it. */
    record Request(String method, String path, String authorization, String offeredProtocols, int status) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final String token;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<ServerWebSocket> open = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Map<ServerWebSocket, String> closes = new ConcurrentHashMap<>();
    /** Each socket's own event loop: Vert.x wants a socket paused, resumed and written on that one alone. */
    private final Map<ServerWebSocket, Context> contexts = new ConcurrentHashMap<>();
    private final AtomicLong flooded = new AtomicLong();
    private volatile boolean echo = true;
    private volatile boolean reading = true;
    private volatile boolean rfb;

    KubeVirtSubresourceServer(String token) throws Exception {
        this.token = token;
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
                        .setWebSocketSubProtocols(List.of(KubeVirtConsole.SUBPROTOCOL))
                        .setMaxWebSocketFrameSize(1 << 20).setMaxWebSocketMessageSize(1 << 24))
                .requestHandler(this::handle);
        server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** The VMI {@code namespace/name} runs: its console and vnc take connections. */
    void run(String namespace, String name) {
        running.add(namespace + "/" + name);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<ServerWebSocket> sockets() {
        return List.copyOf(open);
    }

    /** Input received on every socket so far, in order. */
    byte[] received() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    /** The close frames sockets got from LabForge: code and reason. */
    Map<ServerWebSocket, String> closes() {
        return Map.copyOf(closes);
    }

    void echo(boolean on) {
        echo = on;
    }

    /** A vnc subresource opened from now on is a VNC server (the simulated one) instead of an echo. */
    void serveRfb(boolean on) {
        rfb = on;
    }

    /** Sockets opened from now on start without reading (the guest's serial line is stuck). */
    void readNew(boolean on) {
        reading = on;
    }

    /** Stops reading the socket (the guest's serial line is stuck) or reads on. */
    void reading(ServerWebSocket socket, boolean on) {
        contexts.get(socket).runOnContext(v -> {
            if (on) {
                socket.resume();
            } else {
                socket.pause();
            }
        });
    }

    /**
     * Writes {@code messages} binary messages of {@code size} bytes each, message i filled with (i % 251), only as fast
     * as the socket takes them (waiting on drain when its write queue is full): {@link #flooded()} counts the bytes
     * written so far.
     */
    void flood(ServerWebSocket socket, int messages, int size) {
        socket.setWriteQueueMaxSize(size);
        contexts.get(socket).runOnContext(v -> floodFrom(socket, 0, messages, size));
    }

    private void floodFrom(ServerWebSocket socket, int from, int messages, int size) {
        socket.drainHandler(null); // a drain handler fires on every drain: one left set would send its messages again
        for (int i = from; i < messages; i++) {
            if (socket.writeQueueFull()) {
                int next = i;
                socket.drainHandler(d -> floodFrom(socket, next, messages, size));
                return;
            }
            byte[] chunk = new byte[size];
            java.util.Arrays.fill(chunk, (byte) (i % 251));
            socket.writeBinaryMessage(Buffer.buffer(chunk));
            flooded.addAndGet(size);
        }
    }

    long flooded() {
        return flooded.get();
    }

    boolean writeQueueFull(ServerWebSocket socket) {
        return socket.writeQueueFull();
    }

    private void handle(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        String offered = request.getHeader("Sec-WebSocket-Protocol");
        Matcher path = PATH.matcher(request.path());
        int status;
        if (!path.matches()) {
            status = 404;
        } else if (!("Bearer " + token).equals(authorization)) {
            status = 401;
        } else if (!running.contains(path.group(1) + "/" + path.group(2))) {
            status = 503;
        } else {
            status = 101;
        }
        requests.add(new Request(request.method().name(), request.path(), authorization, offered, status));
        if (status != 101) {
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + status
                            + ",\"message\":\"" + (status == 503 ? "VMI is not running" : "refused") + "\"}");
            return;
        }
        request.toWebSocket().onSuccess(socket -> {
            contexts.put(socket, Vertx.currentContext());
            if (!reading) {
                socket.pause();
            }
            open.add(socket);
            SimulatedRfbServer screen = rfb && path.group(3).equals("vnc")
                    ? new SimulatedRfbServer(path.group(2), "test", out -> socket.writeBinaryMessage(Buffer.buffer(out)),
                            why -> socket.close((short) 1011, why.reason()))
                    : null;
            socket.binaryMessageHandler(bytes -> {
                synchronized (received) {
                    received.writeBytes(bytes.getBytes());
                }
                if (screen != null) {
                    screen.send(bytes.getBytes());
                } else if (echo) {
                    socket.writeBinaryMessage(bytes);
                }
            });
            socket.textMessageHandler(text -> socket.close((short) 1003, "binary messages only"));
            socket.closeHandler(v -> closes.put(socket, socket.closeStatusCode() + " " + socket.closeReason()));
        });
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
