package dev.labforge.lab;

import dev.labforge.topology.Topology;
import java.util.UUID;

/** A lab's definition as other modules see it: read-only, at one version. */
public record LabDefinition(UUID id, UUID ownerId, String name, long version, Topology topology) {

    static LabDefinition of(Lab lab) {
        return new LabDefinition(lab.id(), lab.ownerId(), lab.name(), lab.version(), lab.topology());
    }
}
