package dev.labforge.cluster.console;

import java.util.UUID;

/** One console: what a ticket is bound to, and what one upstream connection serves. */
record ConsoleTarget(UUID lab, String node, ConsoleKind kind) {

    /** The WebSocket path that opens it. */
    String path() {
        return "/api/v1/labs/" + lab + "/nodes/" + node + "/" + (kind == ConsoleKind.SERIAL ? "console" : "vnc");
    }
}
