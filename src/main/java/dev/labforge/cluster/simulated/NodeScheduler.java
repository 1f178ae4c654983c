package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plays kube-scheduler for the virt-launcher pods of VMIs: a VMI goes on the first node (by name) whose labels
 * match its {@code nodeSelector} and whose allocatable CPU and memory, less what the VMIs already placed there
 * request, still hold its requests; none has room: the VMI stays unscheduled, with kube-scheduler's message.
 *
 * <p>A VMI's requests are what KubeVirt gives its pod, simplified: {@code domain.resources.requests} where set,
 * else one CPU per core ({@code cpuAllocationRatio} 1) and the guest's memory (no virt-launcher overhead).
 * What was placed is held here, not read back from VMI status, so two VMIs placed at once never share the last
 * room; it is let go when the VMI is deleted, and rebuilt from VMI status when the simulator starts.
 */
final class NodeScheduler implements Placement.Scheduler {

    private record Binding(String uid, String node, long millicores, long bytes) {
    }

    private record Requests(long millicores, long bytes) {
    }

    private final Supplier<List<Node>> nodes;
    private final Map<String, Binding> bindings = new HashMap<>();

    NodeScheduler(Supplier<List<Node>> nodes) {
        this.nodes = nodes;
    }

    @Override
    public synchronized Placement place(GenericKubernetesResource vmi) {
        String key = Kinds.key(vmi);
        String uid = vmi.getMetadata().getUid();
        Binding bound = bindings.get(key);
        if (bound != null && bound.uid().equals(uid)) {
            return Placement.on(bound.node());
        }
        Requests requests = requests(vmi);
        Map<String, String> selector = selector(vmi);
        List<Node> candidates = new ArrayList<>(nodes.get());
        candidates.sort(Comparator.comparing(n -> n.getMetadata().getName()));
        int unmatched = 0;
        int shortOfCpu = 0;
        int shortOfMemory = 0;
        for (Node node : candidates) {
            Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
            if (!labels.entrySet().containsAll(selector.entrySet())) {
                unmatched++;
                continue;
            }
            String name = node.getMetadata().getName();
            long usedCpu = 0;
            long usedMemory = 0;
            for (Binding binding : bindings.values()) {
                if (binding.node().equals(name)) {
                    usedCpu += binding.millicores();
                    usedMemory += binding.bytes();
                }
            }
            boolean cpuFits = usedCpu + requests.millicores() <= allocatable(node, "cpu", true);
            boolean memoryFits = usedMemory + requests.bytes() <= allocatable(node, "memory", false);
            if (cpuFits && memoryFits) {
                bindings.put(key, new Binding(uid, name, requests.millicores(), requests.bytes()));
                return Placement.on(name);
            }
            shortOfCpu += cpuFits ? 0 : 1;
            shortOfMemory += memoryFits ? 0 : 1;
        }
        return Placement.nowhere(message(candidates.size(), shortOfCpu, shortOfMemory, unmatched));
    }

    /** Where an existing VMI runs, as its status says: what a restarted simulator knows again. */
    synchronized void placed(GenericKubernetesResource vmi) {
        String node = VmiStatus.of(vmi).nodeName();
        if (node != null && !VmiStatus.of(vmi).isFinal()) {
            Requests requests = requests(vmi);
            bindings.putIfAbsent(Kinds.key(vmi),
                    new Binding(vmi.getMetadata().getUid(), node, requests.millicores(), requests.bytes()));
        }
    }

    /** The VMI is gone: its room goes back. */
    synchronized void release(GenericKubernetesResource vmi) {
        bindings.computeIfPresent(Kinds.key(vmi), (key, binding) ->
                binding.uid().equals(vmi.getMetadata().getUid()) ? null : binding);
    }

    /**
     * kube-scheduler's fit error: "0/3 nodes are available: 2 Insufficient memory, 1 node(s) didn't match Pod's
     * node affinity/selector." (the reasons it counts per node, most frequent first in the real one).
     */
    static String message(int total, int shortOfCpu, int shortOfMemory, int unmatched) {
        List<String> reasons = new ArrayList<>();
        if (shortOfCpu > 0) {
            reasons.add(shortOfCpu + " Insufficient cpu");
        }
        if (shortOfMemory > 0) {
            reasons.add(shortOfMemory + " Insufficient memory");
        }
        if (unmatched > 0) {
            reasons.add(unmatched + " node(s) didn't match Pod's node affinity/selector");
        }
        return "0/" + total + " nodes are available: " + String.join(", ", reasons) + ".";
    }

    private static long allocatable(Node node, String resource, boolean cpu) {
        Map<String, Quantity> allocatable = node.getStatus() == null ? null : node.getStatus().getAllocatable();
        Quantity quantity = allocatable == null ? null : allocatable.get(resource);
        if (quantity == null) {
            return 0;
        }
        return cpu ? SimulatedNode.millicores(quantity.toString()) : SimulatedNode.bytes(quantity.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> selector(GenericKubernetesResource vmi) {
        Object selector = VmiRenderer.spec(vmi).get("nodeSelector");
        return selector instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }

    private static Requests requests(GenericKubernetesResource vmi) {
        Map<String, Object> domain = map(VmiRenderer.spec(vmi).get("domain"));
        Map<String, Object> requested = map(map(domain.get("resources")).get("requests"));
        long millicores = requested.get("cpu") != null ? SimulatedNode.millicores(requested.get("cpu").toString())
                : 1000L * number(map(domain.get("cpu")).get("cores"), 1)
                        * number(map(domain.get("cpu")).get("sockets"), 1) * number(map(domain.get("cpu")).get("threads"), 1);
        Object memory = requested.get("memory") != null ? requested.get("memory") : map(domain.get("memory")).get("guest");
        return new Requests(millicores, memory == null ? 0 : SimulatedNode.bytes(memory.toString()));
    }

    private static long number(Object value, long otherwise) {
        return value instanceof Number n ? n.longValue() : value == null ? otherwise : Long.parseLong(value.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
