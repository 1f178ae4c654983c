package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.status.NodeStatusMapping;
import dev.labforge.cluster.status.StatusFollower;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the informer caches keep of each object: only what the reconciler reads. The API server sends whole
 * objects (a VM with its template, a VMI with its spec and status, a Secret with its config); kept whole they cost
 * ~32 KB per router, most of it maps the reconciler never looks at.
 *
 * <p>Kept for every kind: name, namespace, uid (a write in flight is remembered for one object, not for a name a new
 * object may take), resourceVersion (the informer compares it), the lab label (the index and
 * the event routing use it), the spec-hash annotation (the diff uses it) and, on VMIs, the boot-hash annotation (a
 * stale VMI is restarted). For VMs also {@code spec.runStrategy}
 * and {@link NodeStatusMapping#essentials the status a node state is made of}. Change this with those readers.
 */
final class CachedObjects {

    private CachedObjects() {
    }

    /** An item store that keeps {@code reduce(object)} instead of the object; the informer keys it as usual. */
    static <T extends HasMetadata> ItemStore<T> store(UnaryOperator<T> reduce) {
        return new BasicItemStore<>(Cache::metaNamespaceKeyFunc) {
            @Override
            public T put(String key, T obj) {
                return super.put(key, reduce.apply(obj));
            }
        };
    }

    static Namespace namespace(Namespace full) {
        Namespace kept = new Namespace();
        kept.setMetadata(metadata(full.getMetadata()));
        return kept;
    }

    static Secret secret(Secret full) {
        Secret kept = new Secret();
        kept.setMetadata(metadata(full.getMetadata()));
        return kept;
    }

    /** NADs and VMIs: the reconciler needs to know they exist, and for NADs their spec hash. */
    static GenericKubernetesResource metadataOnly(GenericKubernetesResource full) {
        GenericKubernetesResource kept = new GenericKubernetesResource();
        kept.setApiVersion(full.getApiVersion());
        kept.setKind(full.getKind());
        kept.setMetadata(metadata(full.getMetadata()));
        return kept;
    }

    static GenericKubernetesResource vm(GenericKubernetesResource full) {
        GenericKubernetesResource kept = metadataOnly(full);
        String runStrategy = full.get("spec", "runStrategy");
        if (runStrategy != null) {
            kept.setAdditionalProperty("spec", Map.of("runStrategy", runStrategy));
        }
        Map<String, Object> status = full.get("status");
        if (status != null) {
            kept.setAdditionalProperty("status", NodeStatusMapping.essentials(status));
        }
        return kept;
    }

    /**
     * True when two kept objects say the same, whatever their resourceVersion: an update that changes nothing
     * kept changes nothing the reconciler could act on.
     */
    static boolean sameContent(HasMetadata a, HasMetadata b) {
        return sameMetadata(a.getMetadata(), b.getMetadata()) && sameProperties(a, b, null);
    }

    /**
     * True when two kept VMs differ in their status at most: a change only {@link StatusFollower} need see. Called for
     * every VM update, so it compares in place rather than on copies without the status.
     */
    static boolean sameButStatus(HasMetadata a, HasMetadata b) {
        return sameMetadata(a.getMetadata(), b.getMetadata()) && sameProperties(a, b, "status");
    }

    private static boolean sameMetadata(ObjectMeta x, ObjectMeta y) {
        return Objects.equals(x.getName(), y.getName())
                && Objects.equals(x.getNamespace(), y.getNamespace())
                && Objects.equals(x.getDeletionTimestamp(), y.getDeletionTimestamp())
                && Objects.equals(x.getLabels(), y.getLabels())
                && Objects.equals(x.getAnnotations(), y.getAnnotations());
    }

    /** Whether two generic objects' properties beyond metadata agree, all but {@code ignored} (null: none). */
    private static boolean sameProperties(HasMetadata a, HasMetadata b, String ignored) {
        if (!(a instanceof GenericKubernetesResource g && b instanceof GenericKubernetesResource h)) {
            return true;
        }
        Map<String, Object> x = g.getAdditionalProperties();
        Map<String, Object> y = h.getAdditionalProperties();
        if (ignored == null) {
            return x.equals(y);
        }
        return agreeOn(x, y, ignored) && agreeOn(y, x, ignored);
    }

    /** Every property of {@code x} but {@code ignored} is in {@code y} with the same value. */
    private static boolean agreeOn(Map<String, Object> x, Map<String, Object> y, String ignored) {
        return x.entrySet().stream().allMatch(e -> e.getKey().equals(ignored)
                || (y.containsKey(e.getKey()) && Objects.equals(e.getValue(), y.get(e.getKey()))));
    }

    private static ObjectMeta metadata(ObjectMeta full) {
        ObjectMeta kept = new ObjectMeta();
        kept.setName(full.getName());
        kept.setNamespace(full.getNamespace());
        kept.setUid(full.getUid());
        kept.setResourceVersion(full.getResourceVersion());
        kept.setDeletionTimestamp(full.getDeletionTimestamp());
        String lab = full.getLabels() == null ? null : full.getLabels().get(ClusterLabels.LAB);
        kept.setLabels(lab == null ? Map.of() : Map.of(ClusterLabels.LAB, lab));
        kept.setAnnotations(annotations(full.getAnnotations()));
        return kept;
    }

    /** The spec hash (every kind) and the boot hash (VMIs, from their VM's template), when present. */
    private static Map<String, String> annotations(Map<String, String> full) {
        if (full == null) {
            return Map.of();
        }
        String spec = full.get(ClusterLabels.SPEC_HASH);
        String boot = full.get(ClusterLabels.BOOT_HASH);
        if (boot == null) {
            return spec == null ? Map.of() : Map.of(ClusterLabels.SPEC_HASH, spec);
        }
        return spec == null ? Map.of(ClusterLabels.BOOT_HASH, boot)
                : Map.of(ClusterLabels.SPEC_HASH, spec, ClusterLabels.BOOT_HASH, boot);
    }
}
