package dev.labforge.booking.capacity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the ledger's change records ({@code capacity_ledger_changes}) matter.
 *
 * @param keptLoadMaxAge how long a replica answers free slots from a pool's load it keeps ({@link PoolLoads}) before
 *                       it reads the load again: what bounds how long the ledger's changes must be kept
 * @param pruneMargin    how much longer than {@code keptLoadMaxAge} the changes are kept before they are pruned:
 *                       for replicas' clocks that disagree and a read that takes a while
 */
@ConfigurationProperties("labforge.booking.ledger")
public record LedgerProperties(@DefaultValue("10m") Duration keptLoadMaxAge, @DefaultValue("1m") Duration pruneMargin) {

    /** How long after a snapshot was taken the changes it saw may be deleted. */
    public Duration keep() {
        return keptLoadMaxAge.plus(pruneMargin);
    }
}
