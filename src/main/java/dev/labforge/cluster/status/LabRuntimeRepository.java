package dev.labforge.cluster.status;

import dev.labforge.cluster.plan.DesiredRun;
import java.util.List;
import java.util.Optional;
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

    /**
     * What the lab is wanted to be, without loading its row as an entity: a caller that decides from it before taking
     * the lab's lock must not leave a copy in the transaction that the status writer then makes stale, or the write
     * after the lock fails on the row's version.
     */
    @Query("select r.desired from LabRuntime r where r.labId = :labId")
    Optional<DesiredRun> desiredOf(UUID labId);
}
