package dev.labforge.cluster;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LabRuntimeRepository extends JpaRepository<LabRuntime, UUID> {

    @Query("select r.labId from LabRuntime r")
    List<UUID> allLabIds();
}
