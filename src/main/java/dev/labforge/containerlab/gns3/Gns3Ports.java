package dev.labforge.containerlab.gns3;

import java.util.Optional;
import java.util.Set;

/**
 * GNS3 names a port by its node's adapter and port number; the name people see is the one GNS3 shows on the link
 * ({@code label.text} of the link's end, {@code Gi0/2}), which the file keeps. Without it the name is made as GNS3
 * makes it: an adapter's {@code port_name} from {@code custom_adapters}, {@code first_port_name} for adapter 0, else
 * {@code port_name_format} with {@code {0}} the port's number and {@code {1}} its segment when ports are grouped
 * {@code port_segment_size} to a segment ({@code Gi{1}/{0}} with 4 gives Gi0/0 .. Gi0/3, Gi1/0 ...).
 */
final class Gns3Ports {

    /** Node types whose adapters are network cards of one port each, numbered in order. */
    private static final Set<String> ONE_PORT_ADAPTERS = Set.of("qemu", "docker", "vpcs", "virtualbox", "vmware");

    private Gns3Ports() {
    }

    static boolean onePortPerAdapter(String type) {
        return ONE_PORT_ADAPTERS.contains(type);
    }

    /** The name GNS3 shows for a port of a node. */
    static String name(JsonAt node, String type, int adapter, int port, Optional<String> shown) {
        if (shown.isPresent() && !shown.get().isBlank()) {
            return shown.get();
        }
        for (JsonAt custom : node.field("custom_adapters").items()) {
            if (custom.field("adapter_number").count(Integer.MAX_VALUE).orElse(-1) == adapter) {
                Optional<String> named = custom.field("port_name").text().filter(s -> !s.isBlank());
                if (named.isPresent()) {
                    return named.get();
                }
            }
        }
        if (!onePortPerAdapter(type)) {
            return "Ethernet" + adapter + "/" + port; // IOU's and Dynamips' slot/port form
        }
        Optional<String> first = node.field("first_port_name").text().filter(s -> !s.isBlank());
        if (adapter == 0 && first.isPresent()) {
            return first.get();
        }
        String format = node.field("port_name_format").text().filter(s -> !s.isBlank()).orElse("Ethernet{0}");
        int size = node.field("port_segment_size").count(Integer.MAX_VALUE).orElse(0);
        int number = adapter - (first.isPresent() ? 1 : 0);
        int segment = size > 0 ? number / size : 0;
        int inSegment = size > 0 ? number % size : number;
        return format.replace("{0}", Integer.toString(inSegment)).replace("{1}", Integer.toString(segment))
                .replace("{port0}", Integer.toString(inSegment)).replace("{port1}", Integer.toString(inSegment + 1))
                .replace("{segment0}", Integer.toString(segment))
                .replace("{segment1}", Integer.toString(segment + 1));
    }
}
