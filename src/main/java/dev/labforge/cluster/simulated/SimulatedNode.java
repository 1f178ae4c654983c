package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes {@code Node} of the simulated cluster: what the simulated scheduler places VMIs on.
 *
 * @param labels what pools' node selectors match ({@code kubernetes.io/hostname} is added, as the kubelet does)
 * @param cpu    allocatable CPU as Kubernetes writes it ({@code 16}, {@code 15500m})
 * @param memory allocatable memory as Kubernetes writes it ({@code 64Gi})
 */
public record SimulatedNode(String name, Map<String, String> labels, String cpu, String memory) {

    /**
     * The simulated cluster's node unless others are configured: one node, so every link is node-local, big
     * enough for the simulator's classroom benchmarks (300 labs of 6 routers); configure smaller ones to watch
     * capacity run out.
     */
    public static final SimulatedNode DEFAULT = new SimulatedNode("sim-node-1", Map.of(), "4096", "16Ti");

    public SimulatedNode {
        Objects.requireNonNull(name, "name");
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        millicores(cpu);
        bytes(memory);
    }

    /** The Node object, with its allocatable (and capacity) in status, as the kubelet reports it. */
    Node render() {
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.putIfAbsent("kubernetes.io/hostname", name);
        Map<String, Quantity> allocatable = Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory),
                "pods", new Quantity("10000"));
        return new NodeBuilder().withNewMetadata().withName(name).withLabels(all).endMetadata()
                .withNewStatus().withAllocatable(allocatable).withCapacity(allocatable).endStatus()
                .build();
    }

    /** A CPU quantity in millicores. */
    static long millicores(String quantity) {
        return Quantity.getAmountInBytes(new Quantity(Objects.requireNonNull(quantity, "cpu")))
                .multiply(BigDecimal.valueOf(1000)).longValue();
    }

    /** A memory quantity in bytes. */
    static long bytes(String quantity) {
        return Quantity.getAmountInBytes(new Quantity(Objects.requireNonNull(quantity, "memory"))).longValue();
    }
}
