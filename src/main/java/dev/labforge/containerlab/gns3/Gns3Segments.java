package dev.labforge.containerlab.gns3;

import dev.labforge.containerlab.PointerMap;
import dev.labforge.containerlab.Warnings;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * GNS3's Ethernet switches and hubs as shared segments. A hub is one segment; a switch is one segment per VLAN its
 * linked ports are in ({@code properties.ports_mapping}), since ports in different VLANs do not share a LAN. A
 * trunk port ({@code dot1q}, {@code qinq}) carries tagged frames, which a LabForge segment does not tell apart: it
 * joins its native VLAN's segment, with a warning.
 */
final class Gns3Segments {

    private record Shell(String name, String display, List<Endpoint> members) {
    }

    private final Warnings warnings;
    private final List<Shell> shells = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>(); // node id + "/" + VLAN to its segment
    private final Map<String, Integer> vlans = new HashMap<>(); // node id + "/" + port to its VLAN

    Gns3Segments(Warnings warnings) {
        this.warnings = warnings;
    }

    /** A switch's or hub's segments, one per VLAN of its linked ports. */
    void add(String nodeId, String type, JsonAt at, String model, String display, List<Integer> linkedPorts,
             PointerMap.Builder pointers) {
        Map<Integer, JsonAt> mapping = new HashMap<>();
        if (type.equals("ethernet_switch")) {
            for (JsonAt port : at.field("properties").field("ports_mapping").items()) {
                port.field("port_number").count(Integer.MAX_VALUE).ifPresent(n -> mapping.putIfAbsent(n, port));
            }
        }
        TreeSet<Integer> used = new TreeSet<>();
        for (int port : linkedPorts) {
            JsonAt entry = mapping.get(port);
            int vlan = entry == null ? 1 : entry.field("vlan").count(4095).orElse(1);
            String mode = entry == null ? "access" : entry.field("type").text().orElse("access");
            if (!mode.equals("access") && vlans.putIfAbsent(nodeId + "/" + port, vlan) == null) {
                warnings.add(entry.field("type").pointer(), "port " + port + " of '" + at.field("name").text()
                        .orElse(nodeId) + "' is a " + mode + " trunk; LabForge segments carry untagged frames, so"
                        + " it joins the segment of its VLAN " + vlan);
            }
            vlans.put(nodeId + "/" + port, vlan);
            used.add(vlan);
        }
        if (used.isEmpty()) {
            used.add(1);
        }
        for (int vlan : used) {
            boolean split = used.size() > 1;
            String at0 = at.pointer();
            String seg = "/segments/" + shells.size();
            pointers.put(seg, at0).put(seg + "/name", at.field("name").pointer()).put(seg + "/endpoints", at0);
            index.put(nodeId + "/" + vlan, shells.size());
            String shown = display == null ? model : display;
            String suffix = "-vlan-" + vlan; // a DNS label has at most 63 characters, the suffix included
            String name = split ? model.substring(0, Math.min(model.length(), 63 - suffix.length())) + suffix : model;
            shells.add(new Shell(name,
                    split ? shown + " VLAN " + vlan : display, new ArrayList<>()));
        }
        if (used.size() > 1) {
            warnings.add(at.field("properties").field("ports_mapping").pointer(), "the ports of '"
                    + at.field("name").text().orElse(nodeId) + "' are in VLANs " + used + "; each VLAN is a segment"
                    + " of its own");
        }
    }

    /** A member joins the segment of the switch port's VLAN. */
    void join(String nodeId, int port, Endpoint member, String pointer, PointerMap.Builder pointers) {
        int vlan = vlans.getOrDefault(nodeId + "/" + port, 1);
        int segment = index.getOrDefault(nodeId + "/" + vlan, index.get(nodeId + "/1"));
        List<Endpoint> members = shells.get(segment).members();
        pointers.put("/segments/" + segment + "/endpoints/" + members.size(), pointer);
        members.add(member);
    }

    List<Segment> build() {
        return shells.stream().map(s -> new Segment(s.name(), s.members(), null, s.display())).toList();
    }
}
