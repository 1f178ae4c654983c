package dev.labforge.containerlab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates pointers into the topology model ({@code /nodes/3/image}, as the validator reports them) into pointers
 * into the YAML file they came from ({@code /topology/kinds/nokia_srlinux/image}), so a user finds the line to fix.
 *
 * <p>A model field points where its value was written, which for inherited values is the group, kind or defaults
 * block. Pointers without an entry of their own fall back to their longest mapped prefix (a node, a link), because
 * pointing at the enclosing block is more useful than pointing nowhere.
 */
public final class PointerMap {

    private final Map<String, String> entries;

    private PointerMap(Map<String, String> entries) {
        this.entries = Map.copyOf(entries);
    }

    /** The YAML pointer for a model pointer; "" (the whole document) when nothing more specific is known. */
    public String toYaml(String modelPointer) {
        String pointer = modelPointer == null || !modelPointer.startsWith("/") ? "" : modelPointer;
        while (!pointer.isEmpty()) {
            String yaml = entries.get(pointer);
            if (yaml != null) {
                return yaml;
            }
            pointer = pointer.substring(0, pointer.lastIndexOf('/'));
        }
        return entries.getOrDefault("", "");
    }

    Map<String, String> entries() {
        return entries;
    }

    /** RFC 6901: '~' and '/' inside a segment are written '~0' and '~1'. */
    public static String append(String pointer, String segment) {
        return pointer + "/" + segment.replace("~", "~0").replace("/", "~1");
    }

    public static String append(String pointer, int index) {
        return pointer + "/" + index;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {

        private final Map<String, String> entries = new LinkedHashMap<>();

        public Builder put(String modelPointer, String yamlPointer) {
            entries.put(modelPointer, yamlPointer);
            return this;
        }

        public PointerMap build() {
            return new PointerMap(entries);
        }
    }
}
