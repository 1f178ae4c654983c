package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.kubevirt.ConfigSecrets;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.kubevirt.Namespaces;
import dev.labforge.cluster.kubevirt.VirtualMachines;
import dev.labforge.cluster.multus.LinkDriver;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.DesiredRun;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.LabPlanner;
import dev.labforge.cluster.plan.NodePlan;
import dev.labforge.cluster.plan.SpecHash;
import dev.labforge.cluster.status.LabState;
import dev.labforge.cluster.status.NodeStatusMapping;
import dev.labforge.cluster.status.PlannedNodes;
import dev.labforge.cluster.status.StatusAggregation;
import dev.labforge.cluster.status.StatusFollower;
import dev.labforge.cluster.status.StatusLocks;
import dev.labforge.cluster.status.StatusRecorder;
import dev.labforge.cluster.status.StatusRows;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabDefinitions;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles one lab, always by the same steps whatever woke it: load the desired state, render the
 * objects, read what exists from the informer cache, write the difference, aggregate status and have it saved if
 * it changed (by the {@link StatusFollower}, except the status of a teardown, saved here). It never waits for the
 * cluster; the caller requeues while the lab is unsettled.
 */
final class LabReconciler {

    private final LabDefinitions definitions;
    private final StatusRows statusRows;
    private final LabPlanner planner;
    private final StatusRecorder status;
    private final TransactionTemplate transaction;
    private final ClusterCache cache;
    private final ObjectSync sync;
    private final KubernetesClient client;
    private final LinkDriver links;
    private final RenderedLabs rendered = new RenderedLabs();
    private final PlannedNodes planned;
    private final StatusLocks statusLocks;
    private final Consumer<UUID> unrecorded;
    private final NodeRestarts restarts;
    private final Consumer<UUID> betweenLoadReads;

    LabReconciler(LabDefinitions definitions, StatusRows statusRows, LabPlanner planner, StatusRecorder status,
                  TransactionTemplate transaction, ClusterCache cache, ObjectSync sync, KubernetesClient client, LinkDriver links, PlannedNodes planned,
                  StatusLocks statusLocks, Consumer<UUID> unrecorded, Consumer<UUID> betweenLoadReads) {
        this.definitions = definitions;
        this.statusRows = statusRows;
        this.planner = planner;
        this.status = status;
        this.transaction = transaction;
        this.cache = cache;
        this.sync = sync;
        this.client = client;
        this.links = links;
        this.planned = planned;
        this.statusLocks = statusLocks;
        this.unrecorded = unrecorded;
        this.betweenLoadReads = betweenLoadReads;
        this.restarts = new NodeRestarts(cache, sync, status);
    }

    /**
     * What the database says of a lab.
     *
     * @param rows null when the lab was never started
     * @param plan null when the lab is gone or to be destroyed
     */
    private record Desired(StatusRows.Lab rows, LabPlan plan) {
    }

    /** @return true when the lab has settled (nothing moving); false asks for a requeue */
    boolean reconcile(UUID labId) {
        Desired desired = transaction.execute(tx -> load(labId));
        StatusRows.Lab rows = desired.rows();
        if (desired.plan() == null) {
            rendered.forget(labId);
            planned.forget(labId);
            boolean gone = tearDown(labId, LabPlanner.namespaceOf(labId));
            if (gone) {
                planner.releaseLinks(labId); // nothing of the lab uses them any more
            }
            // unless the rows show the teardown done already: the lab DEFINED, without node rows
            if (rows != null && !(gone && rows.state() == LabState.DEFINED && rows.nodes().isEmpty())) {
                statusLocks.lock(labId);
                try {
                    status.recordTeardown(labId, !gone);
                } finally {
                    statusLocks.unlock(labId);
                }
            }
            return gone;
        }
        LabPlan plan = desired.plan();
        planned.remember(plan);
        String planDigest = SpecHash.ofContent(plan);
        RenderedLabs.Render render = rendered.current(labId, planDigest);
        if (render == null || !inPlace(plan, render)) {
            render = apply(plan, planDigest);
            rendered.remember(labId, render);
        }
        restarts.apply(plan, rows.nodes(), render);
        List<StatusAggregation.NodeView> views = observe(plan);
        StatusAggregation.Result result = StatusAggregation.aggregate(rows.desired(), views, true);
        if (!rows.showsAll(result, views, plan.specVersion())) {
            unrecorded.accept(labId); // the status follower, the one writer of a live lab's status, records it
        }
        return result.settled();
    }

