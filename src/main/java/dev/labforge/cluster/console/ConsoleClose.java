package dev.labforge.cluster.console;

import org.springframework.web.socket.CloseStatus;

/**
 * Why LabForge closes a console, as the WebSocket close frame says it: a code in the range reserved for
 * applications (4000-4999), so a client can branch on it, and a reason a person can read.
 */
enum ConsoleClose {
    NODE_STOPPED(4001, "node stopped"),
    LAB_DESTROYED(4002, "lab destroyed"),
    PERMISSION_REVOKED(4003, "permission revoked"),
    IDLE_TIMEOUT(4004, "idle timeout"),
    TOO_SLOW(4005, "viewer too slow: output backlog exceeded its limit"),
    TOO_MANY_VIEWERS(4006, "too many viewers on this console"),
    CONSOLE_ENDED(4007, "the node's console closed"),
    FRAME_TOO_LARGE(4008, "message too large"),
    /** The cluster answered the console's upgrade with 400, 404, 409 or 503: the VMI is not there or not running. */
    NOT_RUNNING(4009, "the node's VM is not running: the cluster refused its console"),
    /** The cluster answered 401 or 403: LabForge's own service account lacks the console grant (RBAC). */
    UPSTREAM_FORBIDDEN(4010, "LabForge may not open this console on the cluster (service account RBAC)"),
    UPSTREAM_FAILED(4011, "the connection to the node's console on the cluster failed"),
    /** The node's console took no input for {@link ConsoleProperties#inputStall()}: the typist is let go. */
    INPUT_STALLED(4012, "the node's console is not taking input"),
    /** The simulated RFB server could not parse what the client sent. */
    PROTOCOL_ERROR(4014, "the VNC client sent something the simulated screen does not understand"),
    /** The user opened more consoles at once than {@link ConsoleProperties#maxSessionsPerUser()} lets them. */
    TOO_MANY_SESSIONS(4015, "you have the most consoles open that one user may; close one first"),
    /** A shared VNC screen has one pixel format for every viewer (see {@link Rfb#SHARED_FORMAT}). */
    VNC_PIXEL_FORMAT(4020, "VNC pixel format refused: a shared screen is 32-bit true colour for every viewer (noVNC's)"),
    /** A shared VNC screen uses one set of encodings for every viewer (see {@link Rfb#SHARED_ENCODINGS}). */
    VNC_ENCODINGS(4021, "the VNC client lacks an encoding a shared screen uses: CopyRect, Hextile, DesktopSize"),
    VNC_PROTOCOL(4022, "the VNC client broke RFB 3.8 (RFC 6143) or sent a message a shared screen does not relay"),
    /** The node's VNC server asked for a password, spoke another version, or sent what LabForge did not ask for. */
    VNC_UPSTREAM(4023, "the node's VNC server does not speak RFB 3.8 without a password, or sent what cannot be framed"),
    SERVICE_STOPPING(1001, "service stopping");

    private final int code;
    private final String reason;

    ConsoleClose(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    CloseStatus status() {
        return new CloseStatus(code, reason);
    }

    String reason() {
        return reason;
    }
}
