package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A pass that observes what is already recorded writes nothing, and does not even open a transaction. */
class StatusRecorderTest {

    private final UUID lab = UUID.randomUUID();

    private LabRuntime runtime(LabState state, int ready) {
        LabRuntime runtime = new LabRuntime(lab, "lab-x");
        runtime.observe(state, ready, 2, List.of(), 3);
        return runtime;
    }

    private NodeRuntime row(String node, NodeState state) {
        NodeRuntime row = new NodeRuntime(lab, node, true);
        row.observe(state, null, null);
        return row;
    }

    private static StatusAggregation.NodeView view(String node, NodeState state) {
        return new StatusAggregation.NodeView(node, true, NodeObservation.of(state));
    }

    @Test
    void anObservationAlreadyRecordedNeedsNoWrite() {
        List<StatusAggregation.NodeView> views = List.of(view("r1", NodeState.READY), view("r2", NodeState.READY));
        StatusAggregation.Result running = StatusAggregation.aggregate(DesiredRun.RUNNING, views, true);
        List<NodeRuntime> rows = List.of(row("r1", NodeState.READY), row("r2", NodeState.READY));

        assertThat(StatusRecorder.recorded(runtime(LabState.RUNNING, 2), rows, running, views, 3)).isTrue();
        assertThat(StatusRecorder.recorded(runtime(LabState.RUNNING, 2), rows, running, views, 4))
                .as("a new spec version").isFalse();
        assertThat(StatusRecorder.recorded(runtime(LabState.DEPLOYING, 1), rows, running, views, 3)).isFalse();
        assertThat(StatusRecorder.recorded(runtime(LabState.RUNNING, 2),
                List.of(row("r1", NodeState.READY), row("r2", NodeState.BOOTING)), running, views, 3)).isFalse();
        assertThat(StatusRecorder.recorded(runtime(LabState.RUNNING, 2), List.of(row("r1", NodeState.READY)),
                running, views, 3)).as("a node without a row").isFalse();
    }
}