    /** Loads that met an edit each time before a pass gives up (and is requeued): edits are seconds apart. */
    static final int LOAD_ATTEMPTS = 3;

    /**
     * The lab's definition, its runtime rows and its plan (which allocates link bridges), in one transaction: plain
     * SQL, no ORM session (a storm runs thousands of passes). The two reads must see one state of the lab: an edit of a
     * running lab writes the new definition and the added nodes' running rows in one commit, and a load that saw the
     * rows from before it and the definition from after planned an added node stopped for one pass (and patched it to
     * running on the next). Under read committed each read sees what is committed when it runs, so the definition's
     * version is read again after the rows: unchanged, no edit committed between the two reads; changed, the load is
     * made again. (A repeatable-read snapshot would do it too, but the plan's VLAN allocation must see ids committed
     * while it waited for its lock, and a second transaction per pass costs more than this one-row read.)
     */
    private Desired load(UUID labId) {
        for (int attempt = 1; ; attempt++) {
            Optional<LabDefinition> lab = definitions.find(labId);
            betweenLoadReads.accept(labId);
            StatusRows.Lab rows = statusRows.read(labId);
            if (rows == null || lab.isEmpty() || rows.desired() == DesiredRun.DESTROYED) {
                return new Desired(rows, null);
            }
            if (definitions.version(labId).orElse(-1) != lab.get().version()) {
                if (attempt == LOAD_ATTEMPTS) {
                    throw new IllegalStateException("lab " + labId + " was redefined during each of "
                            + LOAD_ATTEMPTS + " loads");
                }
                continue;
            }
            Map<String, Boolean> nodeRuns = new HashMap<>();
            rows.nodes().forEach((node, row) -> nodeRuns.put(node, row.running()));
            return new Desired(rows, planner.plan(lab.get(), rows.desired(), nodeRuns));
        }
    }

    /**
     * Whether the cache shows exactly what the plan rendered to last time (every object with its spec hash, nothing
     * more, every VM with the run strategy its node needs): then there is nothing to write and nothing to render.
     */
    private boolean inPlace(LabPlan plan, RenderedLabs.Render render) {
        UUID lab = plan.labId();
        Namespace namespace = cache.namespace(lab);
        List<GenericKubernetesResource> nads = cache.nads(lab);
        List<Secret> secrets = cache.secrets(lab);
        List<GenericKubernetesResource> vms = cache.vms(lab);
        if (namespace == null || !render.matches("namespaces", List.of(namespace)) || !render.matches("nads", nads)
                || !render.matches("secrets", secrets) || !render.matches("vms", vms)) {
            return false;
        }
        Map<String, GenericKubernetesResource> vmsByName = new HashMap<>();
        vms.forEach(vm -> vmsByName.put(vm.getMetadata().getName(), vm));
        for (NodePlan node : plan.nodes()) {
            GenericKubernetesResource vm = vmsByName.get(node.vmName());
            if (vm == null || !VirtualMachines.runStrategy(node.running()).equals(vm.get("spec", "runStrategy"))) {
                return false;
            }
        }
        String ns = plan.namespace();
        sync.inPlace("namespaces", "", List.of(namespace));
        sync.inPlace(Multus.NAD.getPlural(), ns, nads);
        sync.inPlace("secrets", ns, secrets);
        sync.inPlace(KubeVirt.VM.getPlural(), ns, vms);
        plan.nodes().forEach(node -> sync.runStrategySeen(ns, vmsByName.get(node.vmName()),
                VirtualMachines.runStrategy(node.running())));
        return true;
    }

