package dev.labforge.cluster.multus;

import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.LinkPlan;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** The NAD around a driver's CNI config; {@code spec.config} is a JSON string, as the CRD requires. */
final class NetworkAttachments {

    private NetworkAttachments() {
    }

    static GenericKubernetesResource render(LabPlan lab, LinkPlan link, ObjectNode cniConfig) {
        GenericKubernetesResource nad = new GenericKubernetesResourceBuilder()
                .withApiVersion(Multus.API_VERSION)
                .withKind(Multus.NAD.getKind())
                .withNewMetadata()
                .withName(link.nadName())
                .withNamespace(lab.namespace())
                .withLabels(ClusterLabels.link(lab, link))
                .endMetadata()
                .build();
        nad.setAdditionalProperty("spec", Map.of("config", CniConfig.write(cniConfig)));
        return ClusterLabels.withSpecHash(nad);
    }
}
