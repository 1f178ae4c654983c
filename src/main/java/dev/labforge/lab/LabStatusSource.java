package dev.labforge.lab;

import dev.labforge.database.RoundTrip;
import java.util.Optional;
import java.util.UUID;

/** Implemented by whatever runs labs, so that a lab's answer carries its live state. */
public interface LabStatusSource {

    Optional<LabStatus> statusOf(UUID labId);

    /** The status of each of the labs that has one (a class view asks for hundreds at once). */
    default java.util.Map<UUID, LabStatus> statusesOf(java.util.Collection<UUID> labIds) {
        java.util.Map<UUID, LabStatus> all = new java.util.HashMap<>();
        labIds.forEach(id -> statusOf(id).ifPresent(status -> all.put(id, status)));
        return all;
    }

    /**
     * Each lab's state, ready and total nodes only (no nodes, no reasons: empty lists), for lists of hundreds of labs
     * that show a state per row.
     */
    default java.util.Map<UUID, LabStatus> summariesOf(java.util.Collection<UUID> labIds) {
        return statusesOf(labIds);
    }

    /** The same read as {@link #statusOf}, as one statement for a round trip with the lab's own read. */
    RoundTrip.Statement<Optional<LabStatus>> statusRead(UUID labId);
}
