package dev.labforge.cluster.status;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NodeRuntimeRepository extends JpaRepository<NodeRuntime, NodeRuntime.Key> {

    List<NodeRuntime> findByIdLabIdOrderByIdNode(UUID labId);
}
