package dev.labforge.cluster.multus;

import dev.labforge.cluster.StructuralSchema;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A NAD against Multus' CRD schema (plus unknown fields), and what the schema cannot see inside {@code spec.config}:
 * that it is a JSON object the bridge plugin accepts (cni.dev plugins/current/main/bridge.md).
 */
public final class NadRules {

    static final StructuralSchema SCHEMA = StructuralSchema.load("/schemas/network-attachment-definition-crd.yaml",
            "spec", "versions", 0, "schema", "openAPIV3Schema");
    private static final Pattern BRIDGE_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,15}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private NadRules() {
    }

    public static List<String> violations(Object object) {
        JsonNode nad = object instanceof JsonNode node ? node : Serialization.jsonMapper().valueToTree(object);
        List<String> out = new ArrayList<>(SCHEMA.violations(nad));
        JsonNode text = nad.path("spec").path("config");
        if (!text.isString()) {
            out.add("spec.config: a JSON string is required");
            return out;
        }
        JsonNode config;
        try {
            config = JSON.readTree(text.asString());
        } catch (JacksonException e) {
            out.add("spec.config: not JSON: " + e.getOriginalMessage());
            return out;
        }
        if (!config.isObject()) {
            out.add("spec.config: not a JSON object");
            return out;
        }
        if (!config.path("cniVersion").isString()) {
            out.add("config.cniVersion: missing");
        }
        if (!config.path("name").asString("").equals(nad.path("metadata").path("name").asString())) {
            out.add("config.name: must equal metadata.name");
        }
        if (!"bridge".equals(config.path("type").asString(""))) {
            out.add("config.type: bridge expected");
        }
        if (!BRIDGE_NAME.matcher(config.path("bridge").asString("")).matches()) {
            out.add("config.bridge: 1-15 characters of [a-zA-Z0-9_-] expected: " + config.path("bridge"));
        }
        if (!config.path("mtu").isInt()) {
            out.add("config.mtu: missing");
        }
        if (!config.path("ipam").isObject()) {
            out.add("config.ipam: required by the bridge plugin ({} for L2 only)");
        }
        if (config.has("vlan") && (!config.get("vlan").isInt() || config.get("vlan").asInt() < 1
                || config.get("vlan").asInt() > 4094)) {
            out.add("config.vlan: 1..4094 expected: " + config.get("vlan"));
        }
        return out;
    }
}
