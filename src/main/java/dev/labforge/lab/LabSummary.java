package dev.labforge.lab;

import dev.labforge.access.Owner;
import java.time.Instant;
import java.util.UUID;

/** The columns a lab list needs; the topology document stays in the database. */
record LabSummary(UUID id, Owner owner, String name, String description, int nodeCount, int linkCount, int segmentCount,
                  long version, Instant createdAt, Instant updatedAt) {
}
