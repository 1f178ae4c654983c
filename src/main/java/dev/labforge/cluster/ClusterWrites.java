package dev.labforge.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the writes the reconciler sends to the API server: by verb for the tests (a deploy must cost one per object),
 * and as the meter {@code labforge.cluster.writes} by kind, verb and result for operators, where a rising count of
 * failed or conflicting writes is the first sign of a cluster refusing LabForge.
 */
public final class ClusterWrites {

    static final String METER = "labforge.cluster.writes";

    /** What the reconciler asked of the API server. */
    enum Verb {
        CREATE, UPDATE, PATCH, DELETE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final LongAdder creates = new LongAdder();
    private final LongAdder updates = new LongAdder();
    private final LongAdder patches = new LongAdder();
    private final LongAdder deletes = new LongAdder();
    private final MeterRegistry registry;
    /** The counters met so far, so that a write looks its counter up without building tags. */
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    ClusterWrites(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * A write answered. {@code kind} is the plural of the kind written, one of the few LabForge writes, so the tag's
     * values stay few.
     */
    void wrote(Verb verb, String kind) {
        count(verb, kind, "ok");
        switch (verb) {
            case CREATE -> creates.increment();
            case UPDATE -> updates.increment();
            case PATCH -> patches.increment();
            case DELETE -> deletes.increment();
        }
    }

    /** A write refused or not answered: counted by what went wrong, never by the message. */
    void failed(Verb verb, String kind, RuntimeException e) {
        count(verb, kind, e instanceof KubernetesClientException k ? result(k.getCode()) : "error");
    }

    /** A create answered 409: the object exists already (an earlier write the cache has not shown yet). */
    void createdAlready(String kind) {
        count(Verb.CREATE, kind, "exists");
        creates.increment();
    }

    /** A tag value for an HTTP status: a handful of classes an operator acts on differently. */
    static String result(int code) {
        return switch (code) {
            case 401, 403 -> "forbidden";
            case 404 -> "not-found";
            case 409 -> "conflict";
            case 400, 422 -> "invalid";
            case 429 -> "throttled";
            default -> code >= 500 ? "server-error" : "error"; // 0: no answer (timeout, connection refused)
        };
    }

    private void count(Verb verb, String kind, String result) {
        counters.computeIfAbsent(kind + '/' + verb + '/' + result, key -> Counter.builder(METER)
                .description("Writes LabForge sent to the Kubernetes API server")
                .tag("kind", kind).tag("verb", verb.tag()).tag("result", result)
                .register(registry)).increment();
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
