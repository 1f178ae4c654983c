/**
 * Consoles: a node's serial console and VNC screen over WebSocket, for users with {@code operate} on its lab.
 *
 * <p>A browser cannot send {@code Authorization} on a WebSocket, so a bearer token buys a short-lived,
 * single-use {@link dev.labforge.cluster.console.ConsoleTickets ticket} (kept hashed in PostgreSQL, so any
 * replica redeems it) and the ticket opens the socket. Each node has at most one upstream connection
 * (KubeVirt's consoles take one client at a time), fanned out to every viewer with a bounded scrollback
 * ({@link dev.labforge.cluster.console.NodeConsole}); a VNC screen is shared too, LabForge holding the RFB
 * conversation once with the node and once with each viewer ({@link dev.labforge.cluster.console.SharedScreen}).
 * Where the upstream comes from is a {@link dev.labforge.cluster.console.ConsoleUpstreams}: KubeVirt's console and
 * vnc subresources on a real cluster, dialled with LabForge's own credentials; a simulated router shell and a
 * simulated RFB screen on the simulated cluster.
 *
 * <p>Labs and access are read through their public faces; this package knows nothing of the reconciler.
 */
package dev.labforge.cluster.console;
