package dev.labforge.containerlab;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fixture loaded as plain maps and lists, independently of the importer, so that tests can check the importer's
 * warnings and pointers against what the file really contains.
 */
record YamlDocument(Object root) {

    private static final Set<String> NODE_MAPPED = UnmappedFields.NODE_MAPPED;

    static YamlDocument load(String yaml) {
        return new YamlDocument(new Load(LoadSettings.builder().build()).loadFromString(yaml));
    }

    /** Whether an RFC 6901 pointer names something that exists in the document. */
    boolean resolves(String pointer) {
        if (pointer.isEmpty()) {
            return true;
        }
        Object at = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String segment = raw.replace("~1", "/").replace("~0", "~");
            if (at instanceof Map<?, ?> map && map.containsKey(segment)) {
                at = map.get(segment);
            } else if (at instanceof List<?> list && segment.matches("\\d+") && Integer.parseInt(segment) < list.size()) {
                at = list.get(Integer.parseInt(segment));
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * Pointers of every field the importer cannot carry over: container settings in node blocks, extra top-level
     * and link fields. Links that are skipped as a whole are named by their own pointer instead.
     */
    List<String> unmappedPointers() {
        List<String> out = new ArrayList<>();
        Map<?, ?> top = (Map<?, ?>) root;
        top.keySet().stream().filter(key -> !Set.of("name", "topology").contains(key)).forEach(key -> out.add("/" + key));
        Map<?, ?> topology = (Map<?, ?>) top.get("topology");
        topology.keySet().stream()
                .filter(key -> !Set.of("nodes", "links", "defaults", "kinds", "groups").contains(key))
                .forEach(key -> out.add("/topology/" + key));
        block(topology.get("defaults"), "/topology/defaults", out);
        for (String section : List.of("kinds", "groups", "nodes")) {
            if (topology.get(section) instanceof Map<?, ?> blocks) {
                blocks.forEach((name, block) -> block(block, PointerMap.append("/topology/" + section, (String) name), out));
            }
        }
        if (topology.get("links") instanceof List<?> links) {
            for (int i = 0; i < links.size(); i++) {
                link((Map<?, ?>) links.get(i), "/topology/links/" + i, out);
            }
        }
        return out;
    }

    /** Pointers of every key with the given name anywhere under topology. */
    List<String> pointersOfKey(String key) {
        List<String> out = new ArrayList<>();
        collect(((Map<?, ?>) root).get("topology"), "/topology", key, out);
        return out;
    }

    private static void collect(Object value, String pointer, String key, List<String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String child = PointerMap.append(pointer, String.valueOf(k));
                if (key.equals(k)) {
                    out.add(child);
                }
                collect(v, child, key, out);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), pointer + "/" + i, key, out);
            }
        }
    }

    private static void block(Object block, String pointer, List<String> out) {
        if (block instanceof Map<?, ?> map) {
            map.keySet().stream().filter(key -> !NODE_MAPPED.contains(key))
                    .forEach(key -> out.add(PointerMap.append(pointer, (String) key)));
        }
    }

    private static void link(Map<?, ?> link, String pointer, List<String> out) {
        Object type = link.get("type");
        boolean skipped = type != null && !"veth".equals(type)
                || link.get("endpoints") instanceof List<?> ends && ends.stream().anyMatch(end ->
                end instanceof String text && text.matches("(host|mgmt-net|macvlan):.*"));
        if (skipped) {
            out.add(pointer);
            return;
        }
        link.keySet().stream().filter(key -> !Set.of("endpoints", "mtu", "type").contains(key))
                .forEach(key -> out.add(pointer + "/" + key));
        if (link.get("endpoints") instanceof List<?> ends) {
            for (int i = 0; i < ends.size(); i++) {
                if (ends.get(i) instanceof Map<?, ?> end) {
                    String endPointer = pointer + "/endpoints/" + i;
                    end.keySet().stream().filter(key -> !Set.of("node", "interface").contains(key))
                            .forEach(key -> out.add(endPointer + "/" + key));
                }
            }
        }
    }
}
