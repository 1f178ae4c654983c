package dev.labforge.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.NodeOrigin;
import dev.labforge.topology.Position;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/** The lab definition as the API reads and writes it (JSON); converts itself to and from the model. */
final class LabDocument {

    static final String NAME_PATTERN = "[A-Za-z0-9]([A-Za-z0-9_.-]{0,62})?";
    static final String NAME_RULE = "1-64 letters, digits, '-', '_' or '.', starting with a letter or digit";

    private LabDocument() {
    }

    @Schema(name = "Position", description = "Where the node sits on the diagram")
    record PositionDocument(double x, double y) {
    }

    @Schema(name = "Node", description = "A router")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record NodeDocument(
            @Schema(example = "r1", description = "DNS-1123 label, unique in the lab") String name,
            @Schema(example = "frr", description = "name of an image in the catalog") String image,
            @Schema(description = "vCPU cores; the image's default when absent") Integer cpu,
            @Schema(description = "memory in MiB; the image's default when absent") Integer memoryMib,
            @Schema(description = "configuration the router boots with") String startupConfig,
            @Size(max = 64) Map<@Size(max = 63) String, @NotNull @Size(max = 255) String> labels,
            @Valid PositionDocument position,
            @Size(max = 255) @Schema(example = "PC1", description = "the name people know the node by, when it is"
                    + " no DNS label (a containerlab import keeps the file's name here); exports write it")
            String displayName,
            @Valid @Schema(description = "what the node was imported as (containerlab's kind and container image,"
                    + " or GNS3's node type and image); an export to the same tool writes these")
            OriginDocument origin) {

        Node toDomain() {
            return new Node(name, image, cpu, memoryMib, startupConfig, labels,
                    position == null ? null : new Position(position.x(), position.y()), displayName,
                    origin == null ? null : new NodeOrigin(origin.kind(), origin.image(), origin.format()));
        }

        static NodeDocument from(Node node) {
            Position p = node.position();
            NodeOrigin o = node.origin();
            return new NodeDocument(node.name(), node.image(), node.cpu(), node.memoryMib(), node.startupConfig(),
                    node.labels(), p == null ? null : new PositionDocument(p.x(), p.y()), node.displayName(),
                    o == null ? null : new OriginDocument(o.kind(), o.image(), o.format()));
        }
    }

    @Schema(name = "NodeOrigin", description = "Where an imported node came from, as the containerlab or GNS3 file"
            + " said")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OriginDocument(
            @Size(max = 64) @Schema(example = "nokia_srlinux", description = "containerlab kind, or GNS3 node type")
            String kind,
            @Size(max = 500) @Schema(example = "ghcr.io/nokia/srlinux:24.10", description = "container image, or"
                    + " GNS3 image reference") String image,
            @Pattern(regexp = "containerlab|gns3", message = "containerlab or gns3")
            @Schema(example = "gns3", description = "the tool the node came from; containerlab when absent")
            String format) {
    }

    @Schema(name = "Link", description = "A point-to-point link between two router interfaces")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LinkDocument(
            @NotNull @Size(min = 2, max = 2, message = "a link has exactly two endpoints")
            @Schema(example = "[\"r1:eth1\", \"r2:eth1\"]", description = "two node:interface endpoints")
            List<String> endpoints,
            @Schema(description = "MTU in bytes; the service default when absent") Integer mtu) {

        Link toDomain() {
            return new Link(Endpoint.parse(endpoints.get(0)), Endpoint.parse(endpoints.get(1)), mtu);
        }

        static LinkDocument from(Link link) {
            return new LinkDocument(List.of(link.a().toString(), link.b().toString()), link.mtu());
        }
    }

    @Schema(name = "Segment", description = "A shared segment (a LAN, a switch): any number of interfaces on one"
            + " broadcast domain")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SegmentDocument(
            @Schema(example = "lan1", description = "DNS-1123 label, unique among the lab's segments and node names")
            String name,
            @NotNull
            @Schema(example = "[\"r1:eth3\", \"r2:eth3\", \"h1:eth1\"]", description = "node:interface members")
            List<String> endpoints,
            @Schema(description = "MTU in bytes; the service default when absent") Integer mtu,
            @Size(max = 255) @Schema(example = "Sw1", description = "the name people know the segment by, when it is"
                    + " no DNS label (a containerlab import keeps the bridge's name here); exports write it")
            String displayName) {

        Segment toDomain() {
            return new Segment(name, endpoints.stream().map(Endpoint::parse).toList(), mtu, displayName);
        }

        static SegmentDocument from(Segment segment) {
            return new SegmentDocument(segment.name(), segment.endpoints().stream().map(Endpoint::toString).toList(),
                    segment.mtu(), segment.displayName());
        }
    }

    @Schema(name = "LabDefinition", description = "What a lab is: its name and topology")
    record LabRequest(
            @NotBlank @Pattern(regexp = NAME_PATTERN, message = NAME_RULE) @Schema(example = "ospf-triangle")
            String name,
            @Size(max = 2000) String description,
            List<@NotNull @Valid NodeDocument> nodes,
            List<@NotNull @Valid LinkDocument> links,
            @Schema(description = "shared segments (LANs); absent means none")
            List<@NotNull @Valid SegmentDocument> segments) {

        Topology topology() {
            return new Topology(
                    nodes == null ? List.of() : nodes.stream().map(NodeDocument::toDomain).toList(),
                    links == null ? List.of() : links.stream().map(LinkDocument::toDomain).toList(),
                    segments == null ? List.of() : segments.stream().map(SegmentDocument::toDomain).toList());
        }
    }

    static List<NodeDocument> nodes(Topology topology) {
        return topology.nodes().stream().map(NodeDocument::from).toList();
    }

    static List<LinkDocument> links(Topology topology) {
        return topology.links().stream().map(LinkDocument::from).toList();
    }

    /** Null when the lab has none, so labs without segments read as before. */
    static List<SegmentDocument> segments(Topology topology) {
        return topology.segments().isEmpty() ? null
                : topology.segments().stream().map(SegmentDocument::from).toList();
    }
}
