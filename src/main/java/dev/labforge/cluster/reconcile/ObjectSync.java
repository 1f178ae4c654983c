package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.plan.ClusterLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Brings one kind of object in line with its desired set: creates what is missing, rewrites what
 * differs (by spec hash), deletes what is extra. It remembers what it wrote until the informer
 * shows it, so a reconcile that runs before the cache catches up does not write twice.
 *
 * <p>A delete or a run strategy patch is remembered with the uid of the object it was made to: a lab started again
 * after a destroy has new objects of the same names, and a write made to their predecessors says nothing of them.
 * Remembered by name alone, a delete whose object the cache still showed when the lab was started again kept every
 * later teardown from deleting the new VMs, and the lab stayed DESTROYING with its VMs running until a restart.
 */
final class ObjectSync {

    /**
     * Writes not yet seen in the cache: object key to the spec hashes written and seen ({@code want|have}), to the
     * uid deleted ({@code key#deleted}), or to the uid and run strategy patched.
     */
    private final Map<String, String> expected = new ConcurrentHashMap<>();
    /** Named like the workers, so that a profile counts their writes as the reconciler's. */
    private static final java.util.concurrent.ThreadFactory WRITERS = Thread.ofVirtual().name("reconcile-write-", 0)
            .factory();
    private final KubernetesClient client;
    private final ClusterWrites writes;
    /**
     * Writes in flight to the API server, all passes together: as many as there are workers, as when each worker
     * wrote one object after the other. Side-by-side writes make one lab's deploy short; this keeps a classroom's
     * from flooding the API server, whose watch events and the simulator's (or KubeVirt's) status writes queue
     * behind the same requests.
     */
    private final Semaphore inFlight;

    ObjectSync(KubernetesClient client, ClusterWrites writes) {
        this(client, writes, Integer.MAX_VALUE);
    }

    ObjectSync(KubernetesClient client, ClusterWrites writes, int maxInFlight) {
        this.client = client;
        this.writes = writes;
        this.inFlight = new Semaphore(maxInFlight, true);
    }

    /** Generic objects of one kind (VMs, NADs) in one namespace. */
    void syncGeneric(ResourceDefinitionContext kind, String namespace, Collection<GenericKubernetesResource> desired,
                     Collection<GenericKubernetesResource> existing) {
        sync(kind.getPlural(), namespace, desired, existing,
                name -> client.genericKubernetesResources(kind).inNamespace(namespace).withName(name),
                object -> client.genericKubernetesResources(kind).inNamespace(namespace).resource(object));
    }

    <T extends HasMetadata> void sync(String kind, String namespace, Collection<T> desired, Collection<T> existing,
                                      Function<String, Resource<T>> byName, Function<T, Resource<T>> byObject) {
        Map<String, T> present = new HashMap<>();
        for (T object : existing) {
            present.put(object.getMetadata().getName(), object);
        }
        List<Runnable> pending = new ArrayList<>();
        for (T want : desired) {
            String name = want.getMetadata().getName();
            String key = key(kind, namespace, name);
            T have = present.remove(name);
            String wantHash = ClusterLabels.specHash(want);
            if (have != null && Objects.equals(ClusterLabels.specHash(have), wantHash)) {
                expected.remove(key);
                continue;
            }
            // what we wrote, and what the cache showed when we wrote it: while the cache still shows
            // that, our write is in flight and must not be repeated; anything else is news to act on
            String haveHash = have == null ? "" : ClusterLabels.specHash(have);
            String written = wantHash + "|" + haveHash;
            if (written.equals(expected.get(key))) {
                continue;
            }
            pending.add(() -> {
                // remembered before the write: a delete seen right after it must find (and clear) the entry
                expected.put(key, written);
                try {
                    if (have == null) {
                        create(kind, byObject.apply(want));
                    } else {
                        send(ClusterWrites.Verb.UPDATE, kind, () -> byName.apply(name)
                                .patch(PatchContext.of(PatchType.JSON), ObjectRewrite.of(have, want)));
                    }
                } catch (RuntimeException e) {
                    expected.remove(key, written);
                    throw e;
                }
            });
        }
        for (T extra : present.values()) {
            pending.add(() -> delete(kind, namespace, extra, byName));
        }
        all(pending);
    }

