package dev.labforge.cluster;

import dev.labforge.cluster.kubevirt.KubeVirt;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The two reasons a pass replaces a running node's VMI: a user asked for a restart, or the node's definition changed
 * in a way KubeVirt does not apply to a running VMI (its boot hash differs).
 */
final class NodeRestarts {

    private final ClusterCache cache;
    private final ObjectSync sync;
    private final KubernetesClient client;
    private final StatusRecorder status;

    NodeRestarts(ClusterCache cache, ObjectSync sync, KubernetesClient client, StatusRecorder status) {
        this.cache = cache;
        this.sync = sync;
        this.client = client;
        this.status = status;
    }

    /** A restart deletes the running VMI; with runStrategy Always, KubeVirt starts a fresh one. */
    void requested(LabPlan plan, List<NodeRuntime> nodes) {
        for (NodeRuntime node : nodes) {
            if (node.restartRequestedAt() == null) {
                continue;
            }
            cache.vmis(plan.labId()).stream().filter(vmi -> vmi.getMetadata().getName().equals(node.node()))
                    .findFirst().ifPresent(vmi -> client.genericKubernetesResources(KubeVirt.VMI)
                            .inNamespace(plan.namespace()).withName(node.node()).delete());
            status.restartDone(plan.labId(), node.node());
        }
    }

    /**
     * A running node whose VMI was started from an older template or startup config is restarted: KubeVirt applies
     * neither to a running VMI. Only once the cache shows the VM rewritten, so that the next VMI is made from the new
     * template; never a VMI without a boot hash (started by an older LabForge: an upgrade restarts nobody).
     */
    void stale(LabPlan plan, RenderedLabs.Render render) {
        Map<String, String> cachedVmHashes = new HashMap<>();
        cache.vms(plan.labId()).forEach(vm -> cachedVmHashes.put(vm.getMetadata().getName(),
                ClusterLabels.specHash(vm)));
        Map<String, GenericKubernetesResource> vmis = new HashMap<>();
        cache.vmis(plan.labId()).forEach(vmi -> vmis.put(vmi.getMetadata().getName(), vmi));
        for (NodePlan node : plan.nodes()) {
            String name = node.vmName();
            GenericKubernetesResource vmi = vmis.get(name);
            if (vmi == null || vmi.getMetadata().getDeletionTimestamp() != null || !node.running()
                    || !Objects.equals(render.vmHash(name), cachedVmHashes.get(name))) {
                continue;
            }
            String running = vmi.getMetadata().getAnnotations().get(ClusterLabels.BOOT_HASH);
            if (running == null || running.equals(render.bootHash(name))) {
                sync.instanceCurrent(plan.namespace(), name);
            } else if (sync.deleteInstance(plan.namespace(), name, running)) {
                status.restarted(plan.labId(), name, "its definition changed (startup config, resources or links)");
            }
        }
    }
}
