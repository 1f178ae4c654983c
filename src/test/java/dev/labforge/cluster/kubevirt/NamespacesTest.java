package dev.labforge.cluster.kubevirt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.TestLabs;
import io.fabric8.kubernetes.api.model.Namespace;
import org.junit.jupiter.api.Test;

class NamespacesTest {

    @Test
    void theLabNamespaceIsLabelledAndHashed() {
        LabPlan lab = TestLabs.twoRouters();
        Namespace namespace = Namespaces.render(lab);

        assertThat(namespace.getMetadata().getName()).isEqualTo("lab-7f3a9c");
        assertThat(namespace.getMetadata().getNamespace()).isNull();
        assertThat(namespace.getMetadata().getLabels()).isEqualTo(ClusterLabels.lab(lab));
        assertThat(ClusterLabels.specHash(namespace)).matches("[0-9a-f]{16}");
    }
}
