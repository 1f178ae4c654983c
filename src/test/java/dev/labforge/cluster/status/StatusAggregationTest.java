package dev.labforge.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.plan.DesiredRun;
import dev.labforge.cluster.status.StatusAggregation.NodeView;
import dev.labforge.cluster.status.StatusAggregation.Result;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusAggregationTest {

    /** Nodes written as "state" (should run) or "-state" (stopped on its own), space separated. */
    private static List<NodeView> nodes(String spec) {
        List<NodeView> out = new ArrayList<>();
        int i = 0;
        for (String token : spec.trim().split("\\s+")) {
            boolean shouldRun = !token.startsWith("-");
            NodeState state = NodeState.valueOf(token.replace("-", ""));
            NodeObservation observed = state == NodeState.FAILED
                    ? new NodeObservation(state, "ImagePullBackOff", "cannot pull")
                    : NodeObservation.of(state);
            out.add(new NodeView("r" + ++i, shouldRun, observed));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource({
            "RUNNING,   READY READY READY,           RUNNING,    3, 3, true",
            "RUNNING,   READY BOOTING READY,         DEPLOYING,  2, 3, false",
            "RUNNING,   PENDING PENDING,             DEPLOYING,  0, 2, false",
            "RUNNING,   READY FAILED READY,          DEGRADED,   2, 3, true",
            "RUNNING,   FAILED FAILED,               FAILED,     0, 2, true",
            "RUNNING,   FAILED STARTING,             DEPLOYING,  0, 2, false",
            "RUNNING,   READY -STOPPED,              RUNNING,    1, 1, true",
            "RUNNING,   READY -STOPPING,             DEPLOYING,  1, 1, false",
            "RUNNING,   -STOPPED -STOPPED,           STOPPED,    0, 0, true",
            "STOPPED,   STOPPING STOPPED,            STOPPING,   0, 0, false",
            "STOPPED,   STOPPED STOPPED,             STOPPED,    0, 0, true"})
    void rollsNodesUpIntoTheLabState(DesiredRun desired, String nodes, LabState state, int ready, int total,
                                     boolean settled) {
        Result result = StatusAggregation.aggregate(desired, nodes(nodes), true);

        assertThat(result.state()).isEqualTo(state);
        assertThat(result.ready()).isEqualTo(ready);
        assertThat(result.total()).isEqualTo(total);
        assertThat(result.settled()).isEqualTo(settled);
    }

    @ParameterizedTest
    @CsvSource({"true, DESTROYING, false", "false, DEFINED, true"})
    void destroyingUntilNothingIsLeft(boolean deployed, LabState state, boolean settled) {
        Result result = StatusAggregation.aggregate(DesiredRun.DESTROYED, nodes("READY"), deployed);

        assertThat(result.state()).isEqualTo(state);
        assertThat(result.settled()).isEqualTo(settled);
    }

    @org.junit.jupiter.api.Test
    void failedNodesAreNamedInTheReasons() {
        Result result = StatusAggregation.aggregate(DesiredRun.RUNNING, nodes("READY FAILED"), true);

        assertThat(result.reasons()).containsExactly("r2: ImagePullBackOff: cannot pull");
    }
}
