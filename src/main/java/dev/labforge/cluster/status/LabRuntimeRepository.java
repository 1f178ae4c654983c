package dev.labforge.cluster.status;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface LabRuntimeRepository extends JpaRepository<LabRuntime, UUID> {

    /**
     * Every lab that may have something to reconcile: all but those destroyed and recorded torn down (DEFINED), whose
     * objects, should any come back, the informers report anyway.
     */
    @Query("select r.labId from LabRuntime r where not (r.desired = dev.labforge.cluster.plan.DesiredRun.DESTROYED"
            + " and r.state = dev.labforge.cluster.status.LabState.DEFINED)")
    List<UUID> liveLabIds();
}
