package dev.labforge.cluster.reconcile;

import dev.labforge.cluster.ClusterConnection;
import dev.labforge.cluster.plan.LabPlanner;
import dev.labforge.cluster.simulated.RequestLog;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the service did for one lab from the moment this was made until it is closed: the reconcile passes of it, the
 * status batches that recorded it, and the service's requests to its namespace. All integration tests share one
 * service, whose threads meanwhile resync every other lab, record their status and tear down what other tests
 * deleted, so a test that counts work counts it here, never with the service's totals.
 */
public final class LabActivity implements AutoCloseable {

    private final LongAdder passes = new LongAdder();
    private final LongAdder statusBatches = new LongAdder();
    private final RequestTally requests;
    private final ClusterRuntime.Watching watching;
    private final RequestLog.Observation observation;

    private LabActivity(ClusterRuntime runtime, ClusterConnection cluster, UUID lab) {
        String service = cluster.client().getConfiguration().getUserAgent();
        requests = new RequestTally(service::equals, LabPlanner.namespaceOf(lab));
        observation = cluster.simulated().requests().observe(requests);
        watching = runtime.watch(new ClusterRuntime.LabWatcher() {
            @Override
            public void passed(UUID passed) {
                if (passed.equals(lab)) {
                    passes.increment();
                }
            }

            @Override
            public void statusRecorded(UUID recorded) {
                if (recorded.equals(lab)) {
                    statusBatches.increment();
                }
            }
        });
    }

    /** From now on; the cluster must be the simulated one, which tells every request it answers. */
    public static LabActivity of(ClusterRuntime runtime, ClusterConnection cluster, UUID lab) {
        return new LabActivity(runtime, cluster, lab);
    }

    /** Reconcile passes of the lab that ended. */
    public long passes() {
        return passes.sum();
    }

    /** Status batches that wrote a change of the lab. */
    public long statusBatches() {
        return statusBatches.sum();
    }

    /**
     * The service's requests to the lab's namespace and to the namespace object by name. Its own client's requests,
     * that is: a test that writes with {@code cluster.client()} while this counts counts its own writes too.
     */
    public RequestTally requests() {
        return requests;
    }

    /** Writes to the cluster of the lab's, any verb, whatever the answer. */
    public long writes() {
        return requests.writeCount();
    }

    @Override
    public void close() {
        watching.close();
        observation.close();
    }
}
