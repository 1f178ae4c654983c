package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.simulated.ApiRequest;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The requests one client (told by its User-Agent) sent to the simulated API: every write with its target, and
 * how many reads; all of them, or only those of one namespace (a lab's), since the service's threads write to every
 * lab's namespace at once. Fed by {@link dev.labforge.cluster.simulated.RequestLog#observe}; watches are counted there.
 */
public final class RequestTally implements Consumer<ApiRequest> {

    /** One write: its verb, the kind's plural, the namespace ("" for cluster-scoped), the name if in the path. */
    record Write(String method, String kind, String namespace, String name, int code) {

        String verbAndKind() {
            return method + " " + kind + " " + code;
        }
    }

    private final Predicate<String> agent;
    /** Null for every namespace. */
    private final String namespace;
    private final Queue<Write> writes = new ConcurrentLinkedQueue<>();
    private final LongAdder reads = new LongAdder();

    RequestTally(Predicate<String> agent) {
        this(agent, null);
    }

    /**
     * Only requests in {@code namespace}, and those to the namespace object itself by name (its delete; a create
     * names it only in its body, so it is not told apart).
     */
    RequestTally(Predicate<String> agent, String namespace) {
        this.agent = agent;
        this.namespace = namespace;
    }

    @Override
    public void accept(ApiRequest request) {
        if (!agent.test(request.agent())) {
            return;
        }
        if (request.isWatch()) {
            return;
        }
        Write target = target(request);
        if (namespace != null && (target == null || !(namespace.equals(target.namespace())
                || "namespaces".equals(target.kind()) && namespace.equals(target.name())))) {
            return;
        }
        if (request.isWrite()) {
            writes.add(target);
        } else {
            reads.increment();
        }
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    long writeCount() {
        return writes.size();
    }

    long reads() {
        return reads.sum();
    }

    /** Writes per "verb kind status", such as {@code POST secrets 201}. */
    public Map<String, Long> byVerbAndKind() {
        return writes.stream().collect(Collectors.groupingBy(Write::verbAndKind, TreeMap::new, Collectors.counting()));
    }

    /**
     * Splits {@code /api/v1/namespaces/ns/secrets/name} or {@code /apis/group/v1/...} into its parts; null for a path
     * that names no resource (discovery).
     */
    private static Write target(ApiRequest request) {
        String[] parts = request.resourcePath().split("/");
        if (parts.length < 2) {
            return null;
        }
        int rest = "api".equals(parts[1]) ? 3 : 4; // after "/api/v1" or "/apis/group/version"
        if (parts.length <= rest) {
            return null;
        }
        String kind;
        String namespace = "";
        String name = null;
        if (parts.length > rest + 2 && "namespaces".equals(parts[rest])) {
            namespace = parts[rest + 1];
            kind = parts[rest + 2];
            name = parts.length > rest + 3 ? parts[rest + 3] : null;
        } else {
            kind = parts[rest];
            name = parts.length > rest + 1 ? parts[rest + 1] : null;
        }
        return new Write(request.method(), kind, namespace, name, request.code());
    }
}
