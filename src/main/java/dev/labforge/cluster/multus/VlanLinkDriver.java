package dev.labforge.cluster.multus;

import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.LinkPlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * One VLAN per link ({@code link.vlan()}) on a shared, pre-provisioned trunk bridge ({@code link.bridge()}); the
 * bridge plugin makes each pod's veth an access port of that VLAN.
 *
 * <p>This spans nodes when every node's trunk bridge is uplinked to a physical NIC carrying those VLANs (allowed
 * on the uplink with {@code bridge vlan add vid <id> dev <nic>}, trunked by the switch fabric). Same-node pairs
 * work too. The alternative is OVS: ovs-cni with {@code vlan} on an OVS bridge joined by a trunk NIC or a VXLAN
 * mesh. VLAN ids are a pool of 4094 per L2 domain, allocated by the service.
 */
public final class VlanLinkDriver implements LinkDriver {

    public static final String NAME = "vlan";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GenericKubernetesResource render(LabPlan lab, LinkPlan link) {
        return NetworkAttachments.render(lab, link, CniConfig.vlan(link));
    }
}
