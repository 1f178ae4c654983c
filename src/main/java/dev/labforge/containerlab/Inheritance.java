package dev.labforge.containerlab;

import dev.labforge.containerlab.yaml.Located;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * containerlab's precedence for node settings: the node, then its group, then its kind (from
 * {@code topology.kinds}), then {@code topology.defaults}. The kind and group themselves resolve as containerlab's
 * types/topology.go does: a node's kind falls back to its group's, then the default group's, then the default kind.
 */
record Inheritance(NodeConfig defaults, Map<String, NodeConfig> kinds, Map<String, NodeConfig> groups) {

    static Inheritance read(Map<String, Located> topology, Warnings warnings) {
        NodeConfig defaults = NodeConfig.read(topology.getOrDefault("defaults", Located.ABSENT), warnings);
        return new Inheritance(defaults, blocks(topology.get("kinds"), warnings),
                blocks(topology.get("groups"), warnings));
    }

    private static Map<String, NodeConfig> blocks(Located section, Warnings warnings) {
        Map<String, NodeConfig> blocks = new LinkedHashMap<>();
        if (section != null) {
            section.entries().forEach((name, block) -> blocks.put(name, NodeConfig.read(block, warnings)));
        }
        return blocks;
    }

    Optional<Sourced<String>> kindOf(NodeConfig node) {
        return node.kind()
                .or(() -> node.group().map(group -> groups.get(group.value())).flatMap(NodeConfig::kind))
                .or(() -> defaults.group().map(group -> groups.get(group.value())).flatMap(NodeConfig::kind))
                .or(defaults::kind);
    }

    /** The blocks that apply to a node, strongest first. */
    List<NodeConfig> layers(NodeConfig node) {
        Optional<String> kind = kindOf(node).map(Sourced::value);
        Optional<String> group = node.group()
                .or(() -> kind.map(kinds::get).flatMap(NodeConfig::group))
                .or(defaults::group)
                .map(Sourced::value);
        List<NodeConfig> layers = new ArrayList<>();
        layers.add(node);
        group.map(groups::get).ifPresent(layers::add);
        kind.map(kinds::get).ifPresent(layers::add);
        layers.add(defaults);
        return layers;
    }

    static <T> Optional<Sourced<T>> first(List<NodeConfig> layers, Function<NodeConfig, Optional<Sourced<T>>> field) {
        return layers.stream().map(field).flatMap(Optional::stream).findFirst();
    }

    /** Labels merge key by key; the strongest block wins each key. */
    static Map<String, Sourced<String>> labels(List<NodeConfig> layers) {
        Map<String, Sourced<String>> merged = new LinkedHashMap<>();
        for (NodeConfig layer : layers.reversed()) {
            merged.putAll(layer.labels());
        }
        return merged;
    }
}
