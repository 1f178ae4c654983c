package dev.labforge.booking.capacity;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A share of the cluster set aside for booked runs.
 *
 * @param nodeSelector  Kubernetes node labels the VMs of the pool's runs are scheduled with (see
 *                      {@link dev.labforge.booking.adhoc.PoolPlacement})
 * @param derived       whether its capacity follows the allocatable resources of the Nodes the selector matches
 *                      ({@link DerivedCapacity}) rather than what an admin declared
 * @param cpuOvercommit vCPUs per allocatable core, for a derived pool
 */
public record CapacityPool(UUID id, String name, Demand capacity, Map<String, String> nodeSelector, Instant createdAt,
                    boolean derived, double cpuOvercommit) {
}
