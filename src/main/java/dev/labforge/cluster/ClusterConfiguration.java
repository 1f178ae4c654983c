package dev.labforge.cluster;

import dev.labforge.cluster.simulated.SimulatedCluster;
import dev.labforge.cluster.simulated.SimulatorSettings;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the cluster: a kubeconfig when one is given, the pod's own credentials inside a cluster,
 * and otherwise a simulated cluster in this process, clearly labelled as such.
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

    @Bean(destroyMethod = "close")
    ClusterConnection clusterConnection(ClusterProperties properties) {
        boolean kubeconfig = properties.kubeconfig() != null && !properties.kubeconfig().isBlank();
        boolean inCluster = System.getenv("KUBERNETES_SERVICE_HOST") != null
                && Files.exists(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"));
        if (properties.simulated() || (!kubeconfig && !inCluster)) {
            SimulatorSettings settings = SimulatorSettings.defaults()
                    .withDelays(properties.bootDelay().dividedBy(4), properties.bootDelay(),
                            properties.bootDelay().dividedBy(4))
                    .withNodes(properties.simulatedNodes());
            SimulatedCluster simulated = SimulatedCluster.start(settings);
            log.warn("No kubeconfig and not in a cluster: running a SIMULATED cluster (in-process Kubernetes API"
                    + " with a KubeVirt simulator). Labs do not run real VMs. Set LABFORGE_CLUSTER_KUBECONFIG to"
                    + " use a real cluster.");
            return new ClusterConnection("simulated", simulated.url(), simulated.client(), simulated);
        }
        Config config = kubeconfig
                ? Config.fromKubeconfig(null, readKubeconfig(properties.kubeconfig()), properties.kubeconfig())
                : Config.autoConfigure(null);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        PermissionCheck.requireAll(client); // first: a missing right named, not a 403 from the CRD check
        CrdCheck.requireKubeVirtAndMultus(client);
        String mode = kubeconfig ? "kubeconfig" : "in-cluster";
        log.info("Driving the {} cluster at {}", mode, config.getMasterUrl());
        return new ClusterConnection(mode, config.getMasterUrl(), client, null);
    }

    private static String readKubeconfig(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read the kubeconfig " + path + ": " + e.getMessage(), e);
        }
    }
}
