package dev.labforge.cluster.multus;

import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.LinkPlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * One Linux bridge per link ({@code link.bridge()}), created by the CNI bridge plugin on first use. Both ends
 * must run on the same node. The plugin never deletes bridges, so names must never be reused while one may exist.
 */
public final class BridgeLinkDriver implements LinkDriver {

    public static final String NAME = "bridge";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GenericKubernetesResource render(LabPlan lab, LinkPlan link) {
        if (link.vlan() != null) {
            throw new IllegalArgumentException("link " + link.nadName() + ": the bridge driver takes no VLAN");
        }
        return NetworkAttachments.render(lab, link, CniConfig.bridge(link));
    }
}
