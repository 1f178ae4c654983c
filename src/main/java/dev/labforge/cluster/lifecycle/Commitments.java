package dev.labforge.cluster.lifecycle;

import dev.labforge.access.Owner;
import dev.labforge.cluster.plan.DesiredRun;
import dev.labforge.cluster.status.LabRuntimeRepository;
import dev.labforge.cluster.status.NodeRuntime;
import dev.labforge.cluster.status.NodeRuntimeRepository;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabDefinitions;
import dev.labforge.lab.LabEditGuard;
import dev.labforge.quota.Quotas;
import dev.labforge.quota.Usage;
import dev.labforge.topology.Node;
import dev.labforge.topology.Topology;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Commits nodes to run, against the owner's quota. Every path that makes more nodes run (starting a
 * lab or a node, adding nodes to a running lab) comes through here inside one transaction: lock
 * the owner, compare what the lab would hold with what it holds, ask the quota for the difference,
 * and write the node rows that make the new usage visible to the next check.
 */
@Component
class Commitments implements LabEditGuard {

    private final Quotas quotas;
    private final NodeRuntimeRepository nodes;
    private final LabRuntimeRepository runtimes;
    private final NodeResources resources;
    private final LabDefinitions labs;

    Commitments(Quotas quotas, NodeRuntimeRepository nodes, LabRuntimeRepository runtimes, NodeResources resources,
                LabDefinitions labs) {
        this.quotas = quotas;
        this.labs = labs;
        this.nodes = nodes;
        this.runtimes = runtimes;
        this.resources = resources;
    }

    /** Call before reading any runtime row in the transaction. */
    void lock(Owner owner) {
        quotas.lock(owner);
    }

    /** Every node of the lab will run. {@code running}: whether the lab runs already. */
    void runAll(LabDefinition lab, boolean running) {
        Map<String, NodeRuntime> rows = rows(lab);
        Usage before = running ? held(rows) : Usage.NONE;
        Usage after = Usage.NONE;
        for (Node node : lab.topology().nodes()) {
            after = after.plus(resources.of(node));
        }
        admit(lab, after.minus(before));
        rows.values().forEach(row -> row.run(true)); // a new row is built running
        sync(lab, lab.topology(), rows);
    }

    /** One more node of a running lab will run. */
    void run(LabDefinition lab, Node node, NodeRuntime row) {
        if (!row.running()) {
            admit(lab, resources.of(node));
        }
        row.run(true);
        resources.commit(row, node);
    }

    /** A running lab's topology changes: added nodes start, so the difference must fit the quota. */
    @Override
    public void beforeRedefine(LabDefinition current, Topology next) {
        lock(current.owner());
        boolean running = runtimes.findById(current.id()).map(r -> r.desired() == DesiredRun.RUNNING).orElse(false);
        if (!running) {
            return;
        }
        Map<String, NodeRuntime> rows = rows(current);
        Usage before = held(rows);
        Usage after = Usage.NONE;
        for (Node node : next.nodes()) {
            NodeRuntime row = rows.get(node.name());
            if (row == null || row.running()) {
                after = after.plus(resources.of(node));
            }
        }
        admit(current, after.minus(before));
        sync(current, next, rows);
    }

    /**
     * Asks the owner's quota for {@code extra}, unless the lab is charged to a course: a course lab's
     * runs take the course pool's capacity, reserved by its bookings, and no one's personal quota.
     */
    private void admit(LabDefinition lab, Usage extra) {
        if (labs.chargedToOwner(lab.id())) {
            quotas.admit(lab.owner(), extra);
        }
    }

    /**
     * Makes the rows match the topology: one per node (new nodes run), holding the node's
     * resources; rows of nodes that are gone are deleted. A new row is inserted as built, in one
     * statement (the inserts of a start go in one batch), with no update after it.
     */
    private void sync(LabDefinition lab, Topology topology, Map<String, NodeRuntime> rows) {
        for (Node node : topology.nodes()) {
            NodeRuntime existing = rows.remove(node.name());
            NodeRuntime row = existing != null ? existing : new NodeRuntime(lab.id(), node.name(), true);
            resources.commit(row, node);
            if (existing == null) {
                nodes.save(row);
            }
        }
        nodes.deleteAll(rows.values());
    }

    private Map<String, NodeRuntime> rows(LabDefinition lab) {
        Map<String, NodeRuntime> rows = new HashMap<>();
        nodes.findByIdLabIdOrderByIdNode(lab.id()).forEach(row -> rows.put(row.node(), row));
        return rows;
    }

    private static Usage held(Map<String, NodeRuntime> rows) {
        return rows.values().stream().map(NodeRuntime::held).reduce(Usage.NONE, Usage::plus);
    }
}