    /**
     * Runs the writes of one kind side by side: they do not depend on each other, and a lab's deploy is then a few
     * round trips long instead of twenty. Every write is tried; the first failure is thrown once all have ended.
     */
    private void all(List<Runnable> writes) {
        if (writes.size() <= 1) {
            writes.forEach(this::limited);
            return;
        }
        List<Future<?>> running = new ArrayList<>();
        try (ExecutorService parallel = Executors.newThreadPerTaskExecutor(WRITERS)) {
            writes.forEach(write -> running.add(parallel.submit(() -> limited(write))));
        }
        RuntimeException failure = null;
        for (Future<?> write : running) {
            try {
                write.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                        : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing to the cluster", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void limited(Runnable write) {
        inFlight.acquireUninterruptibly();
        try {
            write.run();
        } finally {
            inFlight.release();
        }
    }

    <T extends HasMetadata> void ensure(String kind, T desired, T existing, Function<T, Resource<T>> byObject) {
        String key = key(kind, "", desired.getMetadata().getName());
        if (existing != null || expected.containsKey(key)) {
            if (existing != null) {
                expected.remove(key);
            }
            return;
        }
        create(kind, byObject.apply(desired));
        expected.put(key, "");
    }

    /**
     * Deletes {@code object} as the cache shows it, once: while the cache still shows that very object (same uid), the
     * delete is in flight. A new object of the same name is another object, and is deleted in turn.
     */
    <T extends HasMetadata> void delete(String kind, String namespace, T object, Function<String, Resource<T>> byName) {
        String name = object.getMetadata().getName();
        String key = deletedKey(kind, namespace, name);
        String uid = uid(object);
        if (uid.equals(expected.get(key))) {
            return;
        }
        send(ClusterWrites.Verb.DELETE, kind, () -> byName.apply(name).delete());
        expected.put(key, uid);
    }

    /** Forgets remembered deletes of objects the cache no longer shows (gone, or replaced by a new one). */
    void settleDeletes(String kind, String namespace, Collection<? extends HasMetadata> existing) {
        Map<String, String> shown = new HashMap<>();
        existing.forEach(o -> shown.put(deletedKey(kind, namespace, o.getMetadata().getName()), uid(o)));
        String prefix = key(kind, namespace, "");
        expected.entrySet().removeIf(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(DELETED)
                && !e.getValue().equals(shown.get(e.getKey())));
    }

    /** Sets {@code vm}'s run strategy, once while the cache shows this VM (same uid) with another one. */
    void patchRunStrategy(String namespace, HasMetadata vm, String runStrategy) {
        String name = vm.getMetadata().getName();
        String key = key("runStrategy", namespace, name);
        String patched = uid(vm) + "|" + runStrategy;
        if (patched.equals(expected.get(key))) {
            return;
        }
        send(ClusterWrites.Verb.PATCH, dev.labforge.cluster.kubevirt.KubeVirt.VM.getPlural(), () -> client
                .genericKubernetesResources(dev.labforge.cluster.kubevirt.KubeVirt.VM).inNamespace(namespace)
                .withName(name).patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"spec\":{\"runStrategy\":\"" + runStrategy + "\"}}"));
        expected.put(key, patched);
    }

    /** Deletes a VMI: with runStrategy Always, KubeVirt starts a fresh one from the VM's template. */
    /** Deletes a VM (once per uid: see {@link #delete}); the informer's delete event wakes the pass that recreates it. */
    void deleteVm(String namespace, GenericKubernetesResource vm) {
        delete(dev.labforge.cluster.kubevirt.KubeVirt.VM.getPlural(), namespace, vm, name -> client
                .genericKubernetesResources(dev.labforge.cluster.kubevirt.KubeVirt.VM).inNamespace(namespace)
                .withName(name));
    }

    void deleteInstance(String namespace, String vmi) {
        send(ClusterWrites.Verb.DELETE, dev.labforge.cluster.kubevirt.KubeVirt.VMI.getPlural(), () -> client
                .genericKubernetesResources(dev.labforge.cluster.kubevirt.KubeVirt.VMI).inNamespace(namespace)
                .withName(vmi).delete());
    }

    /**
     * Deletes a VMI started with {@code bootHash}, once: while the cache still shows that VMI, the delete is in
     * flight. @return whether it was deleted now
     */
    boolean deleteInstanceOnce(String namespace, String vmi, String bootHash) {
        String key = key("restart", namespace, vmi);
        if (bootHash.equals(expected.get(key))) {
            return false;
        }
        deleteInstance(namespace, vmi);
        expected.put(key, bootHash);
        return true;
    }

    /**
     * The informer cache saw an object deleted: whatever was written of it is no longer in flight, and the pass the
     * delete wakes must write it again (someone deleted it behind our back, perhaps before any pass saw it appear).
     */
    void gone(String kind, HasMetadata object) {
        String namespace = Objects.requireNonNullElse(object.getMetadata().getNamespace(), "");
        String name = object.getMetadata().getName();
        String uid = uid(object);
        expected.remove(key(kind, namespace, name));
        expected.remove(deletedKey(kind, namespace, name), uid);
        // a patch of this VM's run strategy, if any: the next VM of the name is another object
        expected.computeIfPresent(key("runStrategy", namespace, name), (k, patched) ->
                patched.startsWith(uid + "|") ? null : patched);
    }

    /** The cache shows these objects as last rendered: no write of them is in flight any more. */
    void inPlace(String kind, String namespace, Collection<? extends HasMetadata> objects) {
        for (HasMetadata object : objects) {
            expected.remove(key(kind, namespace, object.getMetadata().getName()));
        }
    }

    /** The VMI runs what it should: any restart of it is done. */
    void instanceCurrent(String namespace, String vmi) {
        expected.remove(key("restart", namespace, vmi));
    }

    /** The cache shows {@code vm} with {@code runStrategy}: a patch of this VM to it is no longer in flight. */
    void runStrategySeen(String namespace, HasMetadata vm, String runStrategy) {
        expected.remove(key("runStrategy", namespace, vm.getMetadata().getName()), uid(vm) + "|" + runStrategy);
    }

    /**
     * Whether nothing this service created in {@code namespace}, nor the namespace itself, can still turn up. A
     * teardown that finds none of the lab in the cache may run before the cache has shown what the pass before it
     * created (a destroy right after a start); taking that for "nothing left" would leave the objects running. Each
     * create not yet shown is looked up on the API server: one found is deleted, one not found is no longer awaited.
     */
    boolean unseenCreatesGone(String namespace) {
        boolean none = true;
        String namespaceKey = key("namespaces", "", namespace);
        String inNamespace = "/" + namespace + "/";
        for (Map.Entry<String, String> entry : List.copyOf(expected.entrySet())) {
            if (!entry.getKey().contains(inNamespace) && !entry.getKey().equals(namespaceKey)) {
                continue; // another lab's: the map holds every lab's writes in flight
            }
            String[] parts = entry.getKey().split("/", 3);
            if (parts.length < 3 || entry.getKey().endsWith(DELETED)) {
                continue;
            }
            boolean namespaceItself = parts[0].equals("namespaces") && parts[2].equals(namespace);
            boolean created = parts[1].equals(namespace) && entry.getValue().endsWith("|"); // "hash|": nothing shown
            if (!(namespaceItself || created)) {
                continue;
            }
            Resource<? extends HasMetadata> resource = byName(parts[0], namespace, parts[2]);
            if (resource == null) {
                continue;
            }
            HasMetadata found = resource.get();
            if (found == null) {
                expected.remove(entry.getKey(), entry.getValue());
            } else {
                none = false;
                deleteFound(parts[0], namespace, found, resource);
            }
        }
        return none;
    }

    private Resource<? extends HasMetadata> byName(String kind, String namespace, String name) {
        if (kind.equals("namespaces")) {
            return client.namespaces().withName(name);
        }
        if (kind.equals("secrets")) {
            return client.secrets().inNamespace(namespace).withName(name);
        }
        if (kind.equals(dev.labforge.cluster.kubevirt.KubeVirt.VM.getPlural())) {
            return client.genericKubernetesResources(dev.labforge.cluster.kubevirt.KubeVirt.VM).inNamespace(namespace)
                    .withName(name);
        }
        if (kind.equals(dev.labforge.cluster.multus.Multus.NAD.getPlural())) {
            return client.genericKubernetesResources(dev.labforge.cluster.multus.Multus.NAD).inNamespace(namespace)
                    .withName(name);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private <T extends HasMetadata> void deleteFound(String kind, String namespace, HasMetadata found,
                                                     Resource<T> resource) {
        delete(kind, kind.equals("namespaces") ? "" : namespace, (T) found, name -> resource);
    }

    void forgetNamespace(String namespace) {
        expected.keySet().removeIf(k -> k.contains("/" + namespace + "/"));
    }

    private <T extends HasMetadata> void create(String kind, Resource<T> resource) {
        try {
            resource.create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                writes.failed(ClusterWrites.Verb.CREATE, kind, e);
                throw e;
            }
            // it exists already (created by a run whose ADD we have not seen): the cache will show it
            writes.createdAlready(kind);
            return;
        }
        writes.wrote(ClusterWrites.Verb.CREATE, kind);
    }

    /** One write other than a create, counted by its answer. */
    private void send(ClusterWrites.Verb verb, String kind, Supplier<?> write) {
        try {
            write.get();
        } catch (RuntimeException e) {
            writes.failed(verb, kind, e);
            throw e;
        }
        writes.wrote(verb, kind);
    }

    private static String key(String kind, String namespace, String name) {
        return kind + "/" + namespace + "/" + name;
    }

    private static final String DELETED = "#deleted";

    private static String deletedKey(String kind, String namespace, String name) {
        return key(kind, namespace, name) + DELETED;
    }

    /** An object's uid; empty for one built without (tests), which then counts as one object per name. */
    private static String uid(HasMetadata object) {
        return Objects.requireNonNullElse(object.getMetadata().getUid(), "");
    }

}
