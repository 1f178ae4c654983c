package dev.labforge.cluster.reconcile;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts the writes the reconciler sends to the API server: by verb for the tests (a deploy must cost one per object),
 * and as the meter {@code labforge.cluster.writes} by kind, verb and result for operators, where a rising count of
 * failed or conflicting writes is the first sign of a cluster refusing LabForge.
 */
public final class ClusterWrites {

    static final String METER = "labforge.cluster.writes";
    private static final String OK = "ok";
    /** A create that found its object there: it counts as the object's one create. */
    private static final String EXISTS = "exists";

    /** What the reconciler asked of the API server. */
    enum Verb {
        CREATE, UPDATE, PATCH, DELETE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

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
        count(verb, kind, OK);
    }

    /** A write refused or not answered: counted by what went wrong, never by the message. */
    void failed(Verb verb, String kind, RuntimeException e) {
        count(verb, kind, e instanceof KubernetesClientException k ? result(k.getCode()) : "error");
    }

    /** A create answered 409: the object exists already (an earlier write the cache has not shown yet). */
    void createdAlready(String kind) {
        count(Verb.CREATE, kind, EXISTS);
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
        return done(Verb.CREATE);
    }

    public long updates() {
        return done(Verb.UPDATE);
    }

    public long patches() {
        return done(Verb.PATCH);
    }

    public long deletes() {
        return done(Verb.DELETE);
    }

    public long total() {
        return creates() + updates() + patches() + deletes();
    }

    /** Writes of {@code verb} that took effect, of every kind: read off the meters' own counts. */
    private long done(Verb verb) {
        String infix = "/" + verb + "/";
        return (long) counters.entrySet().stream()
                .filter(e -> e.getKey().contains(infix + OK) || e.getKey().contains(infix + EXISTS))
                .mapToDouble(e -> e.getValue().count()).sum();
    }
}
