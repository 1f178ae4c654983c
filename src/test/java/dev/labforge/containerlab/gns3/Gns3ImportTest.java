package dev.labforge.containerlab.gns3;

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
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.NodeOrigin;
import dev.labforge.topology.Position;
import dev.labforge.topology.Segment;
import dev.labforge.topology.TopologyLimits;
import dev.labforge.topology.TopologyValidator;
import dev.labforge.topology.Violation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** GNS3 project files read into LabForge topologies, with pointers into the project's JSON. */
public class Gns3ImportTest {

    static final List<CatalogImage> IMAGES = List.of(
            new CatalogImage("vios", "registry.labforge.dev/vm/vios:15.9", "cisco_vios", 1, 512,
                    new InterfaceNaming("GigabitEthernet0/{n}", 0, 16), List.of()),
            new CatalogImage("iol", "registry.labforge.dev/vm/iol:17.12", "cisco_iol", 1, 768,
                    new InterfaceNaming("Ethernet0/{n}", 0, 16), List.of()),
            new CatalogImage("alpine", "alpine:3", "linux", 1, 512, new InterfaceNaming("eth{n}", 0, 16),
                    List.of()),
            // an operator registers a lab's own router disk under a name of their choosing
            new CatalogImage("frr", "debian-12-frr.qcow2", "linux", 1, 512,
                    new InterfaceNaming("eth{n}", 0, 8), List.of()),
            // likewise the IOSv disk of CML's reference platform, which names it virtioa.qcow2
            new CatalogImage("vios-cml", "virtioa.qcow2", "cisco_vios", 1, 512,
                    new InterfaceNaming("GigabitEthernet0/{n}", 0, 16), List.of()));

    static final ImageCatalogView CATALOG = ImageCatalogView.of(IMAGES);
    static final ImageLookup LOOKUP = ImageLookup.of(IMAGES.stream().collect(Collectors.toMap(
            CatalogImage::name, image -> new ImageProfile(image.name(), image.interfaces()))));

    /** Two IOSv routers, a VPCS and a Docker host on a switch with two VLANs, a hub, a NAT and a cloud. */
    public static final String PROJECT = """
            {
              "name": "OSPF lab",
              "revision": 9,
              "type": "topology",
              "version": "2.2.44",
              "topology": {
                "computes": [],
                "drawings": [{"drawing_id": "d1", "svg": "<svg/>", "x": 0, "y": 0}],
                "nodes": [
                  {"node_id": "r1", "name": "R1", "node_type": "qemu", "x": -100, "y": 20.5,
                   "port_name_format": "Gi0/{0}", "port_segment_size": 0, "first_port_name": null,
                   "properties": {"hda_disk_image": "vios-adventerprisek9-m.vmdk.SPA.157-3.M3", "adapters": 4}},
                  {"node_id": "r2", "name": "r2", "node_type": "iou", "x": 100, "y": 20,
                   "properties": {"path": "i86bi-linux-l3-adventerprisek9-15.4.2T.bin"}},
                  {"node_id": "pc", "name": "PC1", "node_type": "vpcs", "x": 0, "y": 200, "properties": {}},
                  {"node_id": "web", "name": "web", "node_type": "docker", "x": 50, "y": 200,
                   "properties": {"image": "alpine:3", "adapters": 1}},
                  {"node_id": "sw", "name": "SW1", "node_type": "ethernet_switch", "x": 0, "y": 100,
                   "properties": {"ports_mapping": [
                     {"name": "Ethernet0", "port_number": 0, "type": "access", "vlan": 1},
                     {"name": "Ethernet1", "port_number": 1, "type": "access", "vlan": 10},
                     {"name": "Ethernet2", "port_number": 2, "type": "access", "vlan": 1},
                     {"name": "Ethernet3", "port_number": 3, "type": "dot1q", "vlan": 10}]}},
                  {"node_id": "hub", "name": "hub1", "node_type": "ethernet_hub", "x": 0, "y": 300},
                  {"node_id": "nat", "name": "NAT1", "node_type": "nat", "x": 0, "y": -200},
                  {"node_id": "cloud", "name": "Cloud1", "node_type": "cloud", "x": 0, "y": -300}
                ],
                "links": [
                  {"link_id": "l0", "nodes": [
                    {"node_id": "r1", "adapter_number": 1, "port_number": 0, "label": {"text": "Gi0/1"}},
                    {"node_id": "r2", "adapter_number": 0, "port_number": 1, "label": {"text": "e0/1"}}]},
                  {"link_id": "l1", "nodes": [
                    {"node_id": "r1", "adapter_number": 2, "port_number": 0},
                    {"node_id": "sw", "adapter_number": 0, "port_number": 0}]},
                  {"link_id": "l2", "nodes": [
                    {"node_id": "sw", "adapter_number": 0, "port_number": 1},
                    {"node_id": "pc", "adapter_number": 0, "port_number": 0, "label": {"text": "e0"}}]},
                  {"link_id": "l3", "nodes": [
                    {"node_id": "r2", "adapter_number": 0, "port_number": 2},
                    {"node_id": "sw", "adapter_number": 0, "port_number": 2}]},
                  {"link_id": "l4", "nodes": [
                    {"node_id": "web", "adapter_number": 0, "port_number": 0, "label": {"text": "eth0"}},
                    {"node_id": "sw", "adapter_number": 0, "port_number": 3}]},
                  {"link_id": "l5", "nodes": [
                    {"node_id": "r1", "adapter_number": 0, "port_number": 0},
                    {"node_id": "nat", "adapter_number": 0, "port_number": 0}]},
                  {"link_id": "l6", "nodes": [
                    {"node_id": "hub", "adapter_number": 0, "port_number": 0},
                    {"node_id": "sw", "adapter_number": 0, "port_number": 4}]}
                ]
              }
            }
            """;

