package dev.labforge.cluster.plan;

import java.util.List;
import java.util.UUID;

/**
 * Everything needed to render one lab's cluster objects: the definition resolved against the image
 * catalog and the allocations (bridges, VLANs, MACs) the database made for it.
 *
 * @param namespace   the lab's own namespace; every object of the lab lives there
 * @param specVersion the lab definition version the plan was made from
 */
public record LabPlan(UUID labId, String labName, String namespace, long specVersion, List<NodePlan> nodes,
                      List<LinkPlan> links) {

    public LabPlan {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
    }
}
