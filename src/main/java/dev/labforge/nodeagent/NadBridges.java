package dev.labforge.nodeagent;

import dev.labforge.cluster.multus.Multus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bridges NetworkAttachmentDefinitions refer to, in every namespace. Every NAD counts, LabForge's or not: a bridge
 * named as LabForge names them that anything still refers to is kept.
 */
final class NadBridges {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NadBridges() {
    }

    /** One list of all NADs (RBAC: list network-attachment-definitions, cluster-wide). */
    static Set<String> referenced(KubernetesClient client) {
        Set<String> bridges = new HashSet<>();
        for (GenericKubernetesResource nad : client.genericKubernetesResources(Multus.NAD).inAnyNamespace().list()
                .getItems()) {
            String bridge = bridgeOf(nad);
            if (bridge != null) {
                bridges.add(bridge);
            }
        }
        return bridges;
    }

    /** {@code spec.config} is the CNI config as a JSON string; a bridge plugin's names its bridge. */
    static String bridgeOf(GenericKubernetesResource nad) {
        if (!(nad.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)
                || !(spec.get("config") instanceof String config)) {
            return null;
        }
        try {
            JsonNode bridge = JSON.readTree(config).get("bridge");
            return bridge != null && bridge.isString() ? bridge.asString() : null;
        } catch (JacksonException unreadable) {
            return null; // not a config this agent understands: it refers to no bridge it could remove
        }
    }
}
