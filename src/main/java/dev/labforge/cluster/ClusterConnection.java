package dev.labforge.cluster;

import dev.labforge.cluster.simulated.SimulatedCluster;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The Kubernetes API LabForge drives, and which kind it is.
 *
 * @param mode      {@code simulated}, {@code kubeconfig} or {@code in-cluster}
 * @param simulated the in-process cluster when {@code mode} is simulated; null otherwise
 */
public record ClusterConnection(String mode, String server, KubernetesClient client, SimulatedCluster simulated)
        implements AutoCloseable {

    public boolean isSimulated() {
        return simulated != null;
    }

    @Override
    public void close() {
        client.close();
        if (simulated != null) {
            simulated.close();
        }
    }
}
