package dev.labforge.cluster.lifecycle;

import dev.labforge.access.Caller;
import dev.labforge.cluster.events.LabEvents;
import dev.labforge.cluster.plan.DesiredRun;
import dev.labforge.cluster.ReconcilerLease;
import dev.labforge.cluster.status.LabRuntimeRepository;
import dev.labforge.lab.LabRunner;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab module's {@link LabRunner}: requests on a schedule go through {@link Lifecycle} exactly as
 * users' requests do, and leadership is the reconciler's lease, so one replica acts.
 */
@Component
class ScheduledRuns implements LabRunner {

    private final Lifecycle lifecycle;
    private final LabRuntimeRepository runtimes;
    private final ReconcilerLease lease;
    private final LabEvents events;

    ScheduledRuns(Lifecycle lifecycle, LabRuntimeRepository runtimes, ReconcilerLease lease, LabEvents events) {
        this.events = events;
        this.lifecycle = lifecycle;
        this.runtimes = runtimes;
        this.lease = lease;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(Caller actor, UUID labId) {
        if (desired(labId) != DesiredRun.RUNNING) { // a start of a running lab would only log "already so"
            lifecycle.start(actor, labId);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void stop(Caller actor, UUID labId) {
        if (desired(labId) == DesiredRun.RUNNING) {
            lifecycle.stop(actor, labId);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void destroy(Caller actor, UUID labId) {
        DesiredRun desired = desired(labId);
        if (desired != null && desired != DesiredRun.DESTROYED) {
            lifecycle.destroy(actor, labId);
        }
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void note(UUID labId, String kind, String message) {
        events.append(labId, kind, null, message);
    }

    @Override
    public boolean leads() {
        return lease.held();
    }

    private DesiredRun desired(UUID labId) {
        return runtimes.desiredOf(labId).orElse(null); // not the entity: Lifecycle reads that after the lab's lock
    }
}
