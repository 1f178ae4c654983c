package dev.labforge.cluster.console;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabDefinitions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Audit entries for consoles: {@code console.open} when a viewer's socket opens and {@code console.close} when it
 * closes, with the node, the kind, the viewer's role and how long it was open (by the {@link Clock}), so an
 * instructor or operator can see who was at which router's console and for how long.
 */
@Component
class ConsoleAudit {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAudit.class);

    private final AuditLog audit;
    private final LabDefinitions labs;
    private final Clock clock;

    ConsoleAudit(AuditLog audit, LabDefinitions labs, ObjectProvider<Clock> clock) {
        this.audit = audit;
        this.labs = labs;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Records the open; returns when it happened, to measure the close from. */
    Instant opened(Caller viewer, ConsoleTarget target) {
        Instant now = clock.instant();
        record(viewer, "console.open", target, Map.of("node", target.node(), "kind", target.kind().label()));
        return now;
    }

    void closed(Caller viewer, ConsoleTarget target, Instant openedAt, int code, String reason) {
        Duration open = Duration.between(openedAt, clock.instant());
        record(viewer, "console.close", target, Map.of("node", target.node(), "kind", target.kind().label(),
                "durationSeconds", open.toMillis() / 1000.0, "closeCode", code,
                "closeReason", reason == null ? "" : reason));
    }

    private void record(Caller viewer, String action, ConsoleTarget target, Map<String, ?> detail) {
        try {
            String name = labs.find(target.lab()).map(LabDefinition::name).orElse(null);
            audit.record(viewer, action, AuditLog.Target.lab(target.lab(), name), detail);
        } catch (RuntimeException e) { // the database away: the console itself goes on
            log.warn("could not record {} for {}: {}", action, target, e.toString());
        }
    }
}
