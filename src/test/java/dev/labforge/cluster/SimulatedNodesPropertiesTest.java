package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.simulated.SimulatedNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** labforge.cluster.simulated-nodes as an operator writes it in YAML or the environment. */
class SimulatedNodesPropertiesTest {

    @Test
    void simulatedNodesBindWithLabelsAndKubernetesQuantities() {
        MapConfigurationPropertySource source = new MapConfigurationPropertySource(Map.of(
                "labforge.cluster.simulated-nodes[0].name", "worker-1",
                "labforge.cluster.simulated-nodes[0].cpu", "16",
                "labforge.cluster.simulated-nodes[0].memory", "64Gi",
                "labforge.cluster.simulated-nodes[0].labels.[labforge.dev/pool]", "classroom",
                "labforge.cluster.simulated-nodes[1].name", "worker-2",
                "labforge.cluster.simulated-nodes[1].cpu", "7500m",
                "labforge.cluster.simulated-nodes[1].memory", "32Gi"));

        ClusterProperties properties = new Binder(source).bind("labforge.cluster", ClusterProperties.class).get();

        assertThat(properties.simulatedNodes()).containsExactly(
                new SimulatedNode("worker-1", Map.of("labforge.dev/pool", "classroom"), "16", "64Gi"),
                new SimulatedNode("worker-2", Map.of(), "7500m", "32Gi"));
    }

    @Test
    void noneConfiguredMeansTheDefaultNode() {
        ClusterProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("labforge.cluster.workers",
                "2"))).bind("labforge.cluster", ClusterProperties.class).get();
        assertThat(properties.simulatedNodes()).isEmpty();
        assertThat(dev.labforge.cluster.simulated.SimulatorSettings.defaults().withNodes(properties.simulatedNodes())
                .nodes()).containsExactly(SimulatedNode.DEFAULT);
    }
}
