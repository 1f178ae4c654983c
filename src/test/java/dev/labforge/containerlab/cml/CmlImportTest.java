package dev.labforge.containerlab.cml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.containerlab.CatalogImage;
import dev.labforge.containerlab.ContainerlabFormatException;
import dev.labforge.containerlab.ContainerlabImport;
import dev.labforge.containerlab.ImageCatalogView;
import dev.labforge.containerlab.ImportWarning;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.ImageLookup;
import dev.labforge.topology.ImageProfile;
import dev.labforge.topology.InterfaceNaming;
import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Segment;
import dev.labforge.topology.TopologyLimits;
import dev.labforge.topology.TopologyValidator;
import dev.labforge.topology.Violation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cisco Modeling Labs topology files read into LabForge topologies, with pointers into the YAML. */
public class CmlImportTest {

    /** IOL names its ports Ethernet0/n; the catalog lists it for containerlab's cisco_iol kind. */
    public static final List<CatalogImage> IMAGES = List.of(
            new CatalogImage("iol", "registry.labforge.dev/vm/iol:17.12", "cisco_iol", 1, 768,
                    new InterfaceNaming("Ethernet0/{n}", 0, 16), List.of()),
            new CatalogImage("vios", "registry.labforge.dev/vm/vios:15.9", "cisco_vios", 1, 512,
                    new InterfaceNaming("GigabitEthernet0/{n}", 0, 16), List.of()),
            new CatalogImage("alpine", "alpine:3", "linux", 1, 512, new InterfaceNaming("eth{n}", 0, 16),
                    List.of()));

    public static final ImageCatalogView CATALOG = ImageCatalogView.of(IMAGES);
    public static final ImageLookup LOOKUP = ImageLookup.of(IMAGES.stream().collect(Collectors.toMap(
            CatalogImage::name, image -> new ImageProfile(image.name(), image.interfaces()))));

    private static final String LAB = """
            lab:
              title: OSPF broadcast
              version: 0.2.2
            nodes:
              - id: n0
                label: R1
                node_definition: iol-xe
                x: -400
                y: 20
                configuration: |-
                  hostname R1
                interfaces:
                  - id: i0
                    label: Loopback0
                    type: loopback
                  - id: i1
                    label: Ethernet0/0
                    slot: 0
                    type: physical
              - id: n1
                label: r2
                node_definition: iosv
                interfaces:
                  - id: i0
                    label: Gi0/1
                    slot: 1
                    type: physical
                  - id: i1
                    label: Gi0/0
                    slot: 0
                    type: physical
              - id: n2
                label: Sw 1
                node_definition: unmanaged_switch
                interfaces:
                  - {id: i0, label: port0, slot: 0, type: physical}
                  - {id: i1, label: port1, slot: 1, type: physical}
                  - {id: i2, label: port2, slot: 2, type: physical}
              - id: n3
                label: host
                node_definition: alpine
                interfaces:
                  - {id: i0, label: eth0, slot: 0, type: physical}
              - id: n4
                label: ext
                node_definition: external_connector
                interfaces:
                  - {id: i0, label: port, slot: 0, type: physical}
            links:
              - {id: l0, n1: n0, i1: i1, n2: n2, i2: i0}
              - {id: l1, n1: n2, i1: i1, n2: n1, i2: i1}
              - {id: l2, n1: n1, i1: i0, n2: n3, i2: i0}
              - {id: l3, n1: n4, i1: i0, n2: n2, i2: i2}
            """;

