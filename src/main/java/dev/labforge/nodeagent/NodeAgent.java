package dev.labforge.nodeagent;

import ch.qos.logback.classic.Level;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;

/**
 * The node agent's entry point (in the service's image: {@code java --enable-native-access=ALL-UNNAMED -cp
 * @/app/jib-classpath-file dev.labforge.nodeagent.NodeAgent}, as the chart runs it): every {@code LABFORGE_AGENT_INTERVAL} it lists the NADs and the node's bridges
 * and removes LabForge's orphaned ones. Settings come from the environment:
 * <ul>
 * <li>{@code LABFORGE_AGENT_INTERVAL} between sweeps (default 1m);
 * <li>{@code LABFORGE_AGENT_GRACE} how long a bridge must look orphaned before it goes (default 5m);
 * <li>{@code LABFORGE_AGENT_DRY_RUN} {@code true}: only log what would be removed.
 * </ul>
 */
public final class NodeAgent {

    private static final Logger log = LoggerFactory.getLogger(NodeAgent.class);

    private final KubernetesClient client;
    private final HostLinks links;
    private final BridgeSweep sweep;
    private final boolean dryRun;

    NodeAgent(KubernetesClient client, HostLinks links, BridgeSweep sweep, boolean dryRun) {
        this.client = client;
        this.links = links;
        this.sweep = sweep;
        this.dryRun = dryRun;
    }

    /**
     * One sweep: the NADs first, then the bridges, so that a bridge created in between is judged against a list that
     * may predate its NAD, which the grace period covers, and never the other way round.
     *
     * @return the bridges removed (in a dry run: those that would have been)
     */
    List<String> sweep() {
        Set<String> referenced = NadBridges.referenced(client);
        List<BridgeSweep.Decision> decisions = sweep.decide(referenced, links.bridges());
        List<String> orphans = decisions.stream().filter(d -> d.verdict() == BridgeSweep.Verdict.ORPHAN)
                .map(BridgeSweep.Decision::bridge).toList();
        for (String bridge : orphans) {
            if (dryRun) {
                log.info("dry run: would remove bridge {} (no NAD refers to it)", bridge);
                continue;
            }
            try {
                links.delete(bridge);
                log.info("removed bridge {}: no NAD refers to it", bridge);
            } catch (IllegalStateException e) { // gone meanwhile, or in use again: the next sweep looks again
                log.warn("could not remove bridge {}: {}", bridge, e.getMessage());
            }
        }
        long waiting = decisions.stream().filter(d -> d.verdict() == BridgeSweep.Verdict.WAITING).count();
        if (waiting > 0) {
            log.info("{} orphaned bridge(s) within the grace period", waiting);
        }
        return orphans;
    }

    public static void main(String[] args) throws InterruptedException {
        // no Spring here, so none of its logging defaults: Logback's own would log every HTTP exchange
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        Duration interval = duration("LABFORGE_AGENT_INTERVAL", "1m");
        Duration grace = duration("LABFORGE_AGENT_GRACE", "5m");
        boolean dryRun = Boolean.parseBoolean(System.getenv().getOrDefault("LABFORGE_AGENT_DRY_RUN", "false"));
        // the host's links: the pod runs on the host network, so this thread's network namespace is the node's
        try (NetlinkLinks links = NetlinkLinks.open();
             KubernetesClient client = new KubernetesClientBuilder().build()) {
            log.info("LabForge node agent: {} bridge(s) on this node (rtnetlink); sweeping every {}, grace {}{}",
                    links.bridges().size(), interval, grace, dryRun ? ", DRY RUN (nothing is removed)" : "");
            NodeAgent agent = new NodeAgent(client, links, new BridgeSweep(grace, Clock.systemUTC()), dryRun);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    agent.sweep();
                } catch (RuntimeException e) { // the API server away for a moment: the next sweep retries
                    log.warn("sweep failed: {}", e.toString());
                }
                Thread.sleep(interval.toMillis());
            }
        }
    }

    private static Duration duration(String variable, String fallback) {
        return DurationStyle.detectAndParse(System.getenv().getOrDefault(variable, fallback));
    }
}
