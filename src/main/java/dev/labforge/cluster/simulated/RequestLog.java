package dev.labforge.cluster.simulated;

import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sits in front of the mock server's dispatcher. It counts watch requests per client and path, and responses per
 * status code, so tests can prove how many watches a component opens and that a conflict really happened. And it
 * drops the mock server's own request log, which keeps every request with its body forever: fine in a test, a leak
 * in a cluster that runs for days. Whoever needs more (which client wrote what) registers an observer and keeps
 * what it wants.
 */
public final class RequestLog extends Dispatcher {

    private final Dispatcher delegate;
    private final MockWebServer server;
    private final Map<Watch, AtomicLong> watches = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicLong> codes = new ConcurrentHashMap<>();
    private final List<Consumer<ApiRequest>> observers = new CopyOnWriteArrayList<>();

    RequestLog(Dispatcher delegate, MockWebServer server) {
        this.delegate = delegate;
        this.server = server;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        forget();
        String path = request.getPath();
        String agent = request.getHeader("User-Agent");
        int query = path.indexOf('?');
        if ("GET".equals(request.getMethod()) && query > 0 && path.indexOf("watch=true", query) > 0) {
            count(watches, new Watch(agent, path.substring(0, query)));
        }
        MockResponse response = delegate.dispatch(request);
        count(codes, response.code());
        if (!observers.isEmpty()) {
            ApiRequest answered = new ApiRequest(agent, request.getMethod(), path, response.code());
            observers.forEach(observer -> observer.accept(answered));
        }
        return response;
    }

    /**
     * Calls {@code observer} with every request from now on, after it was answered, on the server's thread: keep it
     * cheap. Closing the answer stops the calls.
     */
    public Observation observe(Consumer<ApiRequest> observer) {
        observers.add(observer);
        return () -> observers.remove(observer);
    }

    /** An observer's registration; closing it stops the calls. */
    public interface Observation extends AutoCloseable {
        @Override
        void close();
    }

    private record Watch(String agent, String collectionPath) {
    }

    /** Watch requests so far on a collection path, such as {@code /apis/kubevirt.io/v1/virtualmachines}. */
    long watchRequests(String collectionPath) {
        return watches.entrySet().stream().filter(e -> e.getKey().collectionPath().equals(collectionPath))
                .mapToLong(e -> e.getValue().get()).sum();
    }

    /** Watch requests so far from one client (by its User-Agent) on a collection path. */
    public long watchRequests(String agent, String collectionPath) {
        return read(watches, new Watch(agent, collectionPath));
    }

    /** Every collection path one client (by its User-Agent) has watched so far, with how often it asked. */
    public Map<String, Long> watchRequestsOf(String agent) {
        Map<String, Long> paths = new TreeMap<>();
        watches.forEach((watch, count) -> {
            if (Objects.equals(watch.agent(), agent)) {
                paths.put(watch.collectionPath(), count.get());
            }
        });
        return paths;
    }

    /** Responses so far with this HTTP status code. */
    public long responses(int code) {
        return read(codes, code);
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public void releaseResources() {
        delegate.releaseResources();
    }

    /** The server queues each request just before dispatching it, so there is always one to take here. */
    private void forget() {
        try {
            server.takeRequest(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <K> void count(Map<K, AtomicLong> counts, K key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private static <K> long read(Map<K, AtomicLong> counts, K key) {
        AtomicLong count = counts.get(key);
        return count == null ? 0 : count.get();
    }
}
