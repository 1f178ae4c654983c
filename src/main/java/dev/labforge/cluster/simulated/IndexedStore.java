package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.Value;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.lang.reflect.Field;
import java.net.HttpURLConnection;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * The simulated API's object store: fabric8's CRUD dispatcher, with the object a write, a read by name or a delete
 * names found through an index instead of a scan. The mock looks that object up by testing every stored object
 * against the request's attributes (for reads and deletes, on a copy of the whole store); at a classroom's 16,000
 * objects that is about 10 ms of CPU per write on two cores, the whole cost of a 500-lab deploy, and tearing a
 * classroom down took minutes. The index (namespace and name to the stored objects carrying them, in storage order)
 * narrows the same test to the one or two objects that can pass it, so every answer is the one the scan would give.
 * Lists and watches are the mock's own (a watch's end moved off the event loop, see {@link WatchClose}). Reads and
 * deletes by name take the mock's own lock (found by reflection; without it they are left to the mock) and delete as
 * it does: at once, or by marking an object with finalizers.
 */
final class IndexedStore extends KubernetesCrudDispatcher {

    private static final String ANY = "*";

    /** "namespace/name" (namespace empty for cluster-scoped objects) to the stored keys, in storage order. */
    private final Map<String, Set<AttributeSet>> byNamespacedName = new HashMap<>();
    /** name to the stored keys, for lookups that name no namespace. */
    private final Map<String, Set<AttributeSet>> byName = new HashMap<>();
    /** Set if a stored key could not be indexed: from then on, every lookup scans, as the mock does. */
    private volatile boolean scanning;
    /** The mock's own lock over its store; null if this version of the mock hides it (then the mock serves). */
    private final ReadWriteLock mockLock = mockLock(this);

