package dev.labforge.containerlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.topology.ImageLookup;
import dev.labforge.topology.ImageProfile;
import dev.labforge.topology.InterfaceNaming;
import dev.labforge.topology.TopologyLimits;
import dev.labforge.topology.TopologyValidator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every real public containerlab file under src/test/resources/containerlab/fixtures (each names its repository, path
 * and commit on its first line; containerlab's files are BSD-3-Clause) imports against a catalog that has the
 * images such a lab needs, as an operator would register them, with no refusal containerlab would not make: shared
 * bridges, SR Linux's ethernet-1/n aliases, names like PC1 and Linux hosts all pass.
 */
class RealFilesTest {

    private static final InterfaceNaming ETH = new InterfaceNaming("eth{n}", 1, 64);
    private static final InterfaceNaming SRL = new InterfaceNaming("e1-{n}", 1, 64);

    /** The catalog an operator running these labs registers: SR Linux names its ports e1-n, and takes ethernet-1/n. */
    static final List<CatalogImage> IMAGES = List.of(
            new CatalogImage("srlinux", "registry.labforge.dev/vm/srlinux:24.10", "nokia_srlinux", 2, 4096, SRL,
                    List.of("ethernet-1/{n}")),
            new CatalogImage("sros", "registry.labforge.dev/vm/sros:25.7", "nokia_sros", 2, 4096, ETH, List.of()),
            new CatalogImage("srsim", "registry.labforge.dev/vm/srsim:25.7", "nokia_srsim", 2, 4096,
                    new InterfaceNaming("1/1/c1/{n}", 1, 32), List.of()),
            new CatalogImage("alpine", "alpine:3", "linux", 1, 512, ETH, List.of()),
            new CatalogImage("ceos", "registry.labforge.dev/vm/ceos:4.32", "arista_ceos", 2, 2048, ETH, List.of()),
            // containerlab's IOL keeps Ethernet0/0 for management and takes e0/n for Ethernet0/n
            new CatalogImage("iol", "registry.labforge.dev/vm/iol:17.12", "cisco_iol", 1, 768,
                    new InterfaceNaming("Ethernet0/{n}", 1, 15), List.of("e0/{n}")));

    private static final ImageCatalogView CATALOG = ImageCatalogView.of(IMAGES);
    private static final ImageLookup LOOKUP = ImageLookup.of(IMAGES.stream().collect(Collectors.toMap(
            CatalogImage::name, image -> new ImageProfile(image.name(), image.interfaces()))));

    /**
     * The one refusal that remains, explained in the README: SR-SIM names a port by card, connector and breakout
     * (srsim-comp's "1/1/c23/4"), while a catalog image names its data ports by one pattern with one number.
     */
    static final Map<String, List<String>> REMAINING = Map.of("srsim-comp.clab.yml", List.of("interface-name"));

    static final List<String> FIXTURES = Fixtures.NAMES;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void importsWithNoRefusal(String fixture) {
        ContainerlabImport imported = new ContainerlabImporter().read(Fixtures.text(fixture), CATALOG);

        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP))
                .as("%s: %s", fixture, imported.warnings()).extracting(v -> v.rule())
                .containsExactlyElementsOf(REMAINING.getOrDefault(fixture, List.of()));
    }

    /**
     * A linux container names its interfaces as it likes ("some1", "net0"); a Linux VM's guest names them itself, so
     * each such name takes a free data port, the same one wherever it recurs, said once per node.
     */
    @Test
    void aLinuxNodesOwnInterfaceNamesTakeFreePorts() {
        ContainerlabImport imported = new ContainerlabImporter().read(Fixtures.text("shared-namespace.clab.yaml"),
                CATALOG);
        assertThat(imported.topology().links()).singleElement().satisfies(link -> {
            assertThat(link.a()).isEqualTo(new dev.labforge.topology.Endpoint("node0", "eth1"));
            assertThat(link.b()).isEqualTo(new dev.labforge.topology.Endpoint("node1", "eth1"));
        });
        assertThat(imported.warnings()).filteredOn(w -> w.pointer().equals("/topology/links/0/endpoints/0"))
                .singleElement().satisfies(w -> assertThat(w.message()).contains("net0 -> eth1"));

        // linux-nodes: l2 uses eth2 and eth3 too, so its "some1" becomes eth1, the first port no link takes
        ContainerlabImport nodes = new ContainerlabImporter().read(Fixtures.text("linux-nodes.clab.yml"), CATALOG);
        assertThat(nodes.warnings()).extracting(ImportWarning::message).filteredOn(m -> m.contains("some1"))
                .singleElement().satisfies(m -> assertThat(m).contains("some1 -> eth1"));
    }

    /**
     * containerlab renders a file as a Go template before reading it (tests/01-smoke/29-apply.clab.yml, source on its
     * first line); LabForge has no template variables, so it refuses such a file and says how to render it.
     */
    @Test
    void aGoTemplateThatIsNoYamlIsRefusedWithHowToRenderIt() {
        assertThatThrownBy(() -> new ContainerlabImporter().read(Fixtures.text("apply-template.clab.yml"), CATALOG))
                .isInstanceOfSatisfying(ContainerlabFormatException.class, e -> {
                    assertThat(e.pointer()).isEmpty();
                    assertThat(e.getMessage()).startsWith("not valid YAML")
                            .contains("a containerlab Go template ({{- if .deployDrift }} on line 15)")
                            .contains("containerlab deploy --export-rendered FILE");
                });
        // plain YAML that is not valid says nothing of templates
        assertThatThrownBy(() -> new ContainerlabImporter().read("name: [x", CATALOG))
                .isInstanceOfSatisfying(ContainerlabFormatException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("template"));
    }

    @Test
    void theAliasFormOfSrLinuxPortsImportsAsItsOwnNames() {
        String yaml = Fixtures.text("br01.clab.yml").replace("srl1:e1-1", "srl1:ethernet-1/1");
        ContainerlabImport imported = new ContainerlabImporter().read(yaml, CATALOG);

        assertThat(imported.topology().segments().getFirst().endpoints().getFirst().iface()).isEqualTo("e1-1");
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP)).isEmpty();
    }
}
