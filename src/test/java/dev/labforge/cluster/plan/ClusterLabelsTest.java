package dev.labforge.cluster.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.cluster.TestLabs;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterLabelsTest {

    private static final LabPlan LAB = TestLabs.twoRouters();
    private static final NodePlan R1 = TestLabs.node(LAB, "r1");
    private static final String LAB_ID = "7f3a9c00-0000-4000-8000-000000000001";

    @Test
    void routersCarryTheirNode() {
        assertThat(ClusterLabels.router(LAB, R1)).isEqualTo(Map.of(
                "app.kubernetes.io/component", "router",
                "app.kubernetes.io/instance", "lab-7f3a9c",
                "app.kubernetes.io/managed-by", "labforge",
                "app.kubernetes.io/name", "labforge-router",
                "app.kubernetes.io/part-of", "labforge",
                "labforge.dev/lab", LAB_ID,
                "labforge.dev/node", "r1",
                "labforge.dev/spec-version", "3"));
    }

    @Test
    void configSecretsAreRouterPartsOfComponentConfig() {
        assertThat(ClusterLabels.config(LAB, R1))
                .containsEntry(ClusterLabels.NAME, "labforge-router")
                .containsEntry(ClusterLabels.COMPONENT, "config")
                .containsEntry(ClusterLabels.NODE, "r1");
    }

    @Test
    void linksCarryTheirNad() {
        assertThat(ClusterLabels.link(LAB, LAB.links().getFirst()))
                .containsEntry(ClusterLabels.NAME, "labforge-link")
                .containsEntry(ClusterLabels.COMPONENT, "link")
                .containsEntry(ClusterLabels.LINK, "l-7f3a9c-000")
                .doesNotContainKey(ClusterLabels.NODE);
    }

    @Test
    void theLabItself() {
        assertThat(ClusterLabels.lab(LAB))
                .containsEntry(ClusterLabels.NAME, "labforge-lab")
                .containsEntry(ClusterLabels.COMPONENT, "lab")
                .containsEntry(ClusterLabels.LAB, LAB_ID)
                .doesNotContainKeys(ClusterLabels.NODE, ClusterLabels.LINK);
    }

    @Test
    void templatesCarryLabAndNodeButNoVersion() {
        assertThat(ClusterLabels.template(LAB, R1)).isEqualTo(Map.of(
                "labforge.dev/lab", LAB_ID, "labforge.dev/node", "r1"));
    }

    @Test
    void theSelectorUsesEqualityOnManagedByAndLab() {
        assertThat(ClusterLabels.selector(LAB.labId())).containsExactly(
                Map.entry("app.kubernetes.io/managed-by", "labforge"), Map.entry("labforge.dev/lab", LAB_ID));
    }

    @Test
    void labelValuesAreValidKubernetesLabelValues() {
        TestLabs.vendorRing().nodes().forEach(node -> assertThat(ClusterLabels.router(LAB, node).values())
                .allSatisfy(v -> assertThat(v).matches("(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?")));
    }
}