    private static ReadWriteLock mockLock(KubernetesCrudDispatcher dispatcher) {
        try {
            Field field = KubernetesCrudDispatcher.class.getDeclaredField("lock");
            field.setAccessible(true);
            return field.get(dispatcher) instanceof ReadWriteLock lock ? lock : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The mock's watch, ended off the server's event loop (see {@link WatchClose}). */
    @Override
    public MockResponse handleWatch(String path) {
        MockResponse response = super.handleWatch(path);
        WebSocketListener watch = response.getWebSocketListener();
        return watch == null ? response : response.withWebSocketUpgrade(WatchClose.offTheEventLoop(watch));
    }

    /** Whether reads and deletes by name go through the index (this mock version's lock was found). */
    boolean servesByName() {
        return mockLock != null;
    }

    /** A read by name (not a list, not a watch): 200 with the object, or 404, as the mock answers. */
    @Override
    public MockResponse handleGet(String path) {
        if (mockLock != null && !path.contains("watch=")) {
            AttributeSet query = attributeExtractor.fromPath(path);
            mockLock.readLock().lock();
            try {
                List<Map.Entry<AttributeSet, String>> found = findAll(query);
                if (found != null) {
                    return answer(found);
                }
            } finally {
                mockLock.readLock().unlock();
            }
        }
        return super.handleGet(path);
    }

    /** A delete by name: each object it names is deleted (or marked, if it has finalizers), as the mock does. */
    @Override
    public MockResponse handleDelete(String path) {
        if (mockLock != null) {
            AttributeSet query = attributeExtractor.fromPath(path);
            mockLock.writeLock().lock();
            try {
                List<Map.Entry<AttributeSet, String>> found = findAll(query);
                if (found != null) {
                    found.forEach(entry -> delete(path, query, entry.getKey(), entry.getValue()));
                    return answer(found);
                }
            } finally {
                mockLock.writeLock().unlock();
            }
        }
        return super.handleDelete(path);
    }

    /**
     * Every stored object the query matches, in storage order, found through the index; null when the index cannot
     * tell (the query names no single object, or a key could not be indexed): then the mock scans.
     */
    private List<Map.Entry<AttributeSet, String>> findAll(AttributeSet query) {
        String name = value(query, KubernetesAttributesExtractor.NAME);
        String namespace = value(query, KubernetesAttributesExtractor.NAMESPACE);
        if (scanning || name == null || ANY.equals(name) || ANY.equals(namespace)) {
            return null;
        }
        Set<AttributeSet> candidates = namespace == null ? byName.get(name)
                : byNamespacedName.get(namespace + "/" + name);
        List<Map.Entry<AttributeSet, String>> found = new ArrayList<>();
        if (candidates != null) {
            for (AttributeSet candidate : candidates) {
                String stored = map.get(candidate);
                if (stored != null && candidate.matches(query)) {
                    found.add(Map.entry(candidate, stored));
                }
            }
        }
        return found;
    }

    private static MockResponse answer(List<Map.Entry<AttributeSet, String>> found) {
        MockResponse response = new MockResponse();
        if (found.isEmpty()) {
            return response.setResponseCode(HttpURLConnection.HTTP_NOT_FOUND);
        }
        return response.setBody(found.getFirst().getValue()).setResponseCode(HttpURLConnection.HTTP_OK);
    }

    /** What the mock does to delete one object: gone at once, unless finalizers hold it (then it is marked). */
    private void delete(String path, AttributeSet query, AttributeSet key, String stored) {
        GenericKubernetesResource resource = Serialization.unmarshal(stored, GenericKubernetesResource.class);
        if (resource.getFinalizers().isEmpty()) {
            processEvent(path, query, key, null, null);
        } else if (!resource.isMarkedForDeletion()) {
            resource.getMetadata().setDeletionTimestamp(ZonedDateTime.now(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
            resource.getMetadata().setResourceVersion(String.valueOf(requestResourceVersion()));
            processEvent(path, query, key, resource, Serialization.asJson(resource));
        }
    }

    /** Called by the mock's write handlers, under its write lock. */
    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
        List<Map.Entry<AttributeSet, String>> found = findAll(query);
        if (found == null) {
            return super.findResource(query);
        }
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Every change to the store comes through here (create, update, delete), under the mock's write lock. */
    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
                             GenericKubernetesResource resource, String newState) {
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (oldAttributes != null && !map.containsKey(oldAttributes)) {
            index(oldAttributes, false);
        }
        if (newState != null) {
            AttributeSet stored = storedKey(pathAttributes, resource, newState);
            String name = value(stored, KubernetesAttributesExtractor.NAME);
            if (map.containsKey(stored) && name != null && !ANY.equals(name)) {
                index(stored, true);
            } else {
                scanning = true; // keyed in a way the index cannot follow: stay correct, scan like the mock
            }
        }
    }

    @Override
    public void reset() {
        super.reset();
        byNamespacedName.clear();
        byName.clear();
    }

    /** The key {@code processEvent} stored the new state under, computed as it computes it. */
    private AttributeSet storedKey(AttributeSet pathAttributes, GenericKubernetesResource resource, String newState) {
        KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
        AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
        return key.containsKey(KubernetesAttributesExtractor.PLURAL) ? key : AttributeSet.merge(pathAttributes, key);
    }

    private void index(AttributeSet key, boolean add) {
        String name = value(key, KubernetesAttributesExtractor.NAME);
        if (name == null) {
            return; // never indexed (see processEvent)
        }
        String namespace = value(key, KubernetesAttributesExtractor.NAMESPACE);
        update(byNamespacedName, (namespace == null ? "" : namespace) + "/" + name, key, add);
        update(byName, name, key, add);
    }

    private static void update(Map<String, Set<AttributeSet>> index, String at, AttributeSet key, boolean add) {
        if (add) {
            index.computeIfAbsent(at, k -> new LinkedHashSet<>()).add(key);
        } else {
            index.computeIfPresent(at, (k, keys) -> keys.remove(key) && keys.isEmpty() ? null : keys);
        }
    }

    /** The single value of an attribute, or null when the set does not have it (or it has several). */
    private static String value(AttributeSet attributes, String key) {
        Attribute attribute = attributes.getAttribute(key);
        List<Value> values = attribute == null ? List.of() : attribute.getValues();
        return values.size() == 1 ? values.getFirst().toString() : null;
    }
}
