package dev.labforge.cluster.lifecycle;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.Permission;
import dev.labforge.api.Conflict;
import dev.labforge.api.NotFound;
import dev.labforge.cluster.events.LabEvents;
import dev.labforge.cluster.plan.DesiredRun;
import dev.labforge.cluster.plan.LabPlanner;
import dev.labforge.cluster.status.LabRuntime;
import dev.labforge.cluster.status.LabRuntimeRepository;
import dev.labforge.cluster.status.NodeRuntime;
import dev.labforge.cluster.status.NodeRuntimeRepository;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabDefinitions;
import dev.labforge.lab.LabRunGuard;
import dev.labforge.topology.Node;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what users ask of a lab (desired state) and wakes the reconciler. It never talks to the
 * cluster itself, so every request is answered at once and the work survives a restart.
 */
@Component
class Lifecycle {

    private final LabDefinitions labs;
    private final LabRuntimeRepository runtimes;
    private final NodeRuntimeRepository nodes;
    private final LabEvents events;
    private final Commitments commitments;
    private final AuditLog audit;
    private final ApplicationEventPublisher publisher;
    private final List<LabRunGuard> runGuards;

    Lifecycle(LabDefinitions labs, LabRuntimeRepository runtimes, NodeRuntimeRepository nodes, LabEvents events,
              Commitments commitments, AuditLog audit, ApplicationEventPublisher publisher,
              List<LabRunGuard> runGuards) {
        this.runGuards = runGuards;
        this.labs = labs;
        this.commitments = commitments;
        this.audit = audit;
        this.runtimes = runtimes;
        this.nodes = nodes;
        this.events = events;
        this.publisher = publisher;
    }

    @Transactional
    public void start(Caller caller, UUID labId) {
        LabDefinition lab = lockedForOperating(caller, labId,
                () -> runGuards.forEach(guard -> guard.lockBeforeStart(labId)));
        LabRuntime runtime = runtimes.findById(labId).orElse(null);
        boolean running = runtime != null && runtime.desired() == DesiredRun.RUNNING;
        boolean destroyed = runtime != null && runtime.desired() == DesiredRun.DESTROYED;
        if (!running) { // a run's capacity is held (or refused) before anything is recorded
            runGuards.forEach(guard -> guard.beforeStart(caller, lab));
        }
        boolean changed = runtime == null || runtime.want(DesiredRun.RUNNING);
        if (runtime == null) { // saved before its node rows, which reference it
            runtimes.save(new LabRuntime(labId, LabPlanner.namespaceOf(labId), DesiredRun.RUNNING));
        }
        commitments.runAll(lab, running);
        if (destroyed) {
            replaceLeftovers(labId);
        }
        requested(lab, caller, changed, "start", null);
    }

    @Transactional
    public void stop(Caller caller, UUID labId) {
        LabDefinition lab = labs.require(caller, labId, Permission.OPERATE);
        events.lock(labId);
        LabRuntime runtime = deployed(labId, "stop");
        requested(lab, caller, runtime.want(DesiredRun.STOPPED), "stop", null);
        runGuards.forEach(guard -> guard.afterHalt(labId));
    }

    @Transactional
    public void destroy(Caller caller, UUID labId) {
        LabDefinition lab = labs.require(caller, labId, Permission.OPERATE);
        events.lock(labId);
        runtimes.findById(labId).ifPresent(runtime ->
                requested(lab, caller, runtime.want(DesiredRun.DESTROYED), "destroy", null));
        runGuards.forEach(guard -> guard.afterHalt(labId));
    }

    @Transactional
    public void node(Caller caller, UUID labId, String nodeName, String action) {
        LabDefinition lab = lockedForOperating(caller, labId, () -> { });
        Node node = lab.topology().node(nodeName)
                .orElseThrow(() -> new NotFound("lab " + labId + " has no node '" + nodeName + "'"));
        LabRuntime runtime = deployed(labId, action + " a node of");
        if (runtime.desired() != DesiredRun.RUNNING) {
            throw new Conflict("the lab is " + runtime.desired().name().toLowerCase()
                    + ": start the lab before you " + action + " one of its nodes");
        }
        NodeRuntime row = nodes.findById(new NodeRuntime.Key(labId, nodeName))
                .orElseGet(() -> nodes.save(new NodeRuntime(labId, nodeName, false)));
        switch (action) {
            case "start" -> commitments.run(lab, node, row);
            case "stop" -> row.run(false);
            case "restart" -> {
                if (!row.running()) {
                    throw new Conflict("node '" + nodeName + "' is stopped: start it instead of restarting it");
                }
                row.requestRestart();
            }
            default -> throw new NotFound("no such action: " + action);
        }
        requested(lab, caller, true, action, nodeName);
    }

    /**
     * A start after a destroy whose teardown was not yet recorded (a reset: destroy, redefine and start in one
     * request) would find the old VMs still there and keep them, since the reconciler never saw the lab destroyed.
     * The node rows a finished teardown deletes are still there then: each is asked to restart, which replaces its VM.
     */
    private void replaceLeftovers(UUID labId) {
        // a node new to the definition has no VM yet: its restart finds nothing to replace
        nodes.findByIdLabIdOrderByIdNode(labId).forEach(NodeRuntime::requestRestart);
    }

    /**
     * The lab, read again after taking its row's lock (see {@link LabDefinitions#lockForStart}: a template's re-apply
     * then either commits first or sees the start), then its owner's quota lock and then its event lock (see
     * {@link LabEvents}): an edit that committed while this request waited for the locks is what gets started, and no
     * runtime row is read before the locks. The row's lock first, as an edit takes it before the quota lock; before it
     * only what {@code first} locks: a start's guards' rows that others lock before a lab's ({@link
     * LabRunGuard#lockBeforeStart}).
     */
    private LabDefinition lockedForOperating(Caller caller, UUID labId, Runnable first) {
        LabDefinition lab = labs.require(caller, labId, Permission.OPERATE);
        first.run();
        labs.lockForStart(labId);
        commitments.lock(lab.owner());
        events.lock(labId);
        return labs.require(caller, labId, Permission.OPERATE);
    }

    private LabRuntime deployed(UUID labId, String action) {
        LabRuntime runtime = runtimes.findById(labId).orElse(null);
        if (runtime == null || runtime.desired() == DesiredRun.DESTROYED) {
            throw new Conflict("the lab is not deployed: start it before you " + action + " it");
        }
        return runtime;
    }

    private void requested(LabDefinition lab, Caller caller, boolean changed, String action, String node) {
        UUID labId = lab.id();
        events.append(labId, "Requested", node, caller.username() + " asked to " + action
                + (node == null ? " the lab" : " node " + node) + (changed ? "" : " (already so)"));
        audit.record(caller, node == null ? "lab." + action : "lab.node." + action,
                AuditLog.Target.lab(labId, lab.name()),
                node == null ? java.util.Map.of() : java.util.Map.of("node", node));
        publisher.publishEvent(new RunRequested(labId));
    }
}
