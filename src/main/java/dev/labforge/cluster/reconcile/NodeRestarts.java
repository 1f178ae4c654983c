package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.NodePlan;
import dev.labforge.cluster.status.StatusRecorder;
import dev.labforge.cluster.status.StatusRows;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
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
    private final StatusRecorder status;

    NodeRestarts(ClusterCache cache, ObjectSync sync, StatusRecorder status) {
        this.cache = cache;
        this.sync = sync;
        this.status = status;
    }

    /** Both kinds of restart for one pass, from one look at the lab's cached VMs and VMIs. */
    void apply(LabPlan plan, Map<String, StatusRows.Node> nodes, RenderedLabs.Render render) {
        Map<String, GenericKubernetesResource> vmis = new HashMap<>();
        cache.vmis(plan.labId()).forEach(vmi -> vmis.put(vmi.getMetadata().getName(), vmi));
        requested(plan, nodes, vmis);
        stale(plan, render, vmis);
    }

    /**
     * A requested restart replaces the node's VM (KubeVirt deletes its VMI with it) and the next pass creates it anew
     * from the plan: a start asked while an older deployment was still torn down (a reset) requests one of every node,
     * and a deleted VMI alone would leave that older VM in place. Without a VM, the running VMI is deleted.
     */
    private void requested(LabPlan plan, Map<String, StatusRows.Node> nodes,
                           Map<String, GenericKubernetesResource> vmis) {
        Map<String, GenericKubernetesResource> vms = new HashMap<>();
        cache.vms(plan.labId()).forEach(vm -> vms.put(vm.getMetadata().getName(), vm));
        nodes.forEach((node, row) -> {
            if (!row.restartRequested()) {
                return;
            }
            if (vms.containsKey(node)) {
                sync.deleteVm(plan.namespace(), vms.get(node));
            } else if (vmis.containsKey(node)) {
                sync.deleteInstance(plan.namespace(), node);
            }
            status.restartDone(plan.labId(), node);
        });
    }

    /**
     * A running node whose VMI was started from an older template or startup config is restarted: KubeVirt applies
     * neither to a running VMI. Only once the cache shows the VM rewritten, so that the next VMI is made from the new
     * template; never a VMI without a boot hash (started by an older LabForge: an upgrade restarts nobody).
     */
    private void stale(LabPlan plan, RenderedLabs.Render render, Map<String, GenericKubernetesResource> vmis) {
        Map<String, String> cachedVmHashes = new HashMap<>();
        cache.vms(plan.labId()).forEach(vm -> cachedVmHashes.put(vm.getMetadata().getName(),
                ClusterLabels.specHash(vm)));
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
            } else if (sync.deleteInstanceOnce(plan.namespace(), name, running)) {
                status.restarted(plan.labId(), name, "its definition changed (startup config, resources or links)");
            }
        }
    }
}
