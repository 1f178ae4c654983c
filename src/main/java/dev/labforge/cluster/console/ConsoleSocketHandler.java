package dev.labforge.cluster.console;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

/**
 * A viewer's socket, once {@link ConsoleHandshake} let it open. The container calls this only when a message
 * arrives (no thread waits on an idle socket). Binary messages are console input; so are text messages (what
 * {@code wscat} or {@code wsdump} send for a typed line), except the one control message
 * {@value #TAKE_OVER}, by which an instructor takes the keyboard, and {@value #GIVE_BACK}, by which the driver
 * hands it back (to whom they took it from, if still there). Those line-at-a-time clients send a line without
 * its end, so a socket opened with {@code &lines=true} gets the Enter (CR) a terminal would send after each text
 * message, and its output as text ({@link LineSession}); xterm.js sends keystrokes as text, Enter included, and
 * opens without it.
 */
@Component
class ConsoleSocketHandler extends AbstractWebSocketHandler {

    static final String TAKE_OVER = "{\"console\":\"take-over\"}";
    static final String GIVE_BACK = "{\"console\":\"give-back\"}";
    private static final String VIEWER = ConsoleSocketHandler.class.getName() + ".viewer";
    private static final String CONSOLE = ConsoleSocketHandler.class.getName() + ".console";

    private static final String OPENED = ConsoleSocketHandler.class.getName() + ".opened";
    /** The socket's row in {@link ConsoleSessions}, once it counts against its user: released on close. */
    private static final String COUNTED = ConsoleSocketHandler.class.getName() + ".counted";

    private final NodeConsoles consoles;
    private final ConsoleProperties properties;
    private final ScreenProperties screens;
    private final ConsoleAudit audit;
    private final ConsoleSessions sessions;
    private final ConsoleMeters meters;

    ConsoleSocketHandler(NodeConsoles consoles, ConsoleProperties properties, ScreenProperties screens,
                         ConsoleAudit audit, ConsoleSessions sessions, ConsoleMeters meters) {
        this.sessions = sessions;
        this.meters = meters;
        this.consoles = consoles;
        this.properties = properties;
        this.screens = screens;
        this.audit = audit;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        ConsoleTarget target = (ConsoleTarget) session.getAttributes().get(ConsoleHandshake.TARGET);
        ConsoleAccess.Admitted admitted = (ConsoleAccess.Admitted) session.getAttributes().get(ConsoleHandshake.ADMITTED);
        boolean lines = target.kind() == ConsoleKind.SERIAL
                && Boolean.TRUE.equals(session.getAttributes().get(ConsoleHandshake.LINES));
        Viewer viewer = new Viewer(lines ? new LineSession(session) : session, admitted.caller(), admitted.instructor(),
                (target.kind() == ConsoleKind.VNC ? screens.viewerBuffer() : properties.viewerBuffer()).toBytes(),
                consoles.sender());
        session.getAttributes().put(VIEWER, viewer);
        Optional<UUID> counted = sessions.acquire(admitted.caller().userId());
        if (counted.isEmpty()) { // another of theirs opened since the handshake, here or at another replica
            viewer.close(ConsoleClose.TOO_MANY_SESSIONS);
            return;
        }
        session.getAttributes().put(COUNTED, counted.get());
        session.getAttributes().put(OPENED, audit.opened(admitted.caller(), target));
        session.getAttributes().put(CONSOLE, consoles.join(target, viewer,
                (Boolean) session.getAttributes().get(ConsoleHandshake.TAKE)));
        SharedConsole joined = console(session);
        if (joined.viewers().contains(viewer)) {
            meters.opened(target.kind());
        } else {
            meters.refusedAtJoin(target.kind(), joined.ended());
        }
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        ByteBuffer payload = message.getPayload();
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        input(session, bytes);
    }

    /** Passes input on; a console that takes none for too long lets the typist go, with the reason. */
    private void input(WebSocketSession session, byte[] bytes) {
        SharedConsole console = console(session);
        Viewer viewer = viewer(session);
        if (console == null) { // refused when it opened, and closing
            return;
        }
        if (!console.input(viewer, bytes)) {
            consoles.leave(console, viewer);
            viewer.close(ConsoleClose.INPUT_STALLED);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        String payload = message.getPayload().trim();
        if (TAKE_OVER.equals(payload)) {
            if (console(session) != null) {
                console(session).takeOver(viewer(session));
            }
        } else if (GIVE_BACK.equals(payload)) {
            if (console(session) != null) {
                console(session).giveBack(viewer(session));
            }
        } else {
            String typed = message.getPayload();
            if (Boolean.TRUE.equals(session.getAttributes().get(ConsoleHandshake.LINES))) {
                typed += "\r";
            }
            input(session, typed.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().remove(COUNTED) instanceof UUID counted) {
            sessions.release(counted);
        }
        SharedConsole console = console(session);
        if (console != null) {
            consoles.leave(console, viewer(session));
        }
        java.time.Instant opened = (java.time.Instant) session.getAttributes().get(OPENED);
        if (opened != null) {
            audit.closed(viewer(session).caller(), (ConsoleTarget) session.getAttributes().get(ConsoleHandshake.TARGET),
                    opened, status.getCode(), status.getReason());
        }
    }

    @Override
    public boolean supportsPartialMessages() {
        return false;
    }

    private static SharedConsole console(WebSocketSession session) {
        return (SharedConsole) session.getAttributes().get(CONSOLE);
    }

    private static Viewer viewer(WebSocketSession session) {
        return (Viewer) session.getAttributes().get(VIEWER);
    }
}
