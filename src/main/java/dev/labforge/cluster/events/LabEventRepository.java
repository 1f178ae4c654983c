package dev.labforge.cluster.events;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface LabEventRepository extends JpaRepository<LabEvent, Long> {

    List<LabEvent> findByLabIdAndIdGreaterThanOrderById(UUID labId, long after, Limit limit);
}
