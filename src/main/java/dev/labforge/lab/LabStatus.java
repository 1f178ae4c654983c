package dev.labforge.lab;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * What a lab is doing on the cluster, as whoever runs labs reports it. Absent for labs never started.
 *
 * @param state   DEFINED, DEPLOYING, RUNNING, DEGRADED, STOPPING, STOPPED, FAILED or DESTROYING
 * @param ready   nodes that are READY
 * @param total   nodes the lab should run
 * @param reasons why the lab is not simply RUNNING or STOPPED, one line each
 * @param nodes   each deployed node's state; none once the lab is destroyed (nothing of it in the cluster)
 */
@Schema(name = "LabStatus")
public record LabStatus(String state, String desired, int ready, int total, List<String> reasons,
                        List<NodeStatus> nodes, Instant updatedAt) {

    /**
     * @param state  PENDING, STARTING, BOOTING, READY, STOPPING, STOPPED or FAILED
     * @param reason a short machine-readable cause (ErrorUnschedulable, ImagePullBackOff, ...)
     */
    @Schema(name = "NodeStatus")
    public record NodeStatus(String name, String state, String reason, String message) {
    }
}
