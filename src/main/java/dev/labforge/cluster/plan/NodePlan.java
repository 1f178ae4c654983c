package dev.labforge.cluster.plan;

import dev.labforge.image.ConfigDelivery;
import java.util.List;

/**
 * One router VM as it should be.
 *
 * @param vmName        the VirtualMachine's name (the node name: unique in the lab's namespace)
 * @param nicModel      KubeVirt interface model, from the catalog
 * @param startupConfig may be null; delivered through a Secret as {@code configDelivery} says
 * @param running       whether the VM should run ({@code runStrategy: Always}) or be halted
 * @param nics          one per link end on this node, in interface order
 * @param readinessPort TCP port that tells the router is usable; null when the image has none
 */
public record NodePlan(String name, String vmName, String containerDisk, String nicModel,
                       ConfigDelivery configDelivery, int cpu, int memoryMib, String startupConfig,
                       boolean running, List<NicPlan> nics, Integer readinessPort) {

    public NodePlan {
        nics = List.copyOf(nics);
    }
}
