package dev.labforge.cluster.console;

import dev.labforge.access.Caller;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/** Viewer sockets without a server, and a bounded wait: what the console unit tests share. */
final class FakeSockets {

    private FakeSockets() {
    }

    /** A viewer's socket: what it is sent goes to {@code sent}, its close to {@code closed}; nothing else works. */
    static WebSocketSession session(Consumer<WebSocketMessage<?>> sent, Consumer<CloseStatus> closed) {
        String id = UUID.randomUUID().toString();
        return (WebSocketSession) Proxy.newProxyInstance(WebSocketSession.class.getClassLoader(),
                new Class<?>[] {WebSocketSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendMessage" -> {
                        sent.accept((WebSocketMessage<?>) args[0]);
                        yield null;
                    }
                    case "close" -> {
                        closed.accept(args == null ? CloseStatus.NORMAL : (CloseStatus) args[0]);
                        yield null;
                    }
                    case "getId", "toString" -> id;
                    case "isOpen" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static Caller caller(String name) {
        return new Caller(UUID.randomUUID(), name, false, "token:" + UUID.randomUUID(), null);
    }

    /** Waits at most {@code timeout} for the condition; fails saying what was seen. */
    static void await(String what, Duration timeout, BooleanSupplier done, Supplier<?> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what + "; "
                        + seen.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
