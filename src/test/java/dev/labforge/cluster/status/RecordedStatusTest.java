package dev.labforge.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.plan.DesiredRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A pass whose observation the rows already show hands nothing to the status follower. */
class RecordedStatusTest {

    private final UUID lab = UUID.randomUUID();

    private StatusRows.Lab rows(LabState state, int ready, Map<String, NodeState> nodes) {
        Map<String, StatusRows.Node> byName = new LinkedHashMap<>();
        nodes.forEach((name, nodeState) -> byName.put(name,
                new StatusRows.Node(true, NodeObservation.of(nodeState), false)));
        return new StatusRows.Lab(lab, DesiredRun.RUNNING, state, ready, 2, List.of(), 3L, byName);
    }

    private static StatusAggregation.NodeView view(String node, NodeState state) {
        return new StatusAggregation.NodeView(node, true, NodeObservation.of(state));
    }

    @Test
    void anObservationAlreadyRecordedNeedsNoWrite() {
        List<StatusAggregation.NodeView> views = List.of(view("r1", NodeState.READY), view("r2", NodeState.READY));
        StatusAggregation.Result running = StatusAggregation.aggregate(DesiredRun.RUNNING, views, true);
        Map<String, NodeState> ready = Map.of("r1", NodeState.READY, "r2", NodeState.READY);

        assertThat(rows(LabState.RUNNING, 2, ready).showsAll(running, views, 3)).isTrue();
        assertThat(rows(LabState.RUNNING, 2, ready).showsAll(running, views, 4)).as("a new spec version").isFalse();
        assertThat(rows(LabState.DEPLOYING, 1, ready).showsAll(running, views, 3)).isFalse();
        assertThat(rows(LabState.RUNNING, 2, Map.of("r1", NodeState.READY, "r2", NodeState.BOOTING))
                .showsAll(running, views, 3)).isFalse();
        assertThat(rows(LabState.RUNNING, 2, Map.of("r1", NodeState.READY)).showsAll(running, views, 3))
                .as("a node without a row").isFalse();
    }
}
