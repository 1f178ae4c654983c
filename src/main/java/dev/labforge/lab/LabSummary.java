package dev.labforge.lab;

import java.time.Instant;
import java.util.UUID;

/** The columns a lab list needs; the topology document stays in the database. */
interface LabSummary {

    UUID getId();

    UUID getOwnerId();

    String getName();

    String getDescription();

    int getNodeCount();

    int getLinkCount();

    Long getVersion();

    Instant getCreatedAt();

    Instant getUpdatedAt();
}
