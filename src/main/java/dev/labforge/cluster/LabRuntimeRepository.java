package dev.labforge.cluster;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LabRuntimeRepository extends JpaRepository<LabRuntime, UUID> {

    /**
     * Every lab that may have something to reconcile: all but those destroyed and recorded torn down (DEFINED), whose
     * objects, should any come back, the informers report anyway.
     */
    @Query("select r.labId from LabRuntime r where not (r.desired = dev.labforge.cluster.DesiredRun.DESTROYED"
            + " and r.state = dev.labforge.cluster.LabState.DEFINED)")
    List<UUID> liveLabIds();
}
