package dev.labforge.containerlab.cml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.containerlab.CatalogImage;
import dev.labforge.containerlab.ContainerlabImport;
import dev.labforge.containerlab.ImageCatalogView;
import dev.labforge.containerlab.ImportWarning;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.InterfaceNaming;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Labs written as Cisco Modeling Labs topology files read back to the same lab. */
class CmlExportTest {

    /** CmlImportTest's catalog and a second IOL image, which an import by kind alone would not pick. */
    private static final ImageCatalogView CATALOG;

    static {
        List<CatalogImage> images = new ArrayList<>(CmlImportTest.IMAGES);
        images.add(new CatalogImage("iol-l2", "registry.labforge.dev/vm/iol-l2:17.12", "cisco_iol", 1, 768,
                new InterfaceNaming("Ethernet0/{n}", 0, 16), List.of()));
        CATALOG = ImageCatalogView.of(images);
    }

    private final CmlExporter exporter = new CmlExporter();
    private final CmlImporter importer = new CmlImporter();

    @Test
    void aLabReadsBackUnchanged() {
        Topology lab = new Topology(
                List.of(new Node("r1", "iol", 2, 1024, "hostname R1\n!\n", Map.of(), new Position(-40, 12.5), "R1",
                                null),
                        new Node("r2", "iol-l2", null, null, null, Map.of(), null),
                        new Node("host", "alpine", null, null, "  indented\nlast", Map.of(), new Position(0, 0))),
                List.of(new Link(new Endpoint("r1", "Ethernet0/1"), new Endpoint("r2", "Ethernet0/3"), null)),
                List.of(new Segment("lan", List.of(Endpoint.parse("r1:Ethernet0/0"), Endpoint.parse("r2:Ethernet0/0"),
                        Endpoint.parse("host:eth0")), null, "LAN"), new Segment("empty", List.of(), null)));

        String yaml = exporter.write("ospf", "an OSPF broadcast network", lab, CATALOG);
        ContainerlabImport back = importer.read(yaml, CATALOG);

        assertThat(back.name()).isEqualTo("ospf");
        assertThat(back.topology()).as(yaml).isEqualTo(lab);
        assertThat(back.warnings()).as(yaml).extracting(ImportWarning::pointer)
                .containsExactlyInAnyOrder("/nodes/0/label", "/nodes/3/label");
        assertThat(yaml).contains("node_definition: iol-xe\n").contains("image_definition: iol-l2\n")
                .contains("node_definition: unmanaged_switch\n").contains("ram: 1024\n").contains("\"y\": 12.5\n");
        // r1's image is the first IOL image by name: the kind says it, no image_definition needed
        assertThat(yaml).containsOnlyOnce("image_definition:");
    }

    /** The CCNA Prep OSPF lab of CmlImportTest, from CiscoDevNet/cml-community (BSD-3-Clause). */
    @Test
    void aRealCmlLabSurvivesImportExportImport() throws IOException {
        String original = Files.readString(Path.of("src/test/resources/cml/ccna-prep-s1e5-ospf.yaml"));
        ContainerlabImport first = importer.read(original, CATALOG);

        String exported = exporter.write(first.name(), null, first.topology(), CATALOG);
        ContainerlabImport second = importer.read(exported, CATALOG);

        assertThat(second.name()).isEqualTo(first.name());
        assertThat(second.topology()).as(exported).isEqualTo(first.topology());
        assertThat(exporter.write(second.name(), null, second.topology(), CATALOG)).isEqualTo(exported);
    }
}
