package dev.labforge.lab;

import dev.labforge.database.RoundTrip;
import java.util.Optional;
import java.util.UUID;

/** Implemented by whatever runs labs, so that a lab's answer carries its live state. */
public interface LabStatusSource {

    Optional<LabStatus> statusOf(UUID labId);

    /** The same read as {@link #statusOf}, as one statement for a round trip with the lab's own read. */
    RoundTrip.Statement<Optional<LabStatus>> statusRead(UUID labId);
}
