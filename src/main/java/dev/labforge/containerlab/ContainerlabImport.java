package dev.labforge.containerlab;

import dev.labforge.topology.Topology;

import java.util.List;

/**
 * The result of reading a containerlab file.
 *
 * @param name     the lab name the file gives
 * @param topology the nodes and links, not yet validated
 * @param warnings what was not taken over, in document order
 * @param pointers translates pointers of the topology model (as the validator reports them) into the YAML file
 */
public record ContainerlabImport(String name, Topology topology, List<ImportWarning> warnings, PointerMap pointers) {

    public ContainerlabImport {
        warnings = List.copyOf(warnings);
    }
}
