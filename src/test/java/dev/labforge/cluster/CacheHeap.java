package dev.labforge.cluster;

import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.multus.Multus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.crud.Attribute;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What LabForge's informer caches keep per router, at any number of routers. An API server (the fabric8 mock in
 * CRUD mode, as in the simulated cluster) is filled with {@code copies} copies of real labs' objects, exactly as the
 * storm left them (VMs and VMIs with the simulator's status), each copy under a new lab id, namespace and uids.
 * The objects go straight into the server's store: through the API, 30,000 routers would take ~40 minutes on two
 * cores (each call scans the whole store). Then a {@link ClusterCache} lists and watches them like the reconciler's
 * does; the heap it holds is the settled heap with it running minus the settled heap once it is closed and gone.
 */
final class CacheHeap {

    /**
     * @param bytes     live bytes the caches held, by class histogram
     * @param usedBytes the same seen as the difference in heap used after collections (coarser)
     */
    record Result(int routers, long bytes, long usedBytes, Duration synced, List<String> topClasses) {

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
        int routers = 0;
        for (int copy = 0; copy < copies; copy++) {
            for (Map.Entry<UUID, List<GenericKubernetesResource>> lab : labs.entrySet()) {
                routers += load(store, lab.getKey(), lab.getValue(), copy == 0);
            }
        }
        try (KubernetesClient client = server.createClient()) {
            return measure(client, routers, labs.size() * copies, timeout);
        } finally {
            server.destroy();
        }
    }

    private static Result measure(KubernetesClient client, int routers, int labCount, Duration timeout) {
        AtomicLong events = new AtomicLong();
        AtomicLong lastEvent = new AtomicLong(System.nanoTime());
        long started = System.nanoTime();
        ClusterCache cache = new ClusterCache(client, Duration.ofMinutes(5).toMillis(), lab -> {
            events.incrementAndGet();
            lastEvent.set(System.nanoTime());
        });
        cache.start();
        Await.until("the caches to list " + routers + " routers", timeout, cache::synced, () -> "not synced");
        Duration synced = Duration.ofNanos(System.nanoTime() - started);
        // a watch opened on the mock server replays every object as ADDED: let that pass before measuring
        Await.until("the watches' replay to end", timeout,
                () -> System.nanoTime() - lastEvent.get() > Duration.ofSeconds(2).toNanos(),
                () -> events.get() + " events so far");
        if (cache.labsPresent().size() != labCount) {
            throw new AssertionError("the caches show " + cache.labsPresent().size() + " labs, not " + labCount);
        }
        long usedWith = HeapUse.settled();
        Map<String, HeapUse.Holding> with = HeapUse.histogram();
        cache.close();
        cache = null; // nothing else refers to it: what it held is garbage now
        long usedWithout = HeapUse.settled();
        Map<String, HeapUse.Holding> without = HeapUse.histogram();
        return new Result(routers, HeapUse.total(with) - HeapUse.total(without), usedWith - usedWithout, synced,
                HeapUse.growth(without, with, 12, routers));
    }

    /** Puts one lab's objects into the store, under new identities unless {@code original}; returns its routers. */
    private static int load(KubernetesCrudDispatcher store, UUID labId, List<GenericKubernetesResource> objects,
                            boolean original) {
        Map<String, String> renames = new LinkedHashMap<>();
        if (!original) {
            UUID copy = UUID.randomUUID();
            renames.put(labId.toString(), copy.toString());
            renames.put(LabPlanner.namespaceOf(labId), LabPlanner.namespaceOf(copy));
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
            store.processEvent(path, store.getKey(path).add(new Attribute("name", renamed.getMetadata().getName())),
                    null, renamed, json);
            routers += renamed.getKind().equals(KubeVirt.VM.getKind()) ? 1 : 0;
        }
        return routers;
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
