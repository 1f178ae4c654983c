package dev.labforge.containerlab;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A node's image becomes a catalog name: by name, then by disk, then by kind (first by name); else kept. */
class ImageResolutionTest {

    private static final List<CatalogImage> CATALOG = List.of(
            new CatalogImage("alpha", "shared:1", "linux", 1, 512),
            new CatalogImage("shared:1", "other:1", "linux", 1, 512),
            new CatalogImage("zeta", "zeta:1", "nokia_srlinux", 2, 4096),
            new CatalogImage("beta", "beta:1", "nokia_srlinux", 2, 4096),
            new CatalogImage("gamma", "dup:1", "arista_ceos", 2, 2048),
            new CatalogImage("delta", "dup:1", "arista_ceos", 2, 2048),
            new CatalogImage("nokind", "nokind:1", null, 1, 512));

    private static String node(String kind, String image) {
        StringBuilder body = new StringBuilder();
        if (!kind.isEmpty()) {
            body.append("kind: ").append(kind).append(", ");
        }
        if (!image.isEmpty()) {
            body.append("image: '").append(image).append("'");
        }
        return "name: images\ntopology:\n  nodes:\n    r1: {" + body + "}\n";
    }

    @ParameterizedTest(name = "kind={0} image={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            linux          | shared:1   | shared:1   | /topology/nodes/r1/image
            nokia_srlinux  | zeta:1     | zeta       | /topology/nodes/r1/image
            arista_ceos    | dup:1      | delta      | /topology/nodes/r1/image
            nokia_srlinux  | unknown:1  | beta       | /topology/nodes/r1/image
            nokia_srlinux  | ''         | beta       | /topology/nodes/r1/kind
            srl            | ''         | beta       | /topology/nodes/r1/kind
            ceos           | ''         | delta      | /topology/nodes/r1/kind
            juniper_vmx    | unknown:1  | unknown:1  | /topology/nodes/r1/image
            juniper_vmx    | ''         | null       | /topology/nodes/r1/kind
            ''             | ''         | null       | /topology/nodes/r1
            ''             | beta       | beta       | /topology/nodes/r1/image
            """)
    void resolvesInTheDocumentedOrder(String kind, String image, String expected, String pointer) {
        ContainerlabImport imported = new ContainerlabImporter().read(node(kind, image), ImageCatalogView.of(CATALOG));

        assertThat(imported.topology().nodes().getFirst().image()).isEqualTo(expected);
        assertThat(imported.pointers().toYaml("/nodes/0/image")).isEqualTo(pointer);
    }

    @ParameterizedTest
    @CsvSource({"nokia_srlinux, unknown:1", "arista_ceos, dup:1", "linux, shared:1", "srl, ''"})
    void theChoiceDoesNotDependOnCatalogOrder(String kind, String image) {
        String expected = new ContainerlabImporter().read(node(kind, image), ImageCatalogView.of(CATALOG))
                .topology().nodes().getFirst().image();
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<CatalogImage> shuffled = new ArrayList<>(CATALOG);
            Collections.shuffle(shuffled, random);
            assertThat(new ContainerlabImporter().read(node(kind, image), ImageCatalogView.of(shuffled))
                    .topology().nodes().getFirst().image()).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"nokia_srlinux, unknown:1, true", "nokia_srlinux, beta:1, false", "nokia_srlinux, '', false"})
    void replacingAGivenImageByKindIsReported(String kind, String image, boolean warned) {
        ContainerlabImport imported = new ContainerlabImporter().read(node(kind, image), ImageCatalogView.of(CATALOG));

        assertThat(imported.warnings().stream().anyMatch(w -> w.pointer().equals("/topology/nodes/r1/image")))
                .isEqualTo(warned);
    }
}
