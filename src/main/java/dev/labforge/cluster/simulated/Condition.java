package dev.labforge.cluster.simulated;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A KubeVirt status condition without its timestamps, so that desired and observed conditions compare by meaning.
 *
 * @param status "True" or "False", as the API spells them
 */
record Condition(String type, String status, String reason, String message) {

    static Condition isTrue(String type) {
        return new Condition(type, "True", null, null);
    }

    static Condition isFalse(String type, String reason, String message) {
        return new Condition(type, "False", reason, message);
    }

    static List<Condition> fromStatus(Map<String, Object> status) {
        List<Condition> conditions = new ArrayList<>();
        for (Map<String, Object> raw : maps(status.get("conditions"))) {
            conditions.add(new Condition(string(raw.get("type")), string(raw.get("status")),
                    string(raw.get("reason")), string(raw.get("message"))));
        }
        return conditions;
    }

    /**
     * The conditions as the API writes them. A condition keeps its lastTransitionTime while its status stays the
     * same, as Kubernetes conventions ask, so a reader can tell how long a VM has been in a state.
     */
    static List<Map<String, Object>> toMaps(List<Condition> conditions, Map<String, Object> previousStatus,
                                             Instant now) {
        List<Map<String, Object>> previous = maps(previousStatus.get("conditions"));
        List<Map<String, Object>> written = new ArrayList<>();
        for (Condition condition : conditions) {
            Object since = previous.stream()
                    .filter(p -> condition.type.equals(p.get("type")) && condition.status.equals(p.get("status")))
                    .map(p -> p.get("lastTransitionTime"))
                    .findFirst()
                    .orElse(now.truncatedTo(ChronoUnit.SECONDS).toString());
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", condition.type);
            map.put("status", condition.status);
            if (condition.reason != null) {
                map.put("reason", condition.reason);
            }
            if (condition.message != null) {
                map.put("message", condition.message);
            }
            map.put("lastTransitionTime", since);
            written.add(map);
        }
        return written;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Object list) {
        if (!(list instanceof List<?> items)) {
            return List.of();
        }
        return items.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
    }

    static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
