package dev.labforge.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * fabric8 has no model of prometheus-operator's ServiceMonitor, so its few fields the chart sets are checked here
 * by name (monitoring.coreos.com/v1: spec.selector, spec.endpoints[].port, .path, .interval).
 */
final class ServiceMonitorShape {

    private ServiceMonitorShape() {
    }

    @SuppressWarnings("unchecked")
    static void check(GenericKubernetesResource monitor) {
        assertThat(monitor.getAdditionalProperties().keySet()).containsOnly("spec");
        Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
        assertThat(spec.keySet()).containsOnly("selector", "endpoints");
        assertThat(((Map<String, Object>) spec.get("selector")).keySet()).containsOnly("matchLabels");
        for (Map<String, Object> endpoint : (List<Map<String, Object>>) spec.get("endpoints")) {
            assertThat(Set.of("port", "path", "interval")).containsAll(endpoint.keySet());
        }
    }
}