    /** Renders the plan and writes what differs; @return the render's hashes */
    private RenderedLabs.Render apply(LabPlan plan, String planDigest) {
        String ns = plan.namespace();
        Namespace namespace = Namespaces.render(plan);
        sync.ensure("namespaces", namespace, cache.namespace(plan.labId()),
                object -> client.namespaces().resource(object));
        List<GenericKubernetesResource> nads = plan.links().stream().map(link -> links.render(plan, link)).toList();
        sync.syncGeneric(Multus.NAD, ns, nads, cache.nads(plan.labId()));
        List<Secret> secrets = new ArrayList<>();
        plan.nodes().forEach(node -> Optional.ofNullable(ConfigSecrets.render(plan, node)).ifPresent(secrets::add));
        sync.sync("secrets", ns, secrets, cache.secrets(plan.labId()),
                name -> client.secrets().inNamespace(ns).withName(name),
                object -> client.secrets().inNamespace(ns).resource(object));
        List<GenericKubernetesResource> existingVms = cache.vms(plan.labId());
        List<GenericKubernetesResource> vms = plan.nodes().stream()
                .map(node -> VirtualMachines.render(plan, node)).toList();
        sync.syncGeneric(KubeVirt.VM, ns, vms, existingVms);
        for (NodePlan node : plan.nodes()) {
            existingVms.stream().filter(vm -> vm.getMetadata().getName().equals(node.vmName())).findFirst()
                    .ifPresent(vm -> {
                        String have = vm.get("spec", "runStrategy");
                        String want = VirtualMachines.runStrategy(node.running());
                        if (want.equals(have)) {
                            sync.runStrategySeen(ns, vm, want);
                        } else {
                            sync.patchRunStrategy(ns, vm, want);
                        }
                    });
        }
        return RenderedLabs.Render.of(planDigest, namespace, nads, secrets, vms);
    }

    private List<StatusAggregation.NodeView> observe(LabPlan plan) {
        Map<String, GenericKubernetesResource> vms = new HashMap<>();
        cache.vms(plan.labId()).forEach(vm -> vms.put(vm.getMetadata().getName(), vm));
        List<StatusAggregation.NodeView> views = new ArrayList<>();
        for (NodePlan node : plan.nodes()) {
            views.add(new StatusAggregation.NodeView(node.name(), node.running(),
                    NodeStatusMapping.of(vms.get(node.vmName()), node.running())));
        }
        return views;
    }

    /** Deletes every object of the lab; @return true when nothing of it is left in the cache. */
    private boolean tearDown(UUID labId, String namespace) {
        List<GenericKubernetesResource> vms = cache.vms(labId);
        sync.syncGeneric(KubeVirt.VM, namespace, List.of(), vms);
        sync.settleDeletes(KubeVirt.VM.getPlural(), namespace, vms);
        List<GenericKubernetesResource> nads = cache.nads(labId);
        sync.syncGeneric(Multus.NAD, namespace, List.of(), nads);
        sync.settleDeletes(Multus.NAD.getPlural(), namespace, nads);
        List<Secret> secrets = cache.secrets(labId);
        sync.sync("secrets", namespace, List.<Secret>of(), secrets,
                name -> client.secrets().inNamespace(namespace).withName(name),
                object -> client.secrets().inNamespace(namespace).resource(object));
        sync.settleDeletes("secrets", namespace, secrets);
        Namespace ns = cache.namespace(labId);
        if (ns != null) {
            sync.delete("namespaces", "", ns, name -> client.namespaces().withName(name));
        } else {
            sync.settleDeletes("namespaces", "", List.of());
        }
        boolean gone = vms.isEmpty() && nads.isEmpty() && secrets.isEmpty() && ns == null
                && sync.unseenCreatesGone(namespace);
        if (gone) {
            sync.forgetNamespace(namespace);
        }
        return gone;
    }
}
