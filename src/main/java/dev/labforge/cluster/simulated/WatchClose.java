package dev.labforge.cluster.simulated;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * A watch of the mock API whose end is handled off the web server's event loop. The mock (fabric8 8.0.0,
 * WatchEventsListener) ends a watch in its socket's end handler, on the Vert.x event loop, by shutting down the
 * watch's sending thread and waiting for it (up to a minute); a send on that thread waits (up to 30 s,
 * VertxMockWebSocket.awaitWrite) for its write, which only that event loop completes.
 */
final class WatchClose extends WebSocketListener {

    private final WebSocketListener watch;

    private WatchClose(WebSocketListener watch) {
        this.watch = watch;
    }

    static WebSocketListener offTheEventLoop(WebSocketListener watch) {
        return watch == null ? null : new WatchClose(watch);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        Thread.ofVirtual().name("simulated-watch-close").start(() -> watch.onClosed(webSocket, code, reason));
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        Thread.ofVirtual().name("simulated-watch-close").start(() -> watch.onFailure(webSocket, t, response));
    }

    @Override
    public void onBeforeAccept(WebSocket webSocket, Response response) {
        watch.onBeforeAccept(webSocket, response);
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        watch.onOpen(webSocket, response);
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        watch.onMessage(webSocket, text);
    }

    @Override
    public void onMessage(WebSocket webSocket, ByteString bytes) {
        watch.onMessage(webSocket, bytes);
    }

    @Override
    public void onMessage(WebSocket webSocket, byte[] bytes) {
        watch.onMessage(webSocket, bytes);
    }

    @Override
    public void onPing(WebSocket webSocket, byte[] bytes) {
        watch.onPing(webSocket, bytes);
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        watch.onClosing(webSocket, code, reason);
    }
}