    @Test
    void mapsNodesSwitchesInterfacesConfigurationAndPositions() {
        ContainerlabImport imported = new CmlImporter().read(LAB, CATALOG);

        assertThat(imported.name()).isEqualTo("ospf-broadcast");
        List<Node> nodes = imported.topology().nodes();
        assertThat(nodes).extracting(Node::name).containsExactly("r1", "r2", "host");
        assertThat(nodes).extracting(Node::image).containsExactly("iol", "vios", "alpine");
        assertThat(nodes.get(0).displayName()).isEqualTo("R1");
        assertThat(nodes.get(0).startupConfig()).isEqualTo("hostname R1");
        assertThat(nodes.get(0).position()).isEqualTo(new Position(-400, 20));
        // r2's labels are no IOSv port names: mapped in slot order, Gi0/0 (slot 0) first
        assertThat(imported.topology().links()).singleElement().satisfies(link -> {
            assertThat(link.a()).isEqualTo(new Endpoint("r2", "GigabitEthernet0/1"));
            assertThat(link.b()).isEqualTo(new Endpoint("host", "eth0"));
        });
        assertThat(imported.topology().segments()).containsExactly(new Segment("sw-1",
                List.of(new Endpoint("r1", "Ethernet0/0"), new Endpoint("r2", "GigabitEthernet0/0")), null, "Sw 1"));
        assertThat(imported.warnings()).extracting(ImportWarning::pointer)
                .containsExactlyInAnyOrder("/lab/title", "/nodes/0/label", "/nodes/1/interfaces", "/nodes/2/label",
                        "/nodes/4/node_definition");
        assertThat(imported.warnings()).filteredOn(w -> w.pointer().equals("/nodes/1/interfaces"))
                .singleElement().satisfies(w -> assertThat(w.message()).contains("Gi0/0 -> GigabitEthernet0/0"));
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP)).isEmpty();
    }

    @Test
    void aMissingImageIsOneErrorPointingAtTheFirstNodeDefinition() {
        String twoUnknown = LAB.replace("node_definition: iosv", "node_definition: nxosv9000")
                .replace("node_definition: alpine", "node_definition: nxosv9000");
        ContainerlabImport imported = new CmlImporter().read(twoUnknown, CATALOG);

        List<Violation> violations = new TopologyValidator(TopologyLimits.defaults())
                .validate(imported.topology(), LOOKUP);
        assertThat(violations).filteredOn(v -> v.rule().equals("image-known")).singleElement()
                .satisfies(v -> assertThat(imported.pointers().toYaml(v.pointer())).isEqualTo("/nodes/1/node_definition"));
    }

    @Test
    void aCatalogEntryNamedLikeTheImageDefinitionWins() {
        String named = LAB.replace("node_definition: alpine", "node_definition: ubuntu\n    image_definition: vios");
        Node host = new CmlImporter().read(named, CATALOG).topology().nodes().get(2);
        assertThat(host.image()).isEqualTo("vios");
    }

    @Test
    void aConfigurationListKeepsItsFirstFileAndSaysSo() {
        String files = LAB.replace("""
                    configuration: |-
                      hostname R1
                """, """
                    configuration:
                      - name: ios_config.txt
                        content: hostname R1
                      - name: extra.txt
                        content: x
                """);
        ContainerlabImport imported = new CmlImporter().read(files, CATALOG);
        assertThat(imported.topology().nodes().get(0).startupConfig()).isEqualTo("hostname R1");
        assertThat(imported.warnings()).extracting(ImportWarning::pointer).contains("/nodes/0/configuration/1");
    }

    @Test
    void unreadableFilesPointAtTheField() {
        assertThatThrownBy(() -> new CmlImporter().read(LAB.replace("n2: n1, i2: i1}", "n2: n9, i2: i1}"), CATALOG))
                .isInstanceOfSatisfying(ContainerlabFormatException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/links/1/n2"));
        assertThatThrownBy(() -> new CmlImporter().read(LAB.replace("n2: n3, i2: i0}", "n2: n3, i2: i7}"), CATALOG))
                .isInstanceOfSatisfying(ContainerlabFormatException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/links/2/i2"));
        assertThatThrownBy(() -> new CmlImporter().read(LAB.replace("    node_definition: iosv\n", ""), CATALOG))
                .isInstanceOfSatisfying(ContainerlabFormatException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/nodes/1/node_definition"));
        assertThatThrownBy(() -> new CmlImporter().read(LAB.replace("x: -400", "x: .inf"), CATALOG))
                .isInstanceOfSatisfying(ContainerlabFormatException.class,
                        e -> assertThat(e.pointer()).isEqualTo("/nodes/0/x"));
        assertThat(new CmlImporter().read(LAB.replace("x: -400", "x: 0x10"), CATALOG).topology().nodes().get(0)
                .position()).isEqualTo(new Position(16, 20));
        assertThatThrownBy(() -> new CmlImporter().read("- a", CATALOG))
                .isInstanceOf(ContainerlabFormatException.class);
    }

    /** A field CML always writes, missing: the refusal names the part that lacks it, the field and what it is for. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            no nodes              | /nodes                    | the field 'nodes' is required
            a node without id     | /nodes/0/id               | node 0 ('R1') has no 'id' (links name nodes by it)
            a node without a definition | /nodes/1/node_definition | node 1 ('r2') has no 'node_definition' (it says what the node runs
            an interface without id | /nodes/2/interfaces/2/id | interface 2 ('port2') of node 'Sw 1' has no 'id'
            a link without its second node | /links/1/n2       | link 1 ('l1') has no 'n2' (the node at its second end)
            a link without its first interface | /links/0/i1   | link 0 ('l0') has no 'i1' (the interface of 'R1' at its first end)
            """)
    void aMissingFieldIsNamedWithTheNodeOrLinkThatLacksIt(String title, String pointer, String message) {
        String yaml = switch (title) {
            case "no nodes" -> "lab: {title: x}\n";
            case "a node without id" -> LAB.replace("  - id: n0\n    label: R1", "  - label: R1");
            case "a node without a definition" -> LAB.replace("    node_definition: iosv\n", "");
            case "an interface without id" -> LAB.replace("{id: i2, label: port2,", "{label: port2,");
            case "a link without its second node" -> LAB.replace("n2: n1, i2: i1}", "i2: i1}");
            default -> LAB.replace("{id: l0, n1: n0, i1: i1,", "{id: l0, n1: n0,");
        };
        assertThatThrownBy(() -> new CmlImporter().read(yaml, CATALOG))
                .isInstanceOfSatisfying(ContainerlabFormatException.class, e -> {
                    assertThat(e.pointer()).isEqualTo(pointer);
                    assertThat(e.getMessage()).startsWith(message);
                });
    }

    /**
     * CCNA Prep 2024 S1E5 "Conquering OSPF" from github.com/CiscoDevNet/cml-community, path
     * lab-topologies/ccna-prep/s1e5/CCNA_Prep_2024_S1E5_Conquering_OSPF.yaml at commit
     * 3d899609cf4cc2d95d47d360151944302b802ae5 (BSD-3-Clause, Copyright (c) 2020, Cisco Systems, Inc. and/or its
     * affiliates), stored unchanged as src/test/resources/cml/ccna-prep-s1e5-ospf.yaml: IOL routers and an IOL
     * switch, desktops, two unmanaged switches and an external connector.
     */
    @Test
    void aRealPublicCmlLabImportsWithoutRefusal() throws IOException {
        String yaml = Files.readString(Path.of("src/test/resources/cml/ccna-prep-s1e5-ospf.yaml"));
        ContainerlabImport imported = new CmlImporter().read(yaml, CATALOG);

        assertThat(imported.topology().nodes()).extracting(Node::image).containsOnly("iol", "alpine");
        assertThat(imported.topology().segments()).hasSize(2)
                .allSatisfy(segment -> assertThat(segment.endpoints()).isNotEmpty());
        assertThat(imported.warnings()).extracting(ImportWarning::message)
                .anySatisfy(m -> assertThat(m).startsWith("external connector"));
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP)).isEmpty();
    }
}
