package dev.labforge.containerlab;

import dev.labforge.containerlab.yaml.Located;
import dev.labforge.containerlab.yaml.YamlValue;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one entry of {@code topology.links}: the brief form ({@code endpoints: ["r1:eth1", "r2:eth1"]}) or the
 * veth form with endpoint mappings. Other link types attach a node to the host, the management network or a tunnel;
 * LabForge links join two routers, so those links are skipped with a warning.
 */
final class LinkReader {

    /** Endpoint "nodes" that containerlab reserves for the host side of a link. */
    private static final Set<String> HOST_SIDE = Set.of("host", "mgmt-net", "macvlan");
    private static final Set<String> BRIEF = Set.of("endpoints", "mtu");
    private static final Set<String> VETH = Set.of("type", "endpoints", "mtu");
    private static final Set<String> VETH_ENDPOINT = Set.of("node", "interface");

    private final Warnings warnings;

    LinkReader(Warnings warnings) {
        this.warnings = warnings;
    }

    /** The link, or empty when it was skipped (and a warning says why). */
    Optional<Link> read(Located link) {
        if (!(link.value() instanceof YamlValue.Mapping)) {
            throw link.error("must be a mapping with endpoints");
        }
        Map<String, Located> fields = link.entries();
        Located type = fields.get("type");
        Optional<String> typeName = type == null ? Optional.empty() : type.text().filter(t -> !t.isEmpty());
        if (typeName.isEmpty()) {
            reportUnmapped(fields, BRIEF, UnmappedFields.LINK);
            return keep(link, fields, twoEndpoints(link, fields).stream().map(LinkReader::briefEnd).toList());
        }
        if (!typeName.get().equals("veth")) {
            warnings.add(link.pointer(), "link type '" + typeName.get() + "' does not join two router interfaces;"
                    + " LabForge links are point-to-point between routers, so this link is not imported");
            return Optional.empty();
        }
        reportUnmapped(fields, VETH, UnmappedFields.LINK);
        List<Endpoint> ends = new ArrayList<>();
        for (Located end : twoEndpoints(link, fields)) {
            if (!(end.value() instanceof YamlValue.Mapping)) {
                throw end.error("must be a mapping with node and interface");
            }
            Map<String, Located> endFields = end.entries();
            reportUnmapped(endFields, VETH_ENDPOINT, UnmappedFields.ENDPOINT);
            ends.add(new Endpoint(text(endFields.get("node")), text(endFields.get("interface"))));
        }
        return keep(link, fields, ends);
    }

    private static Endpoint briefEnd(Located end) {
        // malformed text still becomes an endpoint: the validator reports it with a pointer, like any other problem
        return Endpoint.parse(end.text().orElseThrow(() -> end.error("must be a string such as r1:eth1")));
    }

    private static List<Located> twoEndpoints(Located link, Map<String, Located> fields) {
        Located endpoints = fields.get("endpoints");
        if (endpoints == null || endpoints.isNull()) {
            throw new ContainerlabFormatException(PointerMap.append(link.pointer(), "endpoints"),
                    "is required: a link joins two endpoints");
        }
        List<Located> items = endpoints.items();
        if (items.size() != 2) {
            throw endpoints.error("must list exactly two endpoints, found " + items.size());
        }
        return items;
    }

    private Optional<Link> keep(Located link, Map<String, Located> fields, List<Endpoint> ends) {
        if (ends.stream().anyMatch(end -> HOST_SIDE.contains(end.node()))) {
            warnings.add(link.pointer(), "a link to the container host (host:, mgmt-net: or macvlan:) has no"
                    + " equivalent between LabForge VMs; not imported");
            return Optional.empty();
        }
        return Optional.of(new Link(ends.get(0), ends.get(1), mtu(fields.get("mtu"))));
    }

    private static Integer mtu(Located mtu) {
        if (mtu == null || mtu.number().isEmpty()) {
            return null;
        }
        if (!mtu.isInteger()) {
            throw mtu.invalid("must be a whole number of bytes");
        }
        return mtu.intValue();
    }

    private static String text(Located field) {
        return field == null ? "" : field.text().orElse("");
    }

    private void reportUnmapped(Map<String, Located> fields, Set<String> mapped, Set<String> known) {
        fields.forEach((key, value) -> {
            if (!mapped.contains(key)) {
                UnmappedFields.report(key, value.pointer(), known, warnings);
            }
        });
    }
}
