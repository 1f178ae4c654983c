package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.ClusterLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * What exists in the cluster, as informers see it: one watch per kind, filtered by LabForge's
 * managed-by label, indexed by lab. The reconciler reads only from here, never from the API server.
 * Each object is kept reduced to what the reconciler reads ({@link CachedObjects}).
 */
final class ClusterCache implements AutoCloseable {

    private static final String BY_LAB = "lab";

    private final SharedIndexInformer<Namespace> namespaces;
    private final SharedIndexInformer<Secret> secrets;
    private final SharedIndexInformer<GenericKubernetesResource> nads;
    private final SharedIndexInformer<GenericKubernetesResource> vms;
    private final SharedIndexInformer<GenericKubernetesResource> vmis;

    /**
     * @param onChange told of every lab whose objects changed in a way the reconciler can see
     * @param onStatus told of every lab a VM of which appeared, went, or changed its status
     * @param onGone   told of every object deleted, with its kind's plural: {@link ObjectSync#gone}
     */
    ClusterCache(KubernetesClient client, long resyncMillis, Consumer<UUID> onChange, Consumer<UUID> onStatus,
                 BiConsumer<String, HasMetadata> onGone) {
        String key = ClusterLabels.MANAGED_BY;
        String value = ClusterLabels.LABFORGE;
        namespaces = watch(client.namespaces().withLabel(key, value).runnableInformer(resyncMillis),
                CachedObjects::namespace, onChange, null, o -> onGone.accept("namespaces", o));
        secrets = watch(client.secrets().inAnyNamespace().withLabel(key, value).runnableInformer(resyncMillis),
                CachedObjects::secret, onChange, null, o -> onGone.accept("secrets", o));
        nads = watch(client.genericKubernetesResources(Multus.NAD).inAnyNamespace().withLabel(key, value)
                .runnableInformer(resyncMillis), CachedObjects::metadataOnly, onChange, null,
                o -> onGone.accept(Multus.NAD.getPlural(), o));
        vms = watch(client.genericKubernetesResources(KubeVirt.VM).inAnyNamespace().withLabel(key, value)
                .runnableInformer(resyncMillis), CachedObjects::vm, onChange, onStatus,
                o -> onGone.accept(KubeVirt.VM.getPlural(), o));
        // VMIs carry the template labels (lab, node), not managed-by: select them by the lab label's presence.
        // They wake nobody: a VM's status says how its VMI does; the cache serves restarts, which a request wakes.
        vmis = watch(client.genericKubernetesResources(KubeVirt.VMI).inAnyNamespace().withLabel(ClusterLabels.LAB)
                .runnableInformer(resyncMillis), CachedObjects::metadataOnly, lab -> { }, null, o -> { });
    }

    /**
     * Keeps {@code keep(object)} of each object, indexed by lab, and reports a lab changed when an object of it was
     * deleted, or changed in what is kept: a VMI's phase or a VM's timestamps wake nobody, since no pass could decide
     * anything differently on them. An object appearing wakes no pass either: it is the echo of a pass's own create
     * (an unsettled lab is looked at again anyway, and a resync finds strays). A delete also goes to {@code onGone},
     * so that the pass it wakes does not take an earlier write of the object to be still in flight. With
     * {@code onStatus} (VMs), what only the status follower needs goes there alone: a VM appearing or changing only
     * its status.
     */
    private static <T extends HasMetadata> SharedIndexInformer<T> watch(SharedIndexInformer<T> informer,
                                                                        UnaryOperator<T> keep,
                                                                        Consumer<UUID> onChange,
                                                                        Consumer<UUID> onStatus,
                                                                        Consumer<T> onGone) {
        informer.removeNamespaceIndex(); // the reconciler looks objects up by lab, never by namespace
        informer.itemStore(CachedObjects.store(keep));
        informer.addIndexers(Map.of(BY_LAB, (Function<T, List<String>>) ClusterCache::labOf));
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                if (onStatus != null) {
                    notify(obj, onStatus);
                }
            }

            /** {@code old} is what the cache kept of the previous version. */
            @Override
            public void onUpdate(T old, T obj) {
                T kept = keep.apply(obj);
                if (CachedObjects.sameContent(old, kept)) {
                    return;
                }
                if (onStatus != null) {
                    notify(obj, onStatus);
                    if (CachedObjects.sameButStatus(old, kept)) {
                        return;
                    }
                }
                notify(obj, onChange);
            }

            @Override
            public void onDelete(T obj, boolean finalStateUnknown) {
                onGone.accept(obj);
                notify(obj, onChange);
                if (onStatus != null) {
                    notify(obj, onStatus);
                }
            }

            private void notify(T obj, Consumer<UUID> to) {
                labOf(obj).stream().map(ClusterCache::uuid).filter(java.util.Objects::nonNull).forEach(to);
            }
        });
        return informer;
    }

    void start() {
        for (SharedIndexInformer<?> informer : all()) {
            informer.start();
        }
        for (SharedIndexInformer<?> informer : all()) {
            informer.hasSynced();
        }
    }

    boolean synced() {
        return all().stream().allMatch(SharedIndexInformer::hasSynced);
    }

    private List<SharedIndexInformer<?>> all() {
        return List.of(namespaces, secrets, nads, vms, vmis);
    }

    Namespace namespace(UUID lab) {
        return one(namespaces.getIndexer().byIndex(BY_LAB, lab.toString()));
    }

    List<Secret> secrets(UUID lab) {
        return secrets.getIndexer().byIndex(BY_LAB, lab.toString());
    }

    List<GenericKubernetesResource> nads(UUID lab) {
        return nads.getIndexer().byIndex(BY_LAB, lab.toString());
    }

    List<GenericKubernetesResource> vms(UUID lab) {
        return vms.getIndexer().byIndex(BY_LAB, lab.toString());
    }

    List<GenericKubernetesResource> vmis(UUID lab) {
        return vmis.getIndexer().byIndex(BY_LAB, lab.toString());
    }

    /** Every lab that has anything in the cluster, for sweeping orphans after a restart. */
    Set<UUID> labsPresent() {
        List<HasMetadata> everything = new ArrayList<>();
        everything.addAll(namespaces.getStore().list());
        everything.addAll(secrets.getStore().list());
        everything.addAll(nads.getStore().list());
        everything.addAll(vms.getStore().list());
        return everything.stream().flatMap(o -> labOf(o).stream()).map(ClusterCache::uuid)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    private static <T> T one(List<T> items) {
        return items.isEmpty() ? null : items.getFirst();
    }

    private static List<String> labOf(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        String lab = labels == null ? null : labels.get(ClusterLabels.LAB);
        return lab == null ? List.of() : List.of(lab);
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        all().forEach(SharedIndexInformer::close);
    }
}
