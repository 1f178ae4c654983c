package dev.labforge.containerlab.gns3;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Segment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Segments as GNS3 Ethernet switches, the reverse of {@link Gns3Segments}. A switch whose ports were in several VLANs
 * was imported as one segment per VLAN, in VLAN order, named {@code <switch>-vlan-<n>} and shown as
 * {@code <Switch> VLAN <n>}; such a run of segments goes back out as that one switch with access ports in those
 * VLANs, so that an import of the export splits it the same way. Every other segment is a switch of its own, all
 * ports in VLAN 1.
 */
final class Gns3Switches {

    private static final Pattern SHOWN = Pattern.compile("(.+) VLAN ([1-9][0-9]{0,3})");

    record Member(Endpoint endpoint, int vlan) {
    }

    /**
     * @param name     the switch's GNS3 name
     * @param fallback a name to use when another node has taken {@code name}: the segment's own
     * @param members  the switch's ports in order, each with its VLAN
     */
    record Switch(String name, String fallback, List<Member> members) {
    }

    private record Vlan(String base, String prefix, int vlan) {
    }

    private Gns3Switches() {
    }

    static List<Switch> of(List<Segment> segments) {
        List<Switch> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); ) {
            int end = i + 1;
            Vlan first = vlan(segments.get(i));
            if (first != null) {
                Vlan last = first;
                while (end < segments.size()) {
                    Vlan next = vlan(segments.get(end));
                    if (next == null || !next.base().equals(first.base()) || !next.prefix().equals(first.prefix())
                            || next.vlan() <= last.vlan()) {
                        break;
                    }
                    last = next;
                    end++;
                }
            }
            if (end - i >= 2) {
                List<Member> members = new ArrayList<>();
                for (Segment segment : segments.subList(i, end)) {
                    int vlan = vlan(segment).vlan();
                    segment.endpoints().forEach(e -> members.add(new Member(e, vlan)));
                }
                out.add(new Switch(first.base(), first.prefix(), members));
            } else {
                Segment segment = segments.get(i);
                out.add(new Switch(segment.shownName(), segment.name(),
                        segment.endpoints().stream().map(e -> new Member(e, 1)).toList()));
                end = i + 1;
            }
            i = end;
        }
        return out;
    }

    /** The switch and VLAN a segment was split from; null when it was not (or has no members, which no split has). */
    private static Vlan vlan(Segment segment) {
        Matcher shown = SHOWN.matcher(segment.shownName());
        if (!shown.matches() || segment.endpoints().isEmpty()) {
            return null;
        }
        int vlan = Integer.parseInt(shown.group(2));
        String suffix = "-vlan-" + vlan;
        if (vlan > 4095 || !segment.name().endsWith(suffix) || segment.name().length() == suffix.length()) {
            return null;
        }
        return new Vlan(shown.group(1), segment.name().substring(0, segment.name().length() - suffix.length()), vlan);
    }
}
