package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.Await;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.simulated.SimulatedCluster;
import dev.labforge.cluster.simulated.SimulatorSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The floor a deploy is measured against: a plain fabric8 client creating exactly the objects LabForge would
 * (rendered by the planner and renderers, one create each, in the reconciler's order: Namespace, NADs, Secrets,
 * VMs), {@code workers} labs at a time, against a fresh simulated cluster with the same zero-delay simulator. No
 * informer, no database, no reconciler. It is done when the simulator has written every VM's status as Running
 * and ready.
 */
public final class FloorDeploy {

    /** @param measured what the caller measured once every VM ran, before this floor's cluster went away */
    record Result(Duration toAllRunning, long writes, Map<String, Long> writesByVerbAndKind, long simulatorWrites,
                  String measured) {
    }

    private FloorDeploy() {
    }

    public static Result run(List<List<HasMetadata>> labs, int workers, Duration timeout) {
        return run(labs, workers, timeout, false, () -> "");
    }

    /**
     * @param watched whether LabForge's informer caches ({@link ClusterCache}: its five watches, nothing acting on
     *                what they see) run beside the client, to show what those watches alone cost the API server
     * @param measure called once every VM ran, while the floor's threads still exist (CPU by thread)
     */
    public static Result run(List<List<HasMetadata>> labs, int workers, Duration timeout, boolean watched,
                      Supplier<String> measure) {
        long vms = labs.stream().flatMap(List::stream).filter(o -> o.getKind().equals("VirtualMachine")).count();
        SimulatedCluster cluster = SimulatedCluster.start(SimulatorSettings.immediate());
        ClusterCache caches = null;
        try {
            if (watched) {
                caches = new ClusterCache(cluster.client(), Duration.ofMinutes(5).toMillis(), lab -> { },
                        lab -> { }, (kind, object) -> { });
                caches.start();
                ClusterCache started = caches;
                Await.until("the watching caches to sync", timeout, started::synced, () -> "not synced");
            }
            RequestTally client = new RequestTally(agent -> !SimulatedCluster.SIMULATOR_AGENT.equals(agent));
            RequestTally simulator = new RequestTally(SimulatedCluster.SIMULATOR_AGENT::equals);
            Set<String> ready = ConcurrentHashMap.newKeySet();
            AtomicLong lastReady = new AtomicLong();
            cluster.simulator().onVmStatusWritten((namespace, name, status) -> {
                if (Boolean.TRUE.equals(status.get("ready")) && ready.add(namespace + "/" + name)) {
                    lastReady.set(System.nanoTime());
                }
            });
            try (var c = cluster.requests().observe(client); var s = cluster.requests().observe(simulator)) {
                long started = System.nanoTime();
                deploy(cluster.client(), labs, workers, timeout);
                Await.until("the floor's " + vms + " VMs to run", timeout, () -> ready.size() == vms,
                        () -> ready.size() + " running");
                Result result = new Result(Duration.ofNanos(lastReady.get() - started), client.writeCount(),
                        client.byVerbAndKind(), simulator.writeCount(), measure.get());
                // let the watches deliver what they still hold: the mock API blocks its only event loop for up to a
                // minute when a watch with undelivered events is closed
                Await.until("the simulator's caches to show every VM running", timeout,
                        () -> cluster.simulator().runningInstances() == vms, () -> cluster.simulator()
                                .runningInstances() + " VMIs running in its cache");
                return result;
            }
        } finally {
            if (caches != null) {
                caches.close();
            }
            close(cluster);
        }
    }

    /** A throwaway cluster that does not close cleanly does not change what was measured on it. */
    private static void close(SimulatedCluster cluster) {
        try {
            cluster.close();
        } catch (RuntimeException e) {
            System.out.println("the floor's cluster did not close cleanly (measured before): " + e);
        }
    }

    private static void deploy(KubernetesClient client, List<List<HasMetadata>> labs, int workers, Duration timeout) {
        Queue<List<HasMetadata>> todo = new ConcurrentLinkedQueue<>(labs);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> done = IntStream.range(0, workers).<Future<?>>mapToObj(i -> pool.submit(() -> {
                for (List<HasMetadata> lab = todo.poll(); lab != null; lab = todo.poll()) {
                    inReconcilerOrder(lab).forEach(object -> create(client, object));
                }
            })).toList();
            pool.shutdown();
            if (!pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the floor's creates took longer than " + timeout + "; " + todo.size()
                        + " labs not started");
            }
            for (Future<?> worker : done) {
                worker.get(); // rethrows a failed create
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("a floor create failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<HasMetadata> inReconcilerOrder(List<HasMetadata> lab) {
        List<String> order = List.of("Namespace", "NetworkAttachmentDefinition", "Secret", "VirtualMachine");
        return lab.stream().sorted(Comparator.comparingInt(o -> order.indexOf(o.getKind()))).toList();
    }

    private static void create(KubernetesClient client, HasMetadata object) {
        String ns = object.getMetadata().getNamespace();
        switch (object) {
            case Namespace namespace -> client.namespaces().resource(namespace).create();
            case Secret secret -> client.secrets().inNamespace(ns).resource(secret).create();
            case GenericKubernetesResource vm when vm.getKind().equals(KubeVirt.VM.getKind()) ->
                    client.genericKubernetesResources(KubeVirt.VM).inNamespace(ns).resource(vm).create();
            case GenericKubernetesResource nad when nad.getKind().equals(Multus.NAD.getKind()) ->
                    client.genericKubernetesResources(Multus.NAD).inNamespace(ns).resource(nad).create();
            default -> throw new IllegalArgumentException("no floor create for " + object.getKind());
        }
    }
}
