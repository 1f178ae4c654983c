package dev.labforge.containerlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.ImageLookup;
import dev.labforge.topology.ImageProfile;
import dev.labforge.topology.InterfaceNaming;
import dev.labforge.topology.Node;
import dev.labforge.topology.NodeOrigin;
import dev.labforge.topology.TopologyLimits;
import dev.labforge.topology.TopologyValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * containerlab's own names: interface aliases an image declares ({@code ethernet-1/1} for SR Linux's {@code e1-1}),
 * node names Kubernetes cannot take ({@code PC1}), and the kind and image a node was imported with.
 */
class ContainerlabNamesTest {

    private static final InterfaceNaming SRL_PORTS = new InterfaceNaming("e1-{n}", 1, 34);
    private static final ImageCatalogView CATALOG = ImageCatalogView.of(List.of(
            new CatalogImage("srlinux", "registry.labforge.dev/vm/srlinux:24.10", "nokia_srlinux", 2, 4096,
                    SRL_PORTS, List.of("ethernet-1/{n}")),
            new CatalogImage("alpine", "alpine:3", "linux", 1, 512, new InterfaceNaming("eth{n}", 1, 8), List.of())));
    private static final ImageLookup LOOKUP = ImageLookup.of(Map.of(
            "srlinux", new ImageProfile("srlinux", SRL_PORTS),
            "alpine", new ImageProfile("alpine", new InterfaceNaming("eth{n}", 1, 8))));

    private static final String LAB = """
            name: names
            topology:
              kinds:
                srl: {image: "ghcr.io/nokia/srlinux:24.10"}
              nodes:
                leaf1: {kind: srl}
                Leaf_2: {kind: srl}
                PC1: {kind: linux, image: alpine:3}
                pc1: {kind: linux, image: alpine:3}
              links:
                - endpoints: ["leaf1:ethernet-1/1", "Leaf_2:e1-1"]
                - endpoints: ["leaf1:e1-2", "PC1:eth1"]
                - type: veth
                  endpoints: [{node: Leaf_2, interface: ethernet-1/2}, {node: pc1, interface: eth1}]
            """;

    private final ContainerlabImporter importer = new ContainerlabImporter();
    private final ContainerlabExporter exporter = new ContainerlabExporter();

    @Test
    void aliasesTheImageDeclaresImportAsItsOwnNamesAndTheLabValidates() {
        ContainerlabImport imported = importer.read(LAB, CATALOG);

        assertThat(imported.topology().links()).extracting(l -> l.a().toString() + " " + l.b())
                .containsExactly("leaf1:e1-1 leaf-2:e1-1", "leaf1:e1-2 pc1-2:eth1", "leaf-2:e1-2 pc1:eth1");
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP)).isEmpty();
        assertThat(imported.pointers().toYaml("/links/2/endpoints/0")).isEqualTo("/topology/links/2/endpoints/0");
    }

    @Test
    void withoutADeclaredAliasTheNameStaysAndIsRefusedAsBefore() {
        ImageCatalogView noAliases = ImageCatalogView.of(List.of(new CatalogImage("srlinux",
                "registry.labforge.dev/vm/srlinux:24.10", "nokia_srlinux", 2, 4096, SRL_PORTS, List.of())));
        ContainerlabImport imported = importer.read("""
                name: plain
                topology:
                  nodes: {a: {kind: srl}, b: {kind: srl}}
                  links: [{endpoints: ["a:ethernet-1/1", "b:e1-1"]}]
                """, noAliases);

        assertThat(imported.topology().links().getFirst().a()).isEqualTo(Endpoint.parse("a:ethernet-1/1"));
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP))
                .extracting(v -> v.rule()).containsExactly("interface-name");
    }

    @Test
    void namesKubernetesCannotTakeAreMappedKeptForDisplayWarnedAndExportedAsTheyWere() {
        ContainerlabImport imported = importer.read(LAB, CATALOG);

        assertThat(imported.topology().nodes()).extracting(Node::name, Node::displayName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("leaf1", null),
                org.assertj.core.groups.Tuple.tuple("leaf-2", "Leaf_2"),
                org.assertj.core.groups.Tuple.tuple("pc1-2", "PC1"), // pc1 is the other node's own name
                org.assertj.core.groups.Tuple.tuple("pc1", null));
        assertThat(imported.warnings()).filteredOn(w -> w.message().contains("DNS-1123"))
                .extracting(ImportWarning::pointer).containsExactly("/topology/nodes/Leaf_2", "/topology/nodes/PC1");

        String exported = exporter.write(imported.name(), imported.topology(), CATALOG);
        assertThat(exported).contains("  Leaf_2:", "  PC1:", "  pc1:", "- leaf1:e1-2\n        - PC1:eth1")
                .doesNotContain("pc1-2", "leaf-2");
        assertThat(ClabSchema.violations(exported)).isEmpty();
        assertThat(importer.read(exported, CATALOG).topology()).isEqualTo(imported.topology());
    }

    @Test
    void anImportedNodeExportsWithTheKindAndContainerImageItCameWith() {
        ContainerlabImport imported = importer.read(LAB, CATALOG);

        assertThat(imported.topology().node("leaf1")).map(Node::origin)
                .hasValue(new NodeOrigin(null, "ghcr.io/nokia/srlinux:24.10")); // the kind is the catalog's own
        assertThat(imported.topology().node("pc1")).map(Node::origin).isEmpty(); // alpine:3 is the catalog's disk
        String exported = exporter.write(imported.name(), imported.topology(), CATALOG);
        assertThat(exported).contains("leaf1:\n      kind: nokia_srlinux\n      image: ghcr.io/nokia/srlinux:24.10")
                .doesNotContain("registry.labforge.dev/vm/srlinux");
    }

    @Test
    void aKindOtherThanTheCatalogsIsKeptUnderItsCurrentName() {
        ContainerlabImport imported = importer.read("""
                name: kinds
                topology:
                  nodes: {c1: {kind: ceos, image: "ceos:4.32"}}
                """, ImageCatalogView.of(List.of(new CatalogImage("ceos", "ceos:4.32", "linux", 1, 512))));

        assertThat(imported.topology().nodes().getFirst().origin()).isEqualTo(new NodeOrigin("arista_ceos", null));
        assertThat(exporter.write("kinds", imported.topology(), TestCatalog.VIEW)).contains("kind: arista_ceos");
    }
}
