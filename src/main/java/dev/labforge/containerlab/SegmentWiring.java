package dev.labforge.containerlab;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Segment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * containerlab draws a LAN as a node of kind {@code bridge} or {@code ovs-bridge} with a veth link to each member;
 * LabForge has the LAN itself, a {@link Segment}. Such nodes become segments named like the node, and each link to
 * one becomes a membership of the link's other end. The bridge's own port names (containerlab needs them to make
 * the host-side veth) carry no meaning for a VM lab and are not kept.
 */
final class SegmentWiring {

    static final Set<String> BRIDGE_KINDS = Set.of("bridge", "ovs-bridge");

    /** @param name the file's name, which links use; {@code model} the segment's name in LabForge */
    private record Pending(String name, String model, String pointer, List<Endpoint> members, Integer mtu) {
    }

    private final Map<String, Pending> byName = new LinkedHashMap<>();
    private final Warnings warnings;
    private final PointerMap.Builder pointers;

    SegmentWiring(Warnings warnings, PointerMap.Builder pointers) {
        this.warnings = warnings;
        this.pointers = pointers;
    }

    static boolean isBridge(String kind) {
        return kind != null && BRIDGE_KINDS.contains(kind);
    }

    /**
     * A bridge node of the file: its segment, in file order.
     *
     * @param model the segment's name in LabForge, a DNS label mapped from the file's name as node names are
     */
    void add(String name, String model, String nodePointer) {
        String at = "/segments/" + byName.size();
        pointers.put(at, nodePointer).put(at + "/name", nodePointer).put(at + "/endpoints", nodePointer);
        byName.put(name, new Pending(name, model, nodePointer, new ArrayList<>(), null));
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * Takes a link that touches a segment as a membership; false when the link joins two routers and stays a link.
     *
     * @param endpoints the YAML pointer of the link's endpoint list, its items at /0 and /1
     */
    boolean take(Link link, String linkPointer, String endpoints, String mtuPointer) {
        boolean aBridge = byName.containsKey(link.a().node());
        boolean bBridge = byName.containsKey(link.b().node());
        if (!aBridge && !bBridge) {
            return false;
        }
        if (aBridge && bBridge) {
            warnings.add(linkPointer, "a link between two bridges (" + link.a().node() + ", " + link.b().node()
                    + ") joins two segments; LabForge keeps them as two segments, so this link is not imported");
            return true;
        }
        Pending segment = byName.get(aBridge ? link.a().node() : link.b().node());
        Endpoint member = aBridge ? link.b() : link.a();
        int index = new ArrayList<>(byName.keySet()).indexOf(segment.name());
        String model = "/segments/" + index + "/endpoints/" + segment.members().size();
        pointers.put(model, endpoints + "/" + (aBridge ? 1 : 0));
        segment.members().add(member);
        if (link.mtu() != null) {
            if (segment.mtu() == null) {
                byName.put(segment.name(), new Pending(segment.name(), segment.model(), segment.pointer(), segment.members(),
                        link.mtu()));
                pointers.put("/segments/" + index + "/mtu", mtuPointer);
            } else if (!segment.mtu().equals(link.mtu())) {
                warnings.add(mtuPointer, "the links to bridge " + segment.name() + " set different MTUs; the segment"
                        + " takes the first one, " + segment.mtu());
            }
        }
        return true;
    }

    List<Segment> segments() {
        return byName.values().stream().map(p -> new Segment(p.model(), p.members(), p.mtu(),
                p.model().equals(p.name()) ? null : p.name())).toList();
    }
}
