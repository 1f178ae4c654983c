package dev.labforge.topology;

import java.util.List;

/**
 * A shared segment: one broadcast domain (a switch, a LAN) that any number of router and host interfaces join, as an
 * OSPF broadcast network, an access LAN or containerlab's {@code bridge} kind do. A point-to-point {@link Link} is
 * the special case of two members; a segment keeps its own name, so members come and go without renaming it.
 *
 * @param name      DNS-1123 label, unique among the lab's segments and node names (containerlab writes a segment as
 *                  a node of kind {@code bridge}, so the two share one namespace)
 * @param endpoints the member interfaces, each {@code node:interface}
 * @param mtu       the segment's MTU in bytes; null means the service default
 * @param displayName the name people know the segment by when it is no DNS label ({@code Sw1}, {@code br_1} in a
 *                  containerlab file, whose import keeps it here); exports write it. Null when the name is all
 */
public record Segment(String name, List<Endpoint> endpoints, Integer mtu, String displayName) {

    public Segment {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    public Segment(String name, List<Endpoint> endpoints, Integer mtu) {
        this(name, endpoints, mtu, null);
    }

    /** The name a file shows: the display name when there is one, else the name. */
    public String shownName() {
        return displayName == null || displayName.isEmpty() ? name : displayName;
    }

    public static Segment of(String name, String... endpoints) {
        return new Segment(name, java.util.Arrays.stream(endpoints).map(Endpoint::parse).toList(), null);
    }
}
