package dev.labforge.cluster;

import dev.labforge.cluster.reconcile.ClusterRuntime;
import dev.labforge.cluster.status.LabState;
import dev.labforge.cluster.status.NodeState;
import dev.labforge.cluster.status.RuntimeCounts;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * LabForge's gauges: labs and nodes by state, what the nodes that should run hold, the reconcile queue, the status
 * follower's backlog and whether this replica holds the lease. The state tags take the values of {@link LabState} and
 * {@link NodeState}: a handful each, whatever the number of labs.
 *
 * <p>The counts come from the database, so every replica reports the same numbers: aggregate them with {@code max},
 * not {@code sum}. The queue and the backlog are the replica's own (only the lease holder has work in them).
 */
@Component
class ClusterMeters implements MeterBinder {

    private static final String COUNTS = """
            select 'lab', coalesce(r.state, 'DEFINED'), count(*), 0, 0
            from labs l left join lab_runtime r on r.lab_id = l.id group by 2
            union all
            select 'node', state, count(*), 0, 0 from node_runtime group by state
            union all
            select 'committed', '', count(*), coalesce(sum(n.vcpus), 0), coalesce(sum(n.memory_mib), 0)
            from node_runtime n join lab_runtime r on r.lab_id = n.lab_id
            where r.desired = 'RUNNING' and n.running""";
    private static final long MIB = 1024 * 1024;

    private final RuntimeCounts counts;
    private final ClusterRuntime runtime;

    ClusterMeters(JdbcClient jdbc, ClusterRuntime runtime, ObjectProvider<Clock> clock) {
        this.runtime = runtime;
        this.counts = new RuntimeCounts(() -> {
            RuntimeCounts.Builder snapshot = new RuntimeCounts.Builder();
            jdbc.sql(COUNTS).query(rs -> {
                snapshot.row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
            });
            return snapshot.build();
        }, clock.getIfAvailable(Clock::systemUTC));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (LabState state : LabState.values()) {
            Gauge.builder("labforge.labs", counts, c -> c.now().labs(state)).strongReference(true)
                    .description("Labs in each state (DEFINED: never started, or torn down)")
                    .tag("state", state.name()).register(registry);
        }
        for (NodeState state : NodeState.values()) {
            Gauge.builder("labforge.nodes", counts, c -> c.now().nodes(state)).strongReference(true)
                    .description("Nodes of started labs in each state").tag("state", state.name()).register(registry);
        }
        Gauge.builder("labforge.committed.nodes", counts, c -> c.now().committedNodes()).strongReference(true)
                .description("Nodes that should run in labs that should run, as quotas count them")
                .register(registry);
        Gauge.builder("labforge.committed.vcpus", counts, c -> c.now().committedVcpus()).strongReference(true)
                .description("vCPUs those nodes hold").register(registry);
        Gauge.builder("labforge.committed.memory", counts, c -> c.now().committedMemoryMib() * MIB)
                .strongReference(true).baseUnit(BaseUnits.BYTES).description("Memory those nodes hold")
                .register(registry);
        Gauge.builder("labforge.reconcile.queue", runtime, ClusterRuntime::queued).strongReference(true)
                .description("Labs waiting for a reconcile pass on this replica").register(registry);
        Gauge.builder("labforge.status.pending", runtime, ClusterRuntime::statusPending).strongReference(true)
                .description("Labs whose VM status changes wait to be recorded on this replica").register(registry);
        Gauge.builder("labforge.reconciler.leader", runtime, r -> r.isRunning() && r.leader() ? 1 : 0)
                .strongReference(true).description("1 on the replica that holds the lease and writes to the cluster")
                .register(registry);
    }
}
