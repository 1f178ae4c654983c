package dev.labforge.containerlab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an import did to whole kinds of nodes, said once per kind rather than once per node: a file with twenty hosts
 * of kind linux gets one finding. Two things happen to kinds: nodes whose container image the catalog lacks run the
 * catalog's image for their kind (Linux hosts such as grafana or prometheus become the catalog's Linux VM), and kinds
 * that are no machine LabForge runs ({@code k8s-kind}, a kind cluster; {@code ext-container}, a container started
 * outside containerlab; {@code host}, the container host) are left out with their links.
 */
final class KindNotes {

    /** Kinds whose nodes are not machines of the lab; their nodes and links are left out. */
    static final Set<String> NOT_IMPORTED = Set.of("k8s-kind", "ext-container", "host", "border0");

    private record Substituted(String pointer, String catalogImage, List<String> nodes, Set<String> images) {
    }

    private record Skipped(String pointer, List<String> nodes, int[] links) {
    }

    private final Map<String, Substituted> substituted = new LinkedHashMap<>();
    private final Map<String, Skipped> skipped = new LinkedHashMap<>();
    private final Set<String> skippedNodes = new LinkedHashSet<>();

    static boolean notImported(String kind) {
        return kind != null && NOT_IMPORTED.contains(kind);
    }

    void substituted(String kind, String node, String image, String catalogImage, String imagePointer) {
        Substituted entry = substituted.computeIfAbsent(kind + "\u0000" + catalogImage,
                k -> new Substituted(imagePointer, catalogImage, new ArrayList<>(), new LinkedHashSet<>()));
        entry.nodes().add(node);
        entry.images().add(image);
    }

    void skipped(String kind, String node, String nodePointer) {
        skipped.computeIfAbsent(kind, k -> new Skipped(nodePointer, new ArrayList<>(), new int[1])).nodes().add(node);
        skippedNodes.add(node);
    }

    boolean isSkipped(String node) {
        return skippedNodes.contains(node);
    }

    /** A link to a left-out node: counted into its kind's finding. */
    void skippedLink(String node) {
        skipped.values().stream().filter(s -> s.nodes().contains(node)).findFirst().ifPresent(s -> s.links()[0]++);
    }

    void report(Warnings warnings) {
        substituted.forEach((key, s) -> {
            String kind = key.substring(0, key.indexOf('\u0000'));
            warnings.add(s.pointer(), "kind " + kind + ": " + count(s.nodes()) + " (" + String.join(", ", s.nodes())
                    + ") name container images the catalog lacks (" + String.join(", ", s.images())
                    + "); they run catalog image '" + s.catalogImage() + "' instead, and export with their own");
        });
        skipped.forEach((kind, s) -> warnings.add(s.pointer(), "kind " + kind + ": " + count(s.nodes()) + " ("
                + String.join(", ", s.nodes()) + ") are no machines LabForge runs ("
                + (kind.equals("k8s-kind") ? "a Kubernetes-in-Docker cluster"
                : kind.equals("ext-container") ? "containers started outside the lab" : "the container host")
                + "); not imported" + (s.links()[0] > 0 ? ", nor their " + s.links()[0] + " link"
                + (s.links()[0] == 1 ? "" : "s") : "")));
    }

    private static String count(List<String> nodes) {
        return nodes.size() == 1 ? "1 node" : nodes.size() + " nodes";
    }
}
