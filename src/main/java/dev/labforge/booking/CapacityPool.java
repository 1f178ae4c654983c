package dev.labforge.booking;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A share of the cluster set aside for booked runs.
 *
 * @param nodeSelector Kubernetes node labels the VMs of the pool's runs are scheduled with (see
 *                     {@link PoolPlacement})
 */
record CapacityPool(UUID id, String name, Demand capacity, Map<String, String> nodeSelector, Instant createdAt) {
}
