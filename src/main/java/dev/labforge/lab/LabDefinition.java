package dev.labforge.lab;

import dev.labforge.access.Owner;
import dev.labforge.topology.Topology;
import java.util.UUID;

/** A lab's definition as other modules see it: read-only, at one version. */
public record LabDefinition(UUID id, Owner owner, String name, long version, Topology topology) {

    static LabDefinition of(Lab lab) {
        return new LabDefinition(lab.id(), lab.owner(), lab.name(), lab.version(), lab.topology());
    }
}
