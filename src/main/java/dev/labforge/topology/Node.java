package dev.labforge.topology;

import java.util.Map;
import java.util.TreeMap;

/**
 * One router.
 *
 * @param name          DNS-1123 label; becomes part of Kubernetes object names later
 * @param image         name of an entry in the image catalog
 * @param cpu           vCPU cores; null means the image's default
 * @param memoryMib     memory in MiB; null means the image's default
 * @param startupConfig configuration the router boots with, delivered as its image says; may be null
 * @param labels        free-form labels, kept sorted so that exports are stable
 * @param position      where the node sits on the diagram; null lets the layout decide
 */
public record Node(String name, String image, Integer cpu, Integer memoryMib, String startupConfig,
                   Map<String, String> labels, Position position) {

    public Node {
        labels = labels == null ? Map.of() : new TreeMap<>(labels);
    }

    public static Node of(String name, String image) {
        return new Node(name, image, null, null, null, Map.of(), null);
    }

    public Node withPosition(Position newPosition) {
        return new Node(name, image, cpu, memoryMib, startupConfig, labels, newPosition);
    }
}
