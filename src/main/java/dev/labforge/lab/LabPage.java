package dev.labforge.lab;

import dev.labforge.access.Permission;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One page of a lab list. Items carry counts, not topologies: fetch a lab for its definition. */
@Schema(name = "LabPage")
record LabPage(List<Item> items, int page, int size, long totalItems, int totalPages) {

    @Schema(name = "LabSummary")
    record Item(UUID id, String name, String description, LabView.OwnerView owner, Permission permission,
                int nodeCount, int linkCount, int segmentCount, long version, Instant createdAt, Instant updatedAt) {
    }

    static LabPage of(List<LabAccess.Listed> listed, Owners owners, int page, int size, long total) {
        var names = owners.views(listed.stream().map(l -> l.lab().owner()).distinct().toList());
        List<Item> items = listed.stream().map(l -> {
            LabSummary s = l.lab();
            return new Item(s.id(), s.name(), s.description(), names.get(s.owner()), l.permission(), s.nodeCount(),
                    s.linkCount(), s.segmentCount(), s.version(), s.createdAt(), s.updatedAt());
        }).toList();
        return new LabPage(items, page, size, total, (int) ((total + size - 1) / size));
    }
}
