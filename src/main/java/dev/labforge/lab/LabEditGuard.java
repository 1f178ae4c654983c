package dev.labforge.lab;

import dev.labforge.topology.Topology;

/**
 * A module with a stake in a lab's topology is asked before a change is saved, in the same
 * transaction; it refuses with a problem (say, a quota) or prepares for the change.
 */
public interface LabEditGuard {

    void beforeRedefine(LabDefinition current, Topology next);
}
