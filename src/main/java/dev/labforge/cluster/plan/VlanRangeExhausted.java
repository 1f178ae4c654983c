package dev.labforge.cluster.plan;

import java.util.UUID;

/**
 * A lab's new links need more VLAN ids than its domain's range has free. The pass fails and is retried with backoff,
 * so the lab is left as it was (deployed or not) and goes on once a teardown, a removed link or a wider range frees enough ids.
 */
class VlanRangeExhausted extends IllegalStateException {

    VlanRangeExhausted(String domain, int min, int max, UUID labId, int needed, int free) {
        super("the VLAN domain " + domain + " has no free id left in " + min + ".." + max + ": lab " + labId
                + " needs " + needed + " more, " + free + " free");
    }
}
