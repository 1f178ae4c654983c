package dev.labforge.cluster.kubevirt;

import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;

/** The lab's own Namespace: every object of the lab lives in it, and deleting it deletes the lab. */
public final class Namespaces {

    private Namespaces() {
    }

    public static Namespace render(LabPlan lab) {
        Namespace namespace = new NamespaceBuilder()
                .withNewMetadata()
                .withName(lab.namespace())
                .withLabels(ClusterLabels.lab(lab))
                .endMetadata()
                .build();
        return ClusterLabels.withSpecHash(namespace);
    }
}
