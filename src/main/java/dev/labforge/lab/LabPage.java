package dev.labforge.lab;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Page;

/** One page of a lab list. Items carry counts, not topologies: fetch a lab for its definition. */
@Schema(name = "LabPage")
record LabPage(List<Item> items, int page, int size, long totalItems, int totalPages) {

    @Schema(name = "LabSummary")
    record Item(UUID id, String name, String description, LabView.Owner owner, int nodeCount, int linkCount,
                long version, Instant createdAt, Instant updatedAt) {
    }

    static LabPage from(Page<LabSummary> page, Map<UUID, String> ownerNames) {
        List<Item> items = page.getContent().stream().map(s -> new Item(s.getId(), s.getName(),
                s.getDescription(), new LabView.Owner(s.getOwnerId(), ownerNames.get(s.getOwnerId())),
                s.getNodeCount(), s.getLinkCount(), s.getVersion() == null ? 0 : s.getVersion(), s.getCreatedAt(),
                s.getUpdatedAt())).toList();
        return new LabPage(items, page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}
