package dev.labforge.containerlab.cml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.containerlab.CatalogImage;
import dev.labforge.containerlab.ContainerlabImport;
import dev.labforge.containerlab.ImageCatalogView;
import dev.labforge.containerlab.ImportWarning;
import dev.labforge.topology.ImageLookup;
import dev.labforge.topology.ImageProfile;
import dev.labforge.topology.InterfaceNaming;
import dev.labforge.topology.Node;
import dev.labforge.topology.TopologyLimits;
import dev.labforge.topology.TopologyValidator;
import dev.labforge.topology.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Every real public CML topology under src/test/resources/cml (README.md there names each file's repository, path,
 * commit and licence) imports against a catalog that has the images such a lab needs, as an operator would register
 * them, with no refusal CML would not make.
 */
public class CmlRealFilesTest {

    /** The files, all from github.com/CiscoDevNet/cml-community (BSD-3-Clause); sources in the README beside them. */
    public static final List<String> FILES = List.of("ccna-prep-s1e5-ospf.yaml", "ccna-prep-s1e1-vlans.yaml",
            "ccna-prep-s3e1-l2-security.yaml", "ccna-prep-s3e2-acls.yaml", "basic-forwarding-behavior.yaml",
            "multi-platform-network.yaml", "cml-free-vlan-tasks.yaml", "cml-free-hybrid-networking.yaml",
            "code-server-example.yaml");

    /**
     * CmlImportTest's IOL, IOSv and Linux images, and the other platforms the files run: CSR 1000v, ASAv, IOS XRv,
     * NX-OSv 9000, and the cml-community node definition for a code-server, registered under its definition's name.
     */
    static final List<CatalogImage> IMAGES = Stream.concat(CmlImportTest.IMAGES.stream(), Stream.of(
            new CatalogImage("csr1000v", "registry.labforge.dev/vm/csr1000v:17.3", "cisco_csr1000v", 1, 4096,
                    new InterfaceNaming("GigabitEthernet{n}", 1, 16), List.of()),
            new CatalogImage("asav", "registry.labforge.dev/vm/asav:9.20", "cisco_asav", 1, 2048,
                    new InterfaceNaming("GigabitEthernet0/{n}", 0, 8), List.of()),
            new CatalogImage("xrv", "registry.labforge.dev/vm/xrv:6.3", "cisco_xrv", 1, 3072,
                    new InterfaceNaming("GigabitEthernet0/0/0/{n}", 0, 16), List.of()),
            new CatalogImage("n9kv", "registry.labforge.dev/vm/n9kv:10.4", "cisco_n9kv", 2, 8192,
                    new InterfaceNaming("Ethernet1/{n}", 1, 64), List.of()),
            new CatalogImage("code-server-custom-4.102", "registry.labforge.dev/vm/code-server:4.102", "linux", 1,
                    1024, new InterfaceNaming("eth{n}", 0, 8), List.of()))).toList();

    static final ImageCatalogView CATALOG = ImageCatalogView.of(IMAGES);
    static final ImageLookup LOOKUP = ImageLookup.of(IMAGES.stream().collect(Collectors.toMap(
            CatalogImage::name, image -> new ImageProfile(image.name(), image.interfaces()))));

    /**
     * The refusals that remain, explained in the README: CML's TinyCore {@code server} runs in the 128 MiB its lab
     * gives it; LabForge's lower bound on a node's memory is the operator's (256 MiB by default).
     */
    static final Map<String, List<String>> REMAINING = Map.of("cml-free-vlan-tasks.yaml", List.of("node-resources"));

    static String text(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/cml", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ContainerlabImport imported(String file) {
        return new CmlImporter().read(text(file), CATALOG);
    }

    @ParameterizedTest
    @FieldSource("FILES")
    void importsWithNoRefusalCmlWouldNotMake(String file) {
        ContainerlabImport imported = imported(file);

        List<Violation> violations = new TopologyValidator(TopologyLimits.defaults())
                .validate(imported.topology(), LOOKUP);
        assertThat(violations).as("%s: %s", file, violations).extracting(Violation::rule)
                .containsExactlyElementsOf(REMAINING.getOrDefault(file, List.of()));
        violations.forEach(v -> assertThat(imported.pointers().toYaml(v.pointer())).startsWith("/nodes/"));
        assertThat(imported.warnings()).allSatisfy(w -> assertThat(w.pointer()).matches("(/[^/]*)*"));
    }

    @ParameterizedTest
    @FieldSource("FILES")
    void exportsAndReadsBackTheSameLab(String file) {
        ContainerlabImport first = imported(file);
        String yaml = new CmlExporter().write(first.name(), null, first.topology(), CATALOG);

        ContainerlabImport second = new CmlImporter().read(yaml, CATALOG);
        assertThat(second.topology()).as(yaml).isEqualTo(first.topology());
    }

    @Test
    void theOldestFormatRunsEveryPlatformOfTheSandbox() {
        ContainerlabImport imported = imported("multi-platform-network.yaml");

        assertThat(imported.topology().nodes()).extracting(Node::image)
                .contains("csr1000v", "asav", "xrv", "n9kv", "vios", "alpine");
        // ubuntu's enp0s2 are no eth{n}: mapped in slot order, said at the node
        assertThat(imported.warnings()).extracting(ImportWarning::pointer).contains("/nodes/1/interfaces");
    }

    /** CML 2.8's container nodes run the catalog's Linux image, as the desktops do. */
    @Test
    void containerNodesRunTheLinuxImage() {
        assertThat(imported("ccna-prep-s3e2-acls.yaml").topology().nodes()).filteredOn(n -> n.image().equals("alpine"))
                .hasSize(4);
        assertThat(imported("ccna-prep-s3e1-l2-security.yaml").topology().node("rogue-dhcp")).map(Node::image)
                .hasValue("alpine");
        assertThat(imported("code-server-example.yaml").topology().nodes()).extracting(Node::image)
                .containsExactly("code-server-custom-4.102", "iol", "alpine");
    }
}
