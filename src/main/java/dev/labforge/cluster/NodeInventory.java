package dev.labforge.cluster;

import dev.labforge.lab.ClusterNodes;
import dev.labforge.lab.NodesChanged;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The cluster's Nodes as one watch sees them (an informer: no list per question), and a {@link NodesChanged}
 * for every change, so that capacity derived from them follows the cluster. Needs {@code list} and
 * {@code watch} on nodes (the Helm chart's ClusterRole); without them it logs once and answers from nothing.
 */
@Component
public class NodeInventory implements ClusterNodes, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeInventory.class);
    /** A full resync repeats every Node to the handler: an hour bounds how long a missed event can matter. */
    private static final long RESYNC_MILLIS = 3_600_000;

    private final ClusterConnection cluster;
    private final ApplicationEventPublisher events;
    private volatile SharedIndexInformer<Node> informer;

    public NodeInventory(ClusterConnection cluster, ApplicationEventPublisher events) {
        this.cluster = cluster;
        this.events = events;
    }

    @Override
    public Allocatable allocatable(Map<String, String> selector) {
        SharedIndexInformer<Node> watching = informer;
        List<Node> nodes = watching != null ? watching.getStore().list() : List.of();
        long millicores = 0;
        long bytes = 0;
        long pods = 0;
        int matched = 0;
        for (Node node : nodes) {
            Map<String, String> labels = Objects.requireNonNullElse(node.getMetadata().getLabels(), Map.of());
            if (!labels.entrySet().containsAll(selector.entrySet()) || node.getStatus() == null
                    || node.getStatus().getAllocatable() == null) {
                continue;
            }
            Map<String, Quantity> allocatable = node.getStatus().getAllocatable();
            millicores += amount(allocatable.get("cpu")).movePointRight(3).longValue();
            bytes += amount(allocatable.get("memory")).longValue();
            pods += amount(allocatable.get("pods")).longValue();
            matched++;
        }
        return new Allocatable(millicores, bytes, pods, matched);
    }

    private static BigDecimal amount(Quantity quantity) {
        return quantity == null ? BigDecimal.ZERO : Quantity.getAmountInBytes(quantity);
    }

    @Override
    public synchronized void start() {
        try {
            informer = cluster.client().nodes().inform(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Node node) {
                    changed(node);
                }

                @Override
                public void onUpdate(Node before, Node after) {
                    // kubelets rewrite status every few seconds (heartbeats): only labels and allocatable matter
                    if (!Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())
                            || !Objects.equals(allocatableOf(before), allocatableOf(after))) {
                        changed(after);
                    }
                }

                @Override
                public void onDelete(Node node, boolean unknownFinalState) {
                    changed(node);
                }
            }, RESYNC_MILLIS);
        } catch (RuntimeException e) {
            log.warn("cannot watch the cluster's Nodes ({}); capacity pools derived from them stay empty", e.toString());
        }
    }

    private static Map<String, Quantity> allocatableOf(Node node) {
        return node.getStatus() == null ? null : node.getStatus().getAllocatable();
    }

    private void changed(Node node) {
        try {
            events.publishEvent(new NodesChanged(node.getMetadata().getName()));
        } catch (RuntimeException e) { // the watch must go on whatever a listener does
            log.warn("handling a change of Node {} failed: {}", node.getMetadata().getName(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (informer != null) {
            informer.close();
            informer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return informer != null;
    }
}
