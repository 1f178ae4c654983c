package dev.labforge.cluster.console;

import dev.labforge.api.ProblemType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The consoles' meters: consoles open on this replica and their viewers, by kind (gauges, read from the open consoles
 * when scraped), and sockets opened or refused, by kind and reason (counters). A refusal before the upgrade is named by
 * its problem type's slug ({@code unauthenticated}, {@code forbidden}, {@code conflict} ...), one at the join by why the
 * socket was closed ({@code too-many-viewers}, {@code vnc-in-use}): a few dozen values at most, whatever the traffic.
 *
 * <p>Consoles live in the replica that holds their upstream connection: sum the gauges over replicas.
 */
@Component
class ConsoleMeters {

    /** Consoles open and their viewers, of one kind. */
    record Open(int consoles, int viewers) {
        Open plus(Open other) {
            return new Open(consoles + other.consoles, viewers + other.viewers);
        }
    }

    /** The refusals a handshake meets most, registered at zero so that the series exist before the first. */
    private static final ProblemType[] USUAL = {ProblemType.UNAUTHENTICATED, ProblemType.FORBIDDEN,
        ProblemType.NOT_FOUND, ProblemType.CONFLICT};

    private final MeterRegistry registry;

    ConsoleMeters(MeterRegistry registry, NodeConsoles consoles) {
        this.registry = registry;
        for (ConsoleKind kind : ConsoleKind.values()) {
            Gauge.builder("labforge.console.sessions", consoles, c -> open(c, kind).consoles()).strongReference(true)
                    .description("Consoles open on this replica (one upstream connection each)")
                    .tag("kind", kind.label()).register(registry);
            Gauge.builder("labforge.console.viewers", consoles, c -> open(c, kind).viewers()).strongReference(true)
                    .description("Sockets watching or typing into those consoles").tag("kind", kind.label())
                    .register(registry);
            opened(kind, 0);
            for (ProblemType usual : USUAL) {
                refused(kind, usual.slug(), 0);
            }
            refused(kind, joinRefusal(kind, false), 0);
        }
    }

    /** A viewer's socket opened and joined its console. */
    void opened(ConsoleKind kind) {
        opened(kind, 1);
    }

    /** The handshake refused the socket with this problem. */
    void refused(ConsoleKind kind, ProblemType problem) {
        refused(kind, problem.slug(), 1);
    }

    /** The socket opened but its console took no more viewers (or had just ended). */
    void refusedAtJoin(ConsoleKind kind, boolean consoleEnded) {
        refused(kind, joinRefusal(kind, consoleEnded), 1);
    }

    private void opened(ConsoleKind kind, int count) {
        Counter.builder("labforge.console.opened").description("Console sockets opened and joined to their console")
                .tag("kind", kind.label()).register(registry).increment(count);
    }

    private void refused(ConsoleKind kind, String reason, int count) {
        Counter.builder("labforge.console.refused").description("Console sockets refused, by reason")
                .tag("kind", kind.label()).tag("reason", reason).register(registry).increment(count);
    }

    /** As {@link NodeConsole#join} closes a viewer it does not take. */
    private static String joinRefusal(ConsoleKind kind, boolean consoleEnded) {
        ConsoleClose why = consoleEnded ? ConsoleClose.CONSOLE_ENDED
                : ConsoleClose.TOO_MANY_VIEWERS;
        return why.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static Open open(NodeConsoles consoles, ConsoleKind kind) {
        Map<ConsoleKind, Open> open = consoles.openByKind();
        return open.getOrDefault(kind, new Open(0, 0));
    }
}
