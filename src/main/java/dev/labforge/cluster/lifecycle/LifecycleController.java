package dev.labforge.cluster.lifecycle;

import dev.labforge.access.Caller;
import dev.labforge.cluster.plan.DesiredRun;
import dev.labforge.cluster.status.LabState;
import dev.labforge.cluster.status.RuntimeStatus;
import dev.labforge.lab.LabStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Start, stop and destroy labs and nodes: 202 Accepted with the current status; the reconciler does the work. */
@RestController
@RequestMapping("/api/v1/labs/{id}")
@Tag(name = "lifecycle", description = "Run labs on the cluster and watch them")
class LifecycleController {

    private final Lifecycle lifecycle;
    private final RuntimeStatus status;

    LifecycleController(Lifecycle lifecycle, RuntimeStatus status) {
        this.lifecycle = lifecycle;
        this.status = status;
    }

    @PostMapping("/start")
    @Operation(operationId = "startLab", summary = "Deploy what is missing and run every node",
            description = "Asks for the whole lab to run: creates its namespace, VMs, configs and links where "
                    + "missing and starts every node. Checked against the owner's quota. Answers 202 with the "
                    + "current status at once; the reconciler does the rest, and the status and the event log show "
                    + "the progress. Needs the operate permission.")
    ResponseEntity<LabStatus> start(Caller caller, @PathVariable UUID id) {
        lifecycle.start(caller, id);
        return accepted(id);
    }

    @PostMapping("/stop")
    @Operation(operationId = "stopLab", summary = "Halt every VM, keep the objects and links",
            description = "Halts every VM of the lab, keeping its objects and links, so that a later start is quick. "
                    + "Answers 202 with the current status; 409 when the lab was never started. Needs the operate "
                    + "permission.")
    ResponseEntity<LabStatus> stop(Caller caller, @PathVariable UUID id) {
        lifecycle.stop(caller, id);
        return accepted(id);
    }

    @PostMapping("/destroy")
    @Operation(operationId = "destroyLab", summary = "Remove everything from the cluster, keep the definition",
            description = "Removes everything of the lab from the cluster (VMs, configs, links, namespace) and frees "
                    + "its resources, keeping its definition, which can be started again. Answers 202 with the "
                    + "current status. Needs the operate permission.")
    ResponseEntity<LabStatus> destroy(Caller caller, @PathVariable UUID id) {
        lifecycle.destroy(caller, id);
        return accepted(id);
    }

    @PostMapping("/nodes/{node}/{action:start|stop|restart}")
    @Operation(operationId = "nodeAction", summary = "Start, stop or restart one node, leaving links and other nodes alone",
            description = "Starts, stops or restarts one node of a started lab without touching its links or the "
                    + "other nodes; a restart replaces the node's VM instance. Starting is checked against the "
                    + "owner's quota. Answers 202 with the lab's status; 409 when the lab is not started. Needs the "
                    + "operate permission.")
    ResponseEntity<LabStatus> node(Caller caller, @PathVariable UUID id, @PathVariable String node,
                                   @PathVariable String action) {
        lifecycle.node(caller, id, node, action);
        return accepted(id);
    }

    private ResponseEntity<LabStatus> accepted(UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status.statusOf(id).orElse(
                new LabStatus(LabState.DEFINED.name(), DesiredRun.DESTROYED.name(), 0, 0, java.util.List.of(),
                        java.util.List.of(), null)));
    }

}
