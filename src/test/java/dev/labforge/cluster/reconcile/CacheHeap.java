package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.Await;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlanner;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.crud.Attribute;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * What LabForge's informer caches keep per router, at any number of routers. A {@link ClusterCache} watches an API
 * server (the fabric8 mock in CRUD mode, as in the simulated cluster), which is then filled with {@code copies}
 * copies of real labs' objects, exactly as the storm left them (VMs and VMIs with the simulator's status), each copy
 * under a new lab id, namespace and uids. The objects go straight into the server's store, which sends each to the
 * watches like any write: through the API's write path, 30,000 routers would take most of an hour. Once the caches
 * hold every object, the heap they hold is the live heap with them minus the live heap once they are closed and gone.
 */
final class CacheHeap {

    /**
     * @param bytes     live bytes the caches held, by class histogram
     * @param usedBytes the same seen as the difference in heap used after collections (coarser)
     */
    record Result(int routers, long bytes, long usedBytes, Duration loaded, List<String> topClasses) {

        double perRouter() {
            return (double) bytes / routers;
        }
    }

    private CacheHeap() {
    }

    /**
     * @param labs every object of some labs as the API server holds them (Namespace, Secrets, NADs, VMs, VMIs),
     *             grouped by lab
     */
    static Result measure(Map<UUID, List<GenericKubernetesResource>> labs, int copies, Duration timeout) {
        KubernetesCrudDispatcher store = new KubernetesCrudDispatcher();
        KubernetesMockServer server = new KubernetesMockServer(new Context(Serialization.jsonMapper()),
                new MockWebServer(), new HashMap<>(), store, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        try (KubernetesClient client = server.createClient()) {
            // only this holder refers to the caches, so that clearing it leaves them garbage (a local variable in
            // this frame would keep them reachable through the measurement, and it would measure nothing)
            AtomicReference<ClusterCache> caches = new AtomicReference<>(
                    new ClusterCache(client, Duration.ofMinutes(5).toMillis(), lab -> { }, lab -> { },
                            (kind, object) -> { }));
            caches.get().start();
            Await.until("the caches to list an empty cluster", timeout, () -> caches.get().synced(),
                    () -> "not synced");
            long started = System.nanoTime();
            List<UUID> loaded = new ArrayList<>();
            int routers = 0;
            for (int copy = 0; copy < copies; copy++) {
                for (Map.Entry<UUID, List<GenericKubernetesResource>> lab : labs.entrySet()) {
                    UUID id = copy == 0 ? lab.getKey() : UUID.randomUUID();
                    routers += load(store, lab.getKey(), id, lab.getValue());
                    loaded.add(id);
                }
            }
            int objectsPerLab = labs.values().iterator().next().size();
            Await.until("the caches to hold " + routers + " routers", timeout,
                    () -> loaded.stream().allMatch(id -> held(caches.get(), id) == objectsPerLab),
                    () -> loaded.stream().filter(id -> held(caches.get(), id) == objectsPerLab).count()
                            + " labs complete");
            return measure(caches, routers, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            server.destroy();
        }
    }

    /** How many of a lab's objects the caches hold. */
    private static int held(ClusterCache cache, UUID lab) {
        return (cache.namespace(lab) == null ? 0 : 1) + cache.secrets(lab).size() + cache.nads(lab).size()
                + cache.vms(lab).size() + cache.vmis(lab).size();
    }

    private static Result measure(AtomicReference<ClusterCache> caches, int routers, Duration loaded) {
        long usedWith = HeapUse.settled();
        Map<String, HeapUse.Holding> with = HeapUse.histogram();
        caches.getAndSet(null).close(); // nothing else refers to them: what they held is garbage now
        long usedWithout = HeapUse.settled();
        Map<String, HeapUse.Holding> without = HeapUse.histogram();
        return new Result(routers, HeapUse.total(with) - HeapUse.total(without), usedWith - usedWithout, loaded,
                HeapUse.growth(without, with, 12, routers));
    }

    /** Puts one lab's objects into the store, renamed from {@code labId} to {@code as}; returns its routers. */
    private static int load(KubernetesCrudDispatcher store, UUID labId, UUID as,
                            List<GenericKubernetesResource> objects) {
        Map<String, String> renames = new LinkedHashMap<>();
        if (!as.equals(labId)) {
            renames.put(labId.toString(), as.toString());
            renames.put(LabPlanner.namespaceOf(labId), LabPlanner.namespaceOf(as));
            objects.forEach(o -> renames.put(o.getMetadata().getUid(), UUID.randomUUID().toString()));
        }
        int routers = 0;
        for (GenericKubernetesResource object : objects) {
            String json = Serialization.asJson(object);
            for (Map.Entry<String, String> rename : renames.entrySet()) {
                json = json.replace(rename.getKey(), rename.getValue());
            }
            GenericKubernetesResource renamed = Serialization.unmarshal(json, GenericKubernetesResource.class);
            String path = collection(renamed);
            Lock write = writeLock(store);
            write.lock(); // as the mock's own write handlers hold it: its event loop replays the store to new watches
            try {
                store.processEvent(path, store.getKey(path).add(new Attribute("name",
                        renamed.getMetadata().getName())), null, renamed, json);
            } finally {
                write.unlock();
            }
            routers += renamed.getKind().equals(KubeVirt.VM.getKind()) ? 1 : 0;
        }
        return routers;
    }

    /**
     * The mock's store lock. Its write handlers hold it when they call {@code processEvent}, and a new watch reads the
     * store under it; called from here without it, the 30,000-router load made the mock's event loop fail with
     * ConcurrentModificationException and lose watch events.
     */
    private static Lock writeLock(KubernetesCrudDispatcher store) {
        try {
            Field lock = KubernetesCrudDispatcher.class.getDeclaredField("lock");
            lock.setAccessible(true);
            return ((ReadWriteLock) lock.get(store)).writeLock();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fabric8's mock changed: its CRUD store has no lock field", e);
        }
    }

    private static String collection(GenericKubernetesResource object) {
        String ns = object.getMetadata().getNamespace();
        return switch (object.getKind()) {
            case "Namespace" -> "/api/v1/namespaces";
            case "Secret" -> "/api/v1/namespaces/" + ns + "/secrets";
            case "NetworkAttachmentDefinition" -> "/apis/" + Multus.NAD.getGroup() + "/v1/namespaces/" + ns + "/"
                    + Multus.NAD.getPlural();
            case "VirtualMachine" -> "/apis/kubevirt.io/v1/namespaces/" + ns + "/" + KubeVirt.VM.getPlural();
            case "VirtualMachineInstance" -> "/apis/kubevirt.io/v1/namespaces/" + ns + "/" + KubeVirt.VMI.getPlural();
            default -> throw new IllegalArgumentException("not a lab object: " + object.getKind());
        };
    }

    /** Every object of the given labs, read from a cluster the way an API client sees them: five lists. */
    static Map<UUID, List<GenericKubernetesResource>> objectsOf(KubernetesClient client, List<UUID> labIds) {
        Map<UUID, List<GenericKubernetesResource>> labs = new LinkedHashMap<>();
        labIds.forEach(id -> labs.put(id, new ArrayList<>()));
        List<GenericKubernetesResource> all = new ArrayList<>();
        client.namespaces().withLabel(ClusterLabels.LAB).list().getItems().forEach(n -> all.add(generic(n)));
        client.secrets().inAnyNamespace().withLabel(ClusterLabels.LAB).list().getItems()
                .forEach(s -> all.add(generic(s)));
        for (var kind : List.of(Multus.NAD, KubeVirt.VM, KubeVirt.VMI)) {
            all.addAll(client.genericKubernetesResources(kind).inAnyNamespace().withLabel(ClusterLabels.LAB).list()
                    .getItems());
        }
        for (GenericKubernetesResource object : all) {
            List<GenericKubernetesResource> lab = labs.get(UUID.fromString(
                    object.getMetadata().getLabels().get(ClusterLabels.LAB)));
            if (lab != null) {
                lab.add(object);
            }
        }
        return labs;
    }

    private static GenericKubernetesResource generic(Object typed) {
        return Serialization.unmarshal(Serialization.asJson(typed), GenericKubernetesResource.class);
    }
}
