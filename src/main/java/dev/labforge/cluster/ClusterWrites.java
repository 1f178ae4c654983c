package dev.labforge.cluster;

import java.util.concurrent.atomic.LongAdder;

/** Counts the writes the reconciler sends to the API server, by verb: a deploy must cost one per object. */
public final class ClusterWrites {

    private final LongAdder creates = new LongAdder();
    private final LongAdder updates = new LongAdder();
    private final LongAdder patches = new LongAdder();
    private final LongAdder deletes = new LongAdder();

    void created() {
        creates.increment();
    }

    void updated() {
        updates.increment();
    }

    void patched() {
        patches.increment();
    }

    void deleted() {
        deletes.increment();
    }

    public long creates() {
        return creates.sum();
    }

    public long updates() {
        return updates.sum();
    }

    public long patches() {
        return patches.sum();
    }

    public long deletes() {
        return deletes.sum();
    }

    public long total() {
        return creates() + updates() + patches() + deletes();
    }
}
