package dev.labforge.cluster.status;

import dev.labforge.cluster.events.LabEvents;
import dev.labforge.cluster.plan.DesiredRun;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a pass records itself, each change logged as an event: a teardown's status, and the restarts it made. A live
 * lab's status is the {@link StatusFollower}'s to write.
 */
@Component
public class StatusRecorder {

    private final LabRuntimeRepository runtimes;
    private final NodeRuntimeRepository nodes;
    private final LabEvents events;
    private final JdbcClient jdbc;

    StatusRecorder(LabRuntimeRepository runtimes, NodeRuntimeRepository nodes, LabEvents events, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.runtimes = runtimes;
        this.nodes = nodes;
        this.events = events;
    }

    /**
     * A lab being torn down: DESTROYING while anything of it is left, then DEFINED, when its nodes' rows go too (a
     * node with nothing in the cluster has no state to show, and the next start makes its rows afresh). Only while
     * the lab is still to be destroyed: a start that committed since the pass read the lab is not undone.
     */
    @Transactional
    public void recordTeardown(UUID labId, boolean anythingLeft) {
        commitWithoutWaitingForTheDisk();
        events.lock(labId);
        runtimes.findById(labId).filter(runtime -> runtime.desired() == DesiredRun.DESTROYED).ifPresent(runtime -> {
            StatusAggregation.Result result = StatusAggregation.aggregate(DesiredRun.DESTROYED, List.of(), anythingLeft);
            LabState previous = runtime.state();
            if (runtime.observe(result.state(), result.ready(), result.total(), result.reasons(), 0)
                    && previous != result.state()) {
                events.append(labId, "LabStateChanged", null, labChange(previous, result));
            }
            if (!anythingLeft) {
                nodes.deleteAllInBatch(nodes.findByIdLabIdOrderByIdNode(labId));
            }
        });
    }

    /**
     * Observed status is what the cluster says, not what anyone asked for: its commit need not wait for the write-ahead
     * log to reach the disk, which under load takes longer than the one second status may take to show. It is visible
     * to every read at once all the same. A crash of the database may lose the last fraction of a second of status
     * and its events; the reconciler observes the cluster again after a restart and records what it finds.
     */
    private void commitWithoutWaitingForTheDisk() {
        jdbc.sql("set local synchronous_commit to off").update();
    }

    /** The message of a NodeStateChanged event, such as {@code STARTING -> FAILED (ErrImagePull: ...)}. */
    static String nodeChange(NodeState previous, NodeObservation o) {
        return previous + " -> " + o.state() + (o.reason() == null ? "" : " (" + o.reason()
                + (o.message() == null ? "" : ": " + o.message()) + ")");
    }

    /** The message of a LabStateChanged event, such as {@code DEPLOYING -> RUNNING (6/6 ready)}. */
    static String labChange(LabState previous, StatusAggregation.Result result) {
        return previous + " -> " + result.state() + " (" + result.ready() + "/" + result.total() + " ready)";
    }

    /** The reconciler replaced a node's VMI on its own account, and says why. */
    @Transactional
    public void restarted(UUID labId, String node, String why) {
        events.append(labId, "NodeRestarted", node, "the VM instance was replaced: " + why);
    }

    @Transactional
    public void restartDone(UUID labId, String node) {
        events.lock(labId);
        nodes.findById(new NodeRuntime.Key(labId, node)).ifPresent(row -> {
            row.restartDone();
            events.append(labId, "NodeRestarted", node, "the VM instance was replaced");
        });
    }
}
