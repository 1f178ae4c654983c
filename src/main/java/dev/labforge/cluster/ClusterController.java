package dev.labforge.cluster;

import dev.labforge.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which cluster LabForge drives: a real one, or the simulated one (no real VMs). */
@RestController
@Tag(name = "lifecycle")
class ClusterController {

    record ClusterView(String mode, boolean simulated, String server, String linkDriver, String description) {
    }

    private final ClusterConnection connection;
    private final ClusterProperties properties;

    ClusterController(ClusterConnection connection, ClusterProperties properties) {
        this.connection = connection;
        this.properties = properties;
    }

    @GetMapping("/api/v1/cluster")
    @Operation(operationId = "getCluster", summary = "The cluster labs run on, and whether it is simulated",
            description = "The Kubernetes cluster this LabForge drives: its mode, API server and link driver, and "
                    + "whether it is the built-in simulated cluster (no kubeconfig given), where labs go through "
                    + "their states without real VMs.")
    ClusterView cluster(Caller caller) {
        return view(connection, properties);
    }

    static ClusterView view(ClusterConnection connection, ClusterProperties properties) {
        String description = connection.isSimulated()
                ? "SIMULATED cluster: an in-process Kubernetes API with a KubeVirt simulator; no real VMs run"
                : "Kubernetes cluster with KubeVirt and Multus";
        return new ClusterView(connection.mode(), connection.isSimulated(),
                connection.isSimulated() ? "in-process" : connection.server(), properties.linkDriver(), description);
    }

    @Component
    static class ClusterInfo implements InfoContributor {
        private final ClusterConnection connection;
        private final ClusterProperties properties;

        ClusterInfo(ClusterConnection connection, ClusterProperties properties) {
            this.connection = connection;
            this.properties = properties;
        }

        @Override
        public void contribute(Info.Builder builder) {
            ClusterView view = view(connection, properties);
            builder.withDetail("cluster", Map.of("mode", view.mode(), "simulated", view.simulated(),
                    "linkDriver", view.linkDriver()));
        }
    }
}
