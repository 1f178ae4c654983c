package dev.labforge.booking.capacity;

import dev.labforge.lab.ClusterNodes;
import dev.labforge.lab.NodesChanged;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pools whose capacity is what their Nodes offer: the summed {@code status.allocatable} of the Kubernetes Nodes
 * the pool's node selector matches, CPU times the pool's overcommit ratio (KubeVirt schedules a VM by its CPU
 * request, so an admin who lets vCPUs share cores says by how much), memory as it is (KubeVirt does not
 * overcommit memory unless told), and a router VM per allocatable pod (each VM runs in one virt-launcher pod).
 * Refreshed whenever a Node changes ({@link NodesChanged}), under the pool's row lock like every capacity change.
 *
 * <p>Nodes are the truth: a Node drained or removed takes its capacity away whatever is booked. Reservations the
 * smaller pool cannot hold are kept, not dropped, and reported: logged at once, and listed by the pool
 * ({@code overbooked}) until they end or capacity returns, so an admin can add a Node or move a class.
 */
@Component
class DerivedCapacity {

    private static final Logger log = LoggerFactory.getLogger(DerivedCapacity.class);
    private static final long MIB = 1 << 20;

    private final CapacityPools pools;
    private final CapacityLedger ledger;
    private final ClusterNodes nodes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DerivedCapacity(CapacityPools pools, CapacityLedger ledger, ClusterNodes nodes, TransactionTemplate transactions,
                    Clock clock) {
        this.pools = pools;
        this.ledger = ledger;
        this.nodes = nodes;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What the Nodes matching {@code selector} offer now, as a pool's capacity. */
    Demand of(Map<String, String> selector, double cpuOvercommit) {
        ClusterNodes.Allocatable allocatable = nodes.allocatable(selector);
        return new Demand((long) Math.floor(allocatable.millicores() * cpuOvercommit / 1000),
                allocatable.memoryBytes() / MIB, allocatable.pods());
    }

    @EventListener
    void nodesChanged(NodesChanged changed) {
        for (CapacityPool pool : pools.all()) {
            if (pool.derived()) {
                transactions.executeWithoutResult(status -> refresh(pool.id()));
            }
        }
    }

    /** Sets the derived pool's capacity to what its Nodes offer now, reporting reservations it cannot hold. */
    @Transactional(propagation = Propagation.MANDATORY)
    void refresh(UUID poolId) {
        CapacityPool pool = pools.lock(poolId);
        if (!pool.derived()) {
            return;
        }
        Demand offered = of(pool.nodeSelector(), pool.cpuOvercommit());
        if (offered.equals(pool.capacity())) {
            return;
        }
        pools.resize(pool.id(), offered);
        Instant now = clock.instant();
        List<CapacityLedger.Overbooked> beyond = ledger.overbooked(pool.id(), offered, now,
                now.plus(CapacityPoolController.HORIZON));
        if (!beyond.isEmpty()) {
            CapacityLedger.Overbooked first = beyond.getFirst();
            log.warn("capacity pool '{}' follows its Nodes down to {} vCPUs, {} MiB, {} router VMs: reservations made"
                            + " before need more in {} interval(s), the first from {} to {} ({} {} reserved of {})",
                    pool.name(), offered.vcpus(), offered.memoryMib(), offered.nodes(), beyond.size(), first.start(),
                    first.end(), first.reserved(), first.resource().words(), first.capacity());
        }
    }
}
