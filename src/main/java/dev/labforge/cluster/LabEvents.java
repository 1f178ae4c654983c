package dev.labforge.cluster;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;

/** The persisted event log of each lab. */
@Component
class LabEvents {

    private final LabEventRepository repository;

    LabEvents(LabEventRepository repository) {
        this.repository = repository;
    }

    void append(UUID labId, String kind, String node, String message) {
        repository.save(new LabEvent(labId, kind, node, message));
    }

    List<LabEvent> after(UUID labId, long afterId, int limit) {
        return repository.findByLabIdAndIdGreaterThanOrderById(labId, afterId, Limit.of(limit));
    }
}
