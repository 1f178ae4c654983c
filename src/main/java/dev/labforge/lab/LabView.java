package dev.labforge.lab;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.labforge.access.Owner;
import dev.labforge.access.Permission;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A lab as the API returns it. */
@Schema(name = "Lab")
@JsonInclude(JsonInclude.Include.NON_NULL)
record LabView(UUID id, String name, String description, OwnerView owner,
               @Schema(description = "what you may do with the lab: view, operate, edit or admin")
               Permission permission, List<LabDocument.NodeDocument> nodes,
               List<LabDocument.LinkDocument> links,
               @Schema(description = "shared segments (LANs); absent when the lab has none")
               List<LabDocument.SegmentDocument> segments, long version, Instant createdAt, Instant updatedAt,
               @Schema(description = "live state on the cluster; absent until the lab is first started")
               LabStatus status,
               @Schema(description = "import notes: fields that were read but mean nothing for a VM lab;"
                       + " only in the answer to a create or replace")
               List<Warning> warnings) {

    @Schema(name = "Owner", description = "the user or team the lab belongs to, and whose quota it uses")
    record OwnerView(Owner.Kind kind, UUID id, String name) {
    }

    @Schema(name = "ImportWarning")
    record Warning(String pointer, String message) {
    }

    static LabView from(Lab lab, OwnerView owner, Permission permission, LabStatus status, List<Warning> warnings) {
        return new LabView(lab.id(), lab.name(), lab.description(), owner, permission,
                LabDocument.nodes(lab.topology()), LabDocument.links(lab.topology()),
                LabDocument.segments(lab.topology()), lab.version(),
                lab.createdAt(), lab.updatedAt(), status, warnings);
    }
}
