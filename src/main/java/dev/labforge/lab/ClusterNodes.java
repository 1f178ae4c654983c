package dev.labforge.lab;

import java.util.Map;

/**
 * What the cluster's Kubernetes Nodes offer labs' VMs, for modules that size capacity by it (derived capacity
 * pools): implemented by the module that watches the cluster. When the Nodes change it publishes
 * {@link NodesChanged}.
 */
public interface ClusterNodes {

    /** The summed {@code status.allocatable} of the Nodes carrying every label of {@code selector} (all: empty). */
    Allocatable allocatable(Map<String, String> selector);

    /**
     * @param millicores CPU, in thousandths of a core
     * @param pods       how many pods the Nodes take; each running VM is one virt-launcher pod
     * @param nodes      how many Nodes matched
     */
    record Allocatable(long millicores, long memoryBytes, long pods, int nodes) {

        public static final Allocatable NONE = new Allocatable(0, 0, 0, 0);
    }
}
