package dev.labforge.cluster.multus;

import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.LinkPlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** How a lab link is wired on the nodes: renders the link's NetworkAttachmentDefinition. */
public interface LinkDriver {

    /** The name operators configure, e.g. {@code bridge}. */
    String name();

    /**
     * The link's NAD (named {@code link.nadName()}, in the lab's namespace), stamped with its spec hash.
     *
     * @throws IllegalArgumentException if the plan does not fit this driver (bridge name, VLAN, MTU)
     */
    GenericKubernetesResource render(LabPlan lab, LinkPlan link);
}
