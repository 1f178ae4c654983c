package dev.labforge.cluster.plan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything needed to render one lab's cluster objects: the definition resolved against the image
 * catalog and the allocations (bridges, VLANs, MACs) the database made for it.
 *
 * @param namespace   the lab's own namespace; every object of the lab lives there
 * @param specVersion  the lab definition version the plan was made from
 * @param nodeSelector Kubernetes node labels every VM of the lab is scheduled with (its capacity pool's);
 *                     empty for anywhere
 */
public record LabPlan(UUID labId, String labName, String namespace, long specVersion, List<NodePlan> nodes,
                      List<LinkPlan> links, Map<String, String> nodeSelector) {

    public LabPlan {
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        nodeSelector = nodeSelector == null ? Map.of() : Map.copyOf(nodeSelector);
    }

    /** A plan whose VMs may run on any node. */
    public LabPlan(UUID labId, String labName, String namespace, long specVersion, List<NodePlan> nodes,
                   List<LinkPlan> links) {
        this(labId, labName, namespace, specVersion, nodes, links, Map.of());
    }
}
