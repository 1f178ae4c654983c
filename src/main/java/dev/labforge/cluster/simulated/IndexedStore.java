package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.Value;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated API's object store: fabric8's CRUD dispatcher, with the object a write names found through an
 * index instead of a scan. The mock looks that object up by testing every stored object against the request's
 * attributes; at a classroom's 16,000 objects that is about 10 ms of CPU per write on two cores, the whole cost of
 * a 500-lab deploy, and its single event loop serves nothing else meanwhile. The index (namespace and name to the
 * stored objects carrying them, in storage order) narrows the same test to the one or two objects that can pass
 * it, so every answer is the one the scan would give. Lists, watches, reads and deletes are the mock's own.
 */
final class IndexedStore extends KubernetesCrudDispatcher {

    private static final String ANY = "*";

    /** "namespace/name" (namespace empty for cluster-scoped objects) to the stored keys, in storage order. */
    private final Map<String, Set<AttributeSet>> byNamespacedName = new HashMap<>();
    /** name to the stored keys, for lookups that name no namespace. */
    private final Map<String, Set<AttributeSet>> byName = new HashMap<>();
    /** Set if a stored key could not be indexed: from then on, every lookup scans, as the mock does. */
    private boolean scanning;

    /** Called by the mock's write handlers, under its write lock. */
    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
        String name = value(query, KubernetesAttributesExtractor.NAME);
        String namespace = value(query, KubernetesAttributesExtractor.NAMESPACE);
        if (scanning || name == null || ANY.equals(name) || ANY.equals(namespace)) {
            return super.findResource(query);
        }
        Set<AttributeSet> candidates = namespace == null ? byName.get(name)
                : byNamespacedName.get(namespace + "/" + name);
        if (candidates != null) {
            for (AttributeSet candidate : candidates) {
                String stored = map.get(candidate);
                if (stored != null && candidate.matches(query)) {
                    return Map.entry(candidate, stored);
                }
            }
        }
        return null;
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
