package dev.labforge.containerlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.topology.Endpoint;
import dev.labforge.topology.ImageLookup;
import dev.labforge.topology.ImageProfile;
import dev.labforge.topology.InterfaceNaming;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
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

/** GNS3 project files read into LabForge topologies, with pointers into the project's JSON. */
class Gns3ImportTest {

    static final List<CatalogImage> IMAGES = List.of(
            new CatalogImage("vios", "registry.labforge.dev/vm/vios:15.9", "cisco_vios", 1, 512,
                    new InterfaceNaming("GigabitEthernet0/{n}", 0, 16), List.of()),
            new CatalogImage("iol", "registry.labforge.dev/vm/iol:17.12", "cisco_iol", 1, 768,
                    new InterfaceNaming("Ethernet0/{n}", 0, 16), List.of()),
            new CatalogImage("alpine", "alpine:3", "linux", 1, 512, new InterfaceNaming("eth{n}", 0, 16),
                    List.of()),
            // an operator registers the lab's own server disk under a name of their choosing
            new CatalogImage("nsrc-server", "nsrc-nmm-20200614-c595bb42.qcow2", null, 1, 1024,
                    new InterfaceNaming("eth{n}", 0, 8), List.of()));

    static final ImageCatalogView CATALOG = ImageCatalogView.of(IMAGES);
    static final ImageLookup LOOKUP = ImageLookup.of(IMAGES.stream().collect(Collectors.toMap(
            CatalogImage::name, image -> new ImageProfile(image.name(), image.interfaces()))));

    /** Two IOSv routers, a VPCS and a Docker host on a switch with two VLANs, a hub, a NAT and a cloud. */
    static final String PROJECT = """
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
                "/topology/nodes/0/name", "/topology/nodes/0", "/topology/nodes/1", "/topology/nodes/2/name", "/topology/nodes/2",
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

    /**
     * The NSRC Network Monitoring and Management lab, github.com/pokui/nsrc-gns3 {@code nmm/project.gns3} at commit
     * 8364e18d71a89c61cb67d04380d62445b9cd8c2f (no licence file; the repository's docs/index.md: "All parts of the
     * training platform are free and open source"), stored unchanged as src/test/resources/gns3/nsrc-nmm.gns3:
     * IOSv routers, IOSvL2 switches with Gi{1}/{0} ports in segments of four, Ubuntu servers and NAT clouds.
     */
    @Test
    void aRealPublicGns3ProjectImportsWithoutRefusal() throws IOException {
        byte[] file = Files.readAllBytes(Path.of("src/test/resources/gns3/nsrc-nmm.gns3"));
        ContainerlabImport imported = new Gns3Importer().read(file, CATALOG);

        assertThat(imported.name()).isEqualTo("nmm");
        assertThat(imported.topology().nodes()).hasSize(32)
                .extracting(Node::image).containsOnly("vios", "nsrc-server");
        assertThat(imported.topology().nodes()).allSatisfy(n -> assertThat(n.position()).isNotNull());
        assertThat(imported.topology().links()).hasSize(36);
        assertThat(imported.warnings()).extracting(ImportWarning::message)
                .anySatisfy(m -> assertThat(m).startsWith("8 nat node(s)"));
        assertThat(new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), LOOKUP)).isEmpty();
    }

    private static void assertPointer(String json, String pointer) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(ContainerlabFormatException.class,
                e -> assertThat(e.pointer()).as(e.getMessage()).isEqualTo(pointer));
    }
}
