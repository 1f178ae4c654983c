package dev.labforge.containerlab;

import static org.assertj.core.api.Assertions.assertThat;

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
            new CatalogImage("alpine", "alpine:3", "linux", 1, 512, ETH, List.of()));

    private static final ImageCatalogView CATALOG = ImageCatalogView.of(IMAGES);
    private static final ImageLookup LOOKUP = ImageLookup.of(IMAGES.stream().collect(Collectors.toMap(
            CatalogImage::name, image -> new ImageProfile(image.name(), image.interfaces()))));

    /**
     * The one refusal that remains, explained in the README: a linux container takes any interface name
     * (linux-nodes.clab.yml's "some1"), while a VM image names its data ports by a pattern.
     */
    static final Map<String, List<String>> REMAINING = Map.of("linux-nodes.clab.yml", List.of("interface-name"));

    static final List<String> FIXTURES = Fixtures.NAMES;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void importsWithNoRefusal(String fixture) {
        ContainerlabImport imported = new ContainerlabImporter().read(Fixtures.text(fixture), CATALOG);

        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP))
                .as("%s: %s", fixture, imported.warnings()).extracting(v -> v.rule())
                .containsExactlyElementsOf(REMAINING.getOrDefault(fixture, List.of()));
    }

    @Test
    void theAliasFormOfSrLinuxPortsImportsAsItsOwnNames() {
        String yaml = Fixtures.text("br01.clab.yml").replace("srl1:e1-1", "srl1:ethernet-1/1");
        ContainerlabImport imported = new ContainerlabImporter().read(yaml, CATALOG);

        assertThat(imported.topology().segments().getFirst().endpoints().getFirst().iface()).isEqualTo("e1-1");
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP)).isEmpty();
    }
}
