package dev.labforge.booking;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A share of the cluster set aside for booked runs.
 *
 * @param nodeSelector Kubernetes node labels the pool's VMs are to be scheduled with; kept for the
 *                     cluster module, which does not apply it yet
 */
record CapacityPool(UUID id, String name, Demand capacity, Map<String, String> nodeSelector, Instant createdAt) {
}
