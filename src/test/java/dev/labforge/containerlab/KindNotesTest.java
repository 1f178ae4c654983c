package dev.labforge.containerlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.topology.Node;
import dev.labforge.topology.TopologyLimits;
import dev.labforge.topology.TopologyValidator;
import dev.labforge.topology.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kinds that are not routers are one finding per kind; a catalog without the images, one per image. */
class KindNotesTest {

    private final ContainerlabImporter importer = new ContainerlabImporter();

    @Test
    void linuxHostsOfARealFileAreOneWarningForTheirKind() {
        // github.com/srl-labs/srl-telemetry-lab st.clab.yml: gnmic, prometheus, grafana and clients are linux nodes
        ContainerlabImport imported = importer.read(Fixtures.text("st.clab.yml"), TestCatalog.VIEW);

        List<ImportWarning> linux = imported.warnings().stream()
                .filter(w -> w.message().startsWith("kind linux:")).toList();
        assertThat(linux).hasSize(1);
        assertThat(linux.getFirst().message()).contains("grafana", "prometheus", "gnmic", "grafana/grafana:8.5.2",
                "catalog image 'alpine'");
        assertThat(imported.warnings()).filteredOn(w -> w.message().startsWith("kind nokia_srlinux:")
                || w.message().startsWith("kind srl:")).hasSize(1);
    }

    @Test
    void kindsThatAreNoMachinesAreLeftOutWithTheirLinksInOneWarningPerKind() {
        ContainerlabImport imported = importer.read("""
                name: mixed
                topology:
                  nodes:
                    r1: {kind: linux, image: frr}
                    k1: {kind: k8s-kind}
                    k2: {kind: k8s-kind}
                    ext1: {kind: ext-container}
                  links:
                    - endpoints: ["r1:eth1", "k1:eth1"]
                    - endpoints: ["r1:eth2", "k2:eth1"]
                    - endpoints: ["ext1:eth1", "r1:eth3"]
                """, TestCatalog.VIEW);

        assertThat(imported.topology().nodes()).extracting(Node::name).containsExactly("r1");
        assertThat(imported.topology().links()).isEmpty();
        assertThat(imported.warnings()).extracting(ImportWarning::pointer, ImportWarning::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/topology/nodes/k1", "kind k8s-kind: 2 nodes (k1, k2) are no"
                        + " machines LabForge runs (a Kubernetes-in-Docker cluster); not imported, nor their 2 links"),
                org.assertj.core.groups.Tuple.tuple("/topology/nodes/ext1", "kind ext-container: 1 node (ext1) are no"
                        + " machines LabForge runs (containers started outside the lab); not imported, nor their 1 link"));
    }

    @Test
    void anEmptyCatalogIsOneErrorPerMissingImageNotPerNode() {
        ContainerlabImport imported = importer.read(Fixtures.text("cfg-clos.clab.yml"), ImageCatalogView.of(List.of()));
        List<Violation> violations = new TopologyValidator(TopologyLimits.defaults())
                .validate(imported.topology(), TestCatalog.LOOKUP).stream()
                .filter(v -> v.rule().equals("image-known")).toList();

        long images = imported.topology().nodes().stream().map(n -> n.image() == null ? "" : n.image()).distinct().count();
        assertThat(violations).hasSize((int) images).hasSizeLessThan(imported.topology().nodes().size());
        assertThat(violations).extracting(v -> imported.pointers().toYaml(v.pointer())).doesNotHaveDuplicates();
    }
}
