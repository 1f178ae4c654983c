package dev.labforge.diagram;

import dev.labforge.topology.Node;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a box on the picture stands for, which decides its icon: a router, a switch (also what a shared
 * segment is drawn as: one box that N links run into), a host, or a node a link names but the lab does
 * not have.
 */
enum Kind {
    ROUTER, SWITCH, HOST, MISSING;

    /** containerlab's own label for the icon its graph tools draw a node with. */
    static final String GRAPH_ICON = "graph-icon";

    /**
     * containerlab's {@code graph-icon} values (and those of its TopoViewer) by the icon they mean here;
     * whatever else a file says is drawn as a router, as containerlab itself does.
     */
    private static final Map<String, Kind> ICONS = Map.ofEntries(
            Map.entry("switch", SWITCH), Map.entry("bridge", SWITCH), Map.entry("leaf", SWITCH),
            Map.entry("spine", SWITCH), Map.entry("super-spine", SWITCH), Map.entry("superspine", SWITCH),
            Map.entry("nexus5000", SWITCH), Map.entry("host", HOST), Map.entry("server", HOST),
            Map.entry("client", HOST), Map.entry("hostgroup", HOST), Map.entry("wirelesshost", HOST),
            Map.entry("controller", HOST), Map.entry("ue", HOST));
    /**
     * Words in image names that mean an end host, not a network device: plain Linux and the usual tools.
     * Whole words only: {@code srlinux} is a router, {@code network-multitool} a host.
     */
    private static final Set<String> HOST_IMAGES = Set.of("alpine", "ubuntu", "debian", "centos", "fedora",
            "rockylinux", "busybox", "linux", "multitool", "nginx", "iperf", "iperf3", "host", "server", "client",
            // the monitoring containers telemetry labs bring along
            "grafana", "prometheus", "gnmic", "telegraf", "influxdb", "loki", "promtail");
    private static final Set<String> SWITCH_IMAGES = Set.of("switch", "bridge", "ovs", "openvswitch");

    /** The {@code graph-icon} label when it says, else a guess from the image name, else a router. */
    static Kind of(Node node) {
        String icon = node.labels().get(GRAPH_ICON);
        if (icon != null) {
            return ICONS.getOrDefault(icon.strip().toLowerCase(Locale.ROOT), ROUTER);
        }
        String image = node.image() == null ? "" : node.image().toLowerCase(Locale.ROOT);
        // the repository part only: "ghcr.io/hellt/network-multitool:latest" is a host, "...:server-1" says nothing
        int tag = image.lastIndexOf(':');
        String repository = tag > image.lastIndexOf('/') ? image.substring(0, tag) : image;
        List<String> words = List.of(repository.split("[^a-z0-9]+"));
        if (words.stream().anyMatch(SWITCH_IMAGES::contains)) {
            return SWITCH;
        }
        return words.stream().anyMatch(HOST_IMAGES::contains) ? HOST : ROUTER;
    }

    String cssClass() {
        return "kind-" + name().toLowerCase(Locale.ROOT);
    }
}