    private static ContainerlabImport read(String json) {
        return new Gns3Importer().read(json.getBytes(StandardCharsets.UTF_8), CATALOG);
    }

    @Test
    void mapsDevicesSwitchesPortsNamesAndPositions() {
        ContainerlabImport imported = read(PROJECT);

        assertThat(imported.name()).isEqualTo("ospf-lab");
        List<Node> nodes = imported.topology().nodes();
        assertThat(nodes).extracting(Node::name).containsExactly("r1", "r2", "pc1", "web");
        assertThat(nodes).extracting(Node::image).containsExactly("vios", "iol", "alpine", "alpine");
        assertThat(nodes).extracting(Node::displayName).containsExactly("R1", null, "PC1", null);
        assertThat(nodes.get(0).position()).isEqualTo(new Position(-100, 20.5));
        // IOSv's Gi0/n are no GigabitEthernet0/n: mapped by adapter; IOU's e0/1 likewise, in slot/port order
        assertThat(imported.topology().links()).containsExactly(new Link(new Endpoint("r1", "GigabitEthernet0/1"),
                new Endpoint("r2", "Ethernet0/0"), null));
        assertThat(imported.topology().segments()).containsExactly(
                new Segment("sw1-vlan-1", List.of(new Endpoint("r1", "GigabitEthernet0/2"),
                        new Endpoint("r2", "Ethernet0/1")), null, "SW1 VLAN 1"),
                new Segment("sw1-vlan-10", List.of(new Endpoint("pc1", "eth0"), new Endpoint("web", "eth0")), null,
                        "SW1 VLAN 10"),
                new Segment("hub1", List.of(), null, null));
        assertThat(imported.warnings()).extracting(ImportWarning::pointer).containsExactlyInAnyOrder(
                "/name", "/topology/drawings", "/topology/nodes/6/node_type", "/topology/nodes/7/node_type",
                "/topology/nodes/0/name", "/topology/nodes/0", "/topology/nodes/1", "/topology/nodes/2/name",
                "/topology/nodes/2", "/topology/nodes/2/node_type",
                "/topology/nodes/4/name", "/topology/nodes/4/properties/ports_mapping/3/type",
                "/topology/nodes/4/properties/ports_mapping", "/topology/links/6");
        assertThat(imported.warnings()).filteredOn(w -> w.pointer().equals("/topology/nodes/6/node_type"))
                .singleElement().satisfies(w -> assertThat(w.message()).contains("NAT1").contains("left out"));
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP)).isEmpty();
    }

    @Test
    void validationProblemsPointIntoTheJson() {
        String unknown = PROJECT.replace("i86bi-linux-l3-adventerprisek9-15.4.2T.bin", "junos-vmx.qcow2")
                .replace("\"node_type\": \"iou\"", "\"node_type\": \"qemu\"").replace("\"path\"", "\"hda_disk_image\"");
        ContainerlabImport imported = read(unknown);

        List<Violation> violations = new TopologyValidator(TopologyLimits.defaults())
                .validate(imported.topology(), LOOKUP);
        assertThat(violations).filteredOn(v -> v.rule().equals("image-known")).singleElement()
                .satisfies(v -> assertThat(imported.pointers().toYaml(v.pointer()))
                        .isEqualTo("/topology/nodes/1/properties/hda_disk_image"));
        // a port used twice points at the second link's end
        String twice = PROJECT.replace("{\"node_id\": \"r1\", \"adapter_number\": 0,", "{\"node_id\": \"r1\", "
                + "\"adapter_number\": 1,").replace("\"node_id\": \"nat\", \"adapter_number\"", "\"node_id\": \"web\", "
                + "\"adapter_number\"");
        ContainerlabImport doubled = read(twice);
        List<Violation> found = new TopologyValidator(TopologyLimits.defaults()).validate(doubled.topology(), LOOKUP);
        assertThat(found).isNotEmpty().allSatisfy(v -> assertThat(doubled.pointers().toYaml(v.pointer()))
                .startsWith("/topology/links/"));
    }

    @Test
    void unreadableFilesPointAtTheField() {
        assertPointer(PROJECT.replace("\"node_id\": \"pc\", \"adapter_number\": 0", "\"node_id\": \"px\", "
                + "\"adapter_number\": 0"), "/topology/links/2/nodes/1/node_id");
        assertPointer(PROJECT.replace("\"name\": \"r2\"", "\"name\": \"web\""), "/topology/nodes/3/name");
        assertPointer(PROJECT.replace("\"revision\": 9", "\"revision\": 4"), "/revision");
        assertPointer(PROJECT.replace("\"x\": -100", "\"x\": \"left\""), "/topology/nodes/0/x");
        assertPointer(PROJECT.replace("\"adapter_number\": 1, \"port_number\": 0, \"label\"",
                "\"adapter_number\": -1, \"port_number\": 0, \"label\""), "/topology/links/0/nodes/0/adapter_number");
        assertPointer(PROJECT.replace("\"node_type\": \"vpcs\", ", ""), "/topology/nodes/2/node_type");
        assertPointer("{\"name\": \"x\"}", "/topology");
        assertPointer("[1, 2]", "");
        assertPointer("{\"a\": 1} {", "");
        assertPointer(PROJECT.replace("\"type\": \"topology\"", "\"type\": \"appliance\""), "/type");
    }

    @Test
    void aPortableProjectIsReadWithItsStartupConfigurations() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("project.gns3"));
            out.write(PROJECT.getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("project-files/iou/r2/startup-config.cfg"));
            out.write("hostname r2\n".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("images/QEMU/vios.qcow2"));
            out.write(new byte[4096]);
        }
        ContainerlabImport imported = new Gns3Importer().read(zip.toByteArray(), CATALOG);

        assertThat(imported.topology().nodes()).extracting(Node::startupConfig)
                .containsExactly(null, "hostname r2\n", null, null);
        ContainerlabImport json = read(PROJECT);
        assertThat(imported.topology().links()).isEqualTo(json.topology().links());
        assertThat(imported.topology().segments()).isEqualTo(json.topology().segments());

        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(empty)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write('x');
        }
        assertThatThrownBy(() -> new Gns3Importer().read(empty.toByteArray(), CATALOG))
                .isInstanceOfSatisfying(ContainerlabFormatException.class,
                        e -> assertThat(e.getMessage()).contains("no .gns3 project file"));
    }

    /** The real projects of src/test/resources/gns3 (README.md there names each source, commit and licence). */
    public static final List<String> REAL_FILES = List.of("cismembrane-ansible-bgp.gns3", "synloop-fat-tree-frr.gns3",
            "packetscaper-ccie-rs.gns3", "cismembrane-eigrp-delay.gns3", "cismembrane-ansible-lab.gns3",
            "cismembrane-bgp-grafana.gns3", "cismembrane-glbp-basic.gns3");

    static byte[] realFile(String name) throws IOException {
        return Files.readAllBytes(Path.of("src/test/resources/gns3", name));
    }

    /** Each real project imports with no refusal GNS3 would not make, and every warning points into it. */
    @ParameterizedTest
    @FieldSource("REAL_FILES")
    void everyRealProjectImportsWithNoRefusal(String file) throws IOException {
        ContainerlabImport imported = new Gns3Importer().read(realFile(file), CATALOG);

        assertThat(imported.topology().nodes()).isNotEmpty();
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP))
                .as("%s", file).isEmpty();
        assertThat(imported.warnings()).allSatisfy(w -> assertThat(w.pointer()).startsWith("/"));
    }

    /**
     * github.com/cismembrane/gns3-labs {@code eigrp-delay-manipulation/eigrp-delay-manipulation.gns3} at commit
     * 4b4591d29e958de266ec8bb27070c2ab011726e4 (MIT): five Dynamips c3660 routers with a Leopard-2FE and two NM-1FE-TX
     * modules, ports shown as {@code f0/0} and {@code f1/0}, saved by GNS3 2.2.54.
     */
    @Test
    void dynamipsC3660RoutersWithNetworkModulesFromARealProject() throws IOException {
        ContainerlabImport imported = new Gns3Importer().read(realFile("cismembrane-eigrp-delay.gns3"), CATALOG);

        assertThat(imported.topology().nodes()).extracting(Node::name).containsExactly("r1", "r2", "r3", "r4", "r5");
        assertThat(imported.topology().nodes()).extracting(Node::image).containsOnly("vios");
        assertThat(imported.topology().links()).hasSize(8);
        // f0/0, f0/1 and f1/0 are three data ports of IOSv, in slot order
        assertThat(imported.topology().links().getFirst()).isEqualTo(new Link(
                new Endpoint("r1", "GigabitEthernet0/0"), new Endpoint("r2", "GigabitEthernet0/0"), null));
        assertThat(imported.topology().links().get(2).a()).isEqualTo(new Endpoint("r1", "GigabitEthernet0/2"));
    }

    /**
     * github.com/cismembrane/gns3-labs {@code bgp-grafana-monitoring/gns3/bgp-grafana.gns3} at commit
     * 4b4591d29e958de266ec8bb27070c2ab011726e4 (MIT): four QEMU IOSv routers whose disk is CML's
     * {@code virtioa.qcow2}, an Ethernet switch and a cloud; the catalog holds that disk, so it runs them.
     */
    @Test
    void qemuRoutersOnADiskTheCatalogHoldsFromARealProject() throws IOException {
        ContainerlabImport imported = new Gns3Importer().read(realFile("cismembrane-bgp-grafana.gns3"), CATALOG);

        assertThat(imported.topology().nodes()).extracting(Node::image).containsOnly("vios-cml");
        assertThat(imported.topology().nodes().getFirst().origin()).isEqualTo(NodeOrigin.gns3("qemu",
                "virtioa.qcow2"));
        assertThat(imported.warnings()).extracting(ImportWarning::message)
                .anySatisfy(m -> assertThat(m).startsWith("1 cloud node(s) (Cloud1)"));
    }

    /**
     * github.com/cismembrane/gns3-labs {@code ansible-bgp/ansible-bgp.gns3} at commit
     * 4b4591d29e958de266ec8bb27070c2ab011726e4 (MIT): four Dynamips c7200 routers with PA-2FE-TX slots, four VPCS,
     * an Ethernet switch and a cloud, saved by GNS3 2.2.57.
     */
    @Test
    void dynamipsRoutersVpcsASwitchAndACloudFromARealProject() throws IOException {
        ContainerlabImport imported = new Gns3Importer().read(realFile("cismembrane-ansible-bgp.gns3"), CATALOG);

        assertThat(imported.name()).isEqualTo("ansible-bgp");
        assertThat(imported.topology().nodes()).extracting(Node::name)
                .containsExactly("r1", "r2", "r3", "r4", "pc1", "pc2", "pc3", "pc4");
        assertThat(imported.topology().nodes()).extracting(Node::image)
                .containsExactly("vios", "vios", "vios", "vios", "alpine", "alpine", "alpine", "alpine");
        assertThat(imported.topology().nodes().getFirst().origin())
                .isEqualTo(NodeOrigin.gns3("dynamips", "c7200-adventerprisek9-mz.153-3.XB12.image"));
        assertThat(imported.topology().links()).hasSize(7).first()
                .isEqualTo(new Link(new Endpoint("r1", "GigabitEthernet0/0"), new Endpoint("r2", "GigabitEthernet0/0"),
                        null));
        assertThat(imported.topology().segments()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("switch1");
            assertThat(s.endpoints()).hasSize(4);
        });
        // the Dynamips routers and the VPCS run catalog images in their place: said once each, with what became what
        assertThat(imported.warnings()).filteredOn(w -> w.pointer().equals("/topology/nodes/0/node_type"))
                .singleElement().satisfies(w -> assertThat(w.message()).startsWith("4 Dynamips router(s)")
                        .contains("R1, R2, R3, R4").contains("c7200-adventerprisek9-mz.153-3.XB12.image")
                        .contains("catalog image 'vios'"));
        assertThat(imported.warnings()).filteredOn(w -> w.pointer().equals("/topology/nodes/4/node_type"))
                .singleElement().satisfies(w -> assertThat(w.message()).startsWith("4 VPCS node(s)")
                        .contains("catalog image 'alpine'"));
        assertThat(imported.warnings()).filteredOn(w -> w.pointer().equals("/topology/nodes/9/node_type"))
                .singleElement().satisfies(w -> assertThat(w.message()).startsWith("1 cloud node(s) (Cloud1)"));
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP)).isEmpty();
    }

    /**
     * github.com/synloop/gns3-fat-tree-ospf-frr {@code gns3/project.gns3} at commit
     * ddba50cb199d44daa1efe54be5f5e0bb0f2ba215 (MIT): a k=4 fat tree of 20 QEMU FRR routers on a Debian disk and four
     * QEMU hosts, {@code eth{0}} ports, saved by GNS3 2.2.45.
     */
    @Test
    void aQemuFatTreeFromARealProject() throws IOException {
        ContainerlabImport imported = new Gns3Importer().read(realFile("synloop-fat-tree-frr.gns3"), CATALOG);

        assertThat(imported.name()).isEqualTo("fat-tree-frr-ospf-pod-4-1");
        List<Node> nodes = imported.topology().nodes();
        assertThat(nodes).hasSize(24).allSatisfy(n -> assertThat(n.position()).isNotNull());
        // the routers' disk is registered in the catalog; the hosts' Debian disk is not, so a Linux image stands in
        assertThat(nodes).filteredOn(n -> n.image().equals("frr")).hasSize(20);
        assertThat(nodes).filteredOn(n -> n.image().equals("alpine")).extracting(Node::name)
                .containsExactly("h1", "h2", "h3", "h4");
        assertThat(imported.topology().links()).hasSize(36)
                .contains(new Link(new Endpoint("r4", "eth3"), new Endpoint("p4-r4", "eth3"), null));
        assertThat(imported.warnings()).extracting(ImportWarning::message)
                .noneMatch(m -> m.contains("left out") || m.contains("instead"));
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP)).isEmpty();
    }

    /**
     * github.com/packetscaper/CCIE-RS-Lab {@code topology.gns3} at commit 40710a1d66a9f617488ffb3deedfa530989c2f98
     * (MIT): ten IOU L3 routers around an IOU L2 switch with {@code Ethernet{segment0}/{port0}} ports, saved by GNS3
     * 2.1.21 (file revision 8).
     */
    @Test
    void iouRoutersAroundAnIouSwitchFromARealGns3_21Project() throws IOException {
        ContainerlabImport imported = new Gns3Importer().read(realFile("packetscaper-ccie-rs.gns3"), CATALOG);

        assertThat(imported.name()).isEqualTo("Route-Switch");
        assertThat(imported.topology().nodes()).hasSize(11).extracting(Node::image).containsOnly("iol");
        assertThat(imported.topology().nodes().getLast().origin())
                .isEqualTo(NodeOrigin.gns3("iou", "i86bi-linux-l2-adventerprisek9-15.2d.bin"));
        assertThat(imported.topology().links()).hasSize(10).first()
                .isEqualTo(new Link(new Endpoint("r2", "Ethernet0/0"), new Endpoint("l2", "Ethernet0/1"), null));
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP)).isEmpty();
    }

    /** A field GNS3 always writes, missing: the refusal names the node or link that lacks it and what it is for. */
    @Test
    void aMissingFieldIsNamedWithTheNodeOrLinkThatLacksIt() {
        assertRefusal("{\"name\": \"x\"}", "/topology", "the field 'topology' is required");
        assertRefusal(PROJECT.replace("\"node_type\": \"vpcs\", ", ""), "/topology/nodes/2/node_type",
                "node 2 ('PC1') has no 'node_type' (it says what the node is");
        assertRefusal(PROJECT.replace("{\"node_id\": \"r2\", \"name\": \"r2\",", "{\"name\": \"r2\","),
                "/topology/nodes/1/node_id", "node 1 ('r2') has no 'node_id' (links name nodes by it)");
        assertRefusal(PROJECT.replace("\"name\": \"web\", ", ""), "/topology/nodes/3/name",
                "node 3 (id 'web') has no 'name'");
        assertRefusal(PROJECT.replace("{\"node_id\": \"sw\", \"adapter_number\": 0, \"port_number\": 1}",
                "{\"adapter_number\": 0, \"port_number\": 1}"), "/topology/links/2/nodes/0/node_id",
                "link 2 ('l2'), first end, has no 'node_id' (the node the link reaches)");
    }

    private static void assertRefusal(String json, String pointer, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(ContainerlabFormatException.class, e -> {
            assertThat(e.pointer()).isEqualTo(pointer);
            assertThat(e.getMessage()).startsWith(message);
        });
    }

    private static void assertPointer(String json, String pointer) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(ContainerlabFormatException.class,
                e -> assertThat(e.pointer()).as(e.getMessage()).isEqualTo(pointer));
    }
}
