package dev.labforge.cluster;

import dev.labforge.lab.LabStatus;
import dev.labforge.lab.LabStatusSource;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A lab's live state for its REST answers, from what the reconciler last saved. */
@Component
class RuntimeStatus implements LabStatusSource {

    private final LabRuntimeRepository runtimes;
    private final NodeRuntimeRepository nodes;

    RuntimeStatus(LabRuntimeRepository runtimes, NodeRuntimeRepository nodes) {
        this.runtimes = runtimes;
        this.nodes = nodes;
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<LabStatus> statusOf(UUID labId) {
        return runtimes.findById(labId).map(runtime -> new LabStatus(runtime.state().name(),
                runtime.desired().name(), runtime.readyNodes(), runtime.totalNodes(), runtime.reasons(),
                nodes.findByIdLabIdOrderByIdNode(labId).stream().map(n -> new LabStatus.NodeStatus(n.node(),
                        n.state().name(), n.reason(), n.message())).toList(),
                runtime.updatedAt()));
    }
}
