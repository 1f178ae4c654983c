package dev.labforge.cluster.kubevirt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ordered maps for manifests: insertion order is the YAML order, so rendering is deterministic
 * ({@code Map.of} iterates in a per-JVM random order).
 */
final class Fields {

    private Fields() {
    }

    /** Keys and values alternating; a null value leaves its key out (optional fields). */
    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    /** {@code {}}: KubeVirt marks bindings and sources by presence ({@code bridge: {}}, {@code pod: {}}). */
    static Map<String, Object> empty() {
        return new LinkedHashMap<>();
    }
}
