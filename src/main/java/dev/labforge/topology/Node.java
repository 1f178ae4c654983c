package dev.labforge.topology;

import java.util.Map;
import java.util.TreeMap;

/**
 * One router (or host).
 *
 * @param name          DNS-1123 label; becomes part of Kubernetes object names later
 * @param image         name of an entry in the image catalog
 * @param cpu           vCPU cores; null means the image's default
 * @param memoryMib     memory in MiB; null means the image's default
 * @param startupConfig configuration the router boots with, delivered as its image says; may be null
 * @param labels        free-form labels, kept sorted so that exports are stable
 * @param position      where the node sits on the diagram; null lets the layout decide
 * @param displayName   the name people know the node by when it is no DNS label ({@code PC1} in a containerlab
 *                      file); null means {@code name}. Exports write it back, so the file keeps its names
 * @param origin        the containerlab kind and container image the node was imported from; null when it was not
 *                      imported. Exports write these, which containerlab can run, rather than the catalog's VM disk
 */
public record Node(String name, String image, Integer cpu, Integer memoryMib, String startupConfig,
                   Map<String, String> labels, Position position, String displayName, NodeOrigin origin) {

    public Node {
        labels = labels == null ? Map.of() : new TreeMap<>(labels);
    }

    public Node(String name, String image, Integer cpu, Integer memoryMib, String startupConfig,
                Map<String, String> labels, Position position) {
        this(name, image, cpu, memoryMib, startupConfig, labels, position, null, null);
    }

    public static Node of(String name, String image) {
        return new Node(name, image, null, null, null, Map.of(), null);
    }

    public Node withPosition(Position newPosition) {
        return new Node(name, image, cpu, memoryMib, startupConfig, labels, newPosition, displayName, origin);
    }

    /** The name to show and to export: the display name when there is one. */
    public String shownName() {
        return displayName == null || displayName.isEmpty() ? name : displayName;
    }
}
