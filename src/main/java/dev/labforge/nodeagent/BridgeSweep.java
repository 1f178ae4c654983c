package dev.labforge.nodeagent;

import dev.labforge.cluster.multus.BridgeNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which host bridges are orphans: named as LabForge names bridges, referred to by no NAD, without ports, and
 * so since at least {@code grace} ago. The grace period covers a NAD list older than the bridge (an informer's or a
 * list's lag behind a lab being deployed) and a bridge whose pod is still going. What it remembers lives only in
 * memory: a restarted agent waits the grace period again, which only delays a removal.
 */
final class BridgeSweep {

    enum Verdict {
        /** Not named as LabForge names bridges: never touched. */
        NOT_LABFORGE,
        /** A NAD refers to it. */
        REFERENCED,
        /** Ports are attached: a pod still uses it. */
        IN_USE,
        /** An orphan seen for less than the grace period. */
        WAITING,
        /** An orphan past the grace period: to be removed. */
        ORPHAN
    }

    record Decision(String bridge, Verdict verdict) {
    }

    private final Duration grace;
    private final Clock clock;
    /** Since when each bridge has looked orphaned, without a break. */
    private final Map<String, Instant> orphanSince = new HashMap<>();

    BridgeSweep(Duration grace, Clock clock) {
        this.grace = grace;
        this.clock = clock;
    }

    List<Decision> decide(Set<String> referenced, List<HostBridge> bridges) {
        Instant now = clock.instant();
        List<Decision> decisions = new ArrayList<>();
        Map<String, Instant> stillOrphaned = new HashMap<>();
        for (HostBridge bridge : bridges) {
            Verdict verdict;
            if (!BridgeNames.isLabForge(bridge.name())) {
                verdict = Verdict.NOT_LABFORGE;
            } else if (referenced.contains(bridge.name())) {
                verdict = Verdict.REFERENCED;
            } else if (bridge.ports() > 0) {
                verdict = Verdict.IN_USE;
            } else {
                Instant since = orphanSince.getOrDefault(bridge.name(), now);
                stillOrphaned.put(bridge.name(), since);
                verdict = Duration.between(since, now).compareTo(grace) >= 0 ? Verdict.ORPHAN : Verdict.WAITING;
            }
            decisions.add(new Decision(bridge.name(), verdict));
        }
        // a bridge referenced again, in use again or gone starts over
        orphanSince.clear();
        orphanSince.putAll(stillOrphaned);
        return decisions;
    }
}
