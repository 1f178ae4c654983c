package dev.labforge.containerlab.gns3;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.labforge.containerlab.CatalogImage;
import dev.labforge.containerlab.ContainerlabImport;
import dev.labforge.containerlab.ImageCatalogView;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.InterfaceNaming;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.NodeOrigin;
import dev.labforge.topology.Position;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Labs written as GNS3 project files: valid against the schema GNS3 checks a project against when it opens one, and
 * read back by {@link Gns3Importer} to the same lab.
 *
 * <p>The schema is gns3-server's {@code docs/gns3_file.json} (the rendering of {@code TOPOLOGY_SCHEMA} in
 * {@code gns3server/schemas/topology.py}, which {@code gns3server/controller/topology.py} validates every project
 * with on load), copied to src/test/resources/schemas/gns3-topology.schema.json; the switch port schema below is
 * {@code ETHERNET_SWITCH_PORT_SCHEMA} of {@code gns3server/schemas/ethernet_switch.py}, which the compute checks a
 * switch's {@code ports_mapping} with. Both from github.com/GNS3/gns3-server at commit
 * 713dbb7f4513417d62aba740bbeac1e94fdc8ade (2.2.60.dev1, GPL-3.0).
 */
public class Gns3ExportTest {

    public static final UUID PROJECT_ID = UUID.fromString("6f1b3a52-41c9-4d4f-9d38-5cbbf0f6a0e1");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Schema TOPOLOGY = schema();
    private static final Schema SWITCH_PORT = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
            .getSchema(JSON.readTree("""
                    {"type": "object", "properties": {
                      "name": {"type": "string", "minLength": 1},
                      "port_number": {"type": "integer", "minimum": 0},
                      "type": {"enum": ["access", "dot1q", "qinq"]},
                      "vlan": {"type": "integer", "minimum": 1},
                      "ethertype": {"enum": ["", "0x8100", "0x88A8", "0x9100", "0x9200"]}},
                     "required": ["name", "port_number", "type"], "additionalProperties": false}
                    """));

    /** Gns3ImportTest's catalog and a second IOSv image, which an import by kind alone would not pick. */
    static final ImageCatalogView CATALOG;

    static {
        List<CatalogImage> images = new ArrayList<>(Gns3ImportTest.IMAGES);
        images.add(new CatalogImage("vios-2", "registry.labforge.dev/vm/vios:15.6", "cisco_vios", 1, 512,
                new InterfaceNaming("GigabitEthernet0/{n}", 0, 16), List.of()));
        CATALOG = ImageCatalogView.of(images);
    }

    static final List<String> REAL_FILES = Gns3ImportTest.REAL_FILES;

    private final Gns3Exporter exporter = new Gns3Exporter();
    private final Gns3Importer importer = new Gns3Importer();

    @Test
    void aLabReadsBackUnchanged() {
        Topology lab = new Topology(
                List.of(new Node("r1", "vios", null, null, null, Map.of(), new Position(-40, 12), "R1", null),
                        new Node("r2", "vios-2", 2, 1024, null, Map.of(), new Position(100, 0)),
                        new Node("r3", "iol", null, null, null, Map.of(), new Position(0, 0)),
                        new Node("host", "alpine", null, null, null, Map.of(), new Position(0, 200))),
                List.of(new Link(new Endpoint("r1", "GigabitEthernet0/1"), new Endpoint("r2", "GigabitEthernet0/3"),
                                null),
                        new Link(new Endpoint("r2", "GigabitEthernet0/0"), new Endpoint("r3", "Ethernet0/6"), null)),
                List.of(new Segment("lan", List.of(Endpoint.parse("r1:GigabitEthernet0/0"),
                                Endpoint.parse("r3:Ethernet0/0"), Endpoint.parse("host:eth0")), null, "LAN"),
                        new Segment("empty", List.of(), null)));

        String json = exporter.write(PROJECT_ID, "ospf", lab, CATALOG);
        ContainerlabImport back = importer.read(json.getBytes(StandardCharsets.UTF_8), CATALOG);

        assertThat(valid(json)).isEmpty();
        assertThat(back.name()).isEqualTo("ospf");
        assertThat(withoutOrigins(back.topology())).as(json).isEqualTo(withoutCores(lab));
        JsonNode project = JSON.readTree(json);
        assertThat(project.at("/project_id").asString()).isEqualTo(PROJECT_ID.toString());
        assertThat(project.at("/revision").asInt()).isEqualTo(9);
        JsonNode nodes = project.at("/topology/nodes");
        assertThat(nodes.valueStream().map(n -> n.get("name").asString()))
                .containsExactly("R1", "r2", "r3", "host", "LAN", "empty");
        // made in LabForge: QEMU nodes of the catalog image, which names the image on the way back
        assertThat(nodes.get(1).at("/node_type").asString()).isEqualTo("qemu");
        assertThat(nodes.get(1).at("/properties/hda_disk_image").asString()).isEqualTo("vios-2");
        assertThat(nodes.get(1).at("/properties/ram").asInt()).isEqualTo(1024);
        assertThat(nodes.get(1).at("/properties/cpus").asInt()).isEqualTo(2);
        assertThat(nodes.get(1).at("/properties/adapters").asInt()).isEqualTo(4);
        assertThat(nodes.get(1).at("/port_name_format").asString()).isEqualTo("GigabitEthernet0/{0}");
        assertThat(nodes.get(0).at("/x").asInt()).isEqualTo(-40);
        assertThat(nodes.get(4).at("/node_type").asString()).isEqualTo("ethernet_switch");
        // GigabitEthernet0/3 is the fourth data port: adapter 3; the segment's members are switch ports 0, 1, 2
        JsonNode first = project.at("/topology/links/0/nodes");
        assertThat(first.get(1).at("/adapter_number").asInt()).isEqualTo(3);
        assertThat(first.get(1).at("/label/text").asString()).isEqualTo("GigabitEthernet0/3");
        assertThat(project.at("/topology/links/3/nodes/1/port_number").asInt()).isEqualTo(1);
        // the lab's id makes the ids: the same lab exports to the same file
        assertThat(exporter.write(PROJECT_ID, "ospf", lab, CATALOG)).isEqualTo(json);
    }

    @Test
    void importedNodesGoBackAsTheirOwnTypeAndImage() {
        String json = exporter.write(PROJECT_ID, "ospf-lab", read(Gns3ImportTest.PROJECT).topology(), CATALOG);
        JsonNode nodes = JSON.readTree(json).at("/topology/nodes");

        assertThat(valid(json)).isEmpty();
        assertThat(nodes.valueStream().map(n -> n.get("name").asString() + "/" + n.get("node_type").asString()))
                .containsExactly("R1/qemu", "r2/iou", "PC1/vpcs", "web/docker", "SW1/ethernet_switch",
                        "hub1/ethernet_switch");
        assertThat(nodes.get(0).at("/properties/hda_disk_image").asString())
                .isEqualTo("vios-adventerprisek9-m.vmdk.SPA.157-3.M3");
        assertThat(nodes.get(1).at("/properties/path").asString())
                .isEqualTo("i86bi-linux-l3-adventerprisek9-15.4.2T.bin");
        assertThat(nodes.get(3).at("/properties/image").asString()).isEqualTo("alpine:3");
        // IOU numbers ports in slots of four: Ethernet0/1 (the switch's second member) is adapter 0, port 1
        JsonNode link = JSON.readTree(json).at("/topology/links/2/nodes/0");
        assertThat(link.at("/label/text").asString()).isEqualTo("Ethernet0/1");
        assertThat(link.at("/port_number").asInt()).isEqualTo(1);
        // the import split SW1 by VLAN; the export is that one switch again, its ports in VLANs 1 and 10
        JsonNode ports = nodes.get(4).at("/properties/ports_mapping");
        assertThat(ports.valueStream().limit(4).map(p -> p.get("vlan").asInt())).containsExactly(1, 1, 10, 10);
        assertThat(ports.values()).allSatisfy(port -> assertThat(SWITCH_PORT.validate(port)).isEmpty());
    }

    @Test
    void aDynamipsRouterGoesBackAsTheQemuNodeItBecame() throws IOException {
        ContainerlabImport first = importer.read(Gns3ImportTest.realFile("cismembrane-ansible-bgp.gns3"), CATALOG);
        String json = exporter.write(PROJECT_ID, first.name(), first.topology(), CATALOG);
        JsonNode r1 = JSON.readTree(json).at("/topology/nodes/0");

        assertThat(r1.at("/name").asString()).isEqualTo("R1");
        assertThat(r1.at("/node_type").asString()).isEqualTo("qemu");
        assertThat(r1.at("/properties/hda_disk_image").asString()).isEqualTo("vios");
        assertThat(JSON.readTree(json).at("/topology/nodes/4/node_type").asString()).isEqualTo("vpcs");
    }

    /** The real projects of Gns3ImportTest (sources in src/test/resources/gns3/README.md). */
    @ParameterizedTest
    @FieldSource("REAL_FILES")
    void aRealProjectSurvivesImportExportImport(String file) throws IOException {
        ContainerlabImport first = importer.read(Gns3ImportTest.realFile(file), CATALOG);

        String exported = exporter.write(PROJECT_ID, first.name(), first.topology(), CATALOG);
        ContainerlabImport second = importer.read(exported.getBytes(StandardCharsets.UTF_8), CATALOG);

        assertThat(valid(exported)).isEmpty();
        assertThat(second.name()).isEqualTo(first.name());
        assertThat(second.topology()).as(exported).isEqualTo(dynamipsAsQemu(first.topology()));
        assertThat(exporter.write(PROJECT_ID, second.name(), second.topology(), CATALOG)).isEqualTo(exported);
    }

    /** GNS3's own projects are valid against the schema too: the check is GNS3's, not one made to fit the export. */
    @ParameterizedTest
    @FieldSource("REAL_FILES")
    void theSchemaTakesRealProjectsAndRefusesADamagedOne(String file) throws IOException {
        String real = new String(Gns3ImportTest.realFile(file), StandardCharsets.UTF_8);
        assertThat(valid(real)).isEmpty();
        assertThat(valid(real.replaceFirst("\"node_type\": \"[a-z_]+\"", "\"node_type\": \"router\""))).isNotEmpty();
    }

    public static List<String> valid(String json) {
        return TOPOLOGY.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
    }

    /** An exported Dynamips router is a QEMU node of its catalog image on the way back; nothing else changes. */
    private static Topology dynamipsAsQemu(Topology topology) {
        return new Topology(topology.nodes().stream().map(n -> n.origin() != null
                && n.origin().kind().equals("dynamips") ? withOrigin(n, NodeOrigin.gns3("qemu", n.image())) : n)
                .toList(), topology.links(), topology.segments());
    }

    public static Topology withoutOrigins(Topology topology) {
        return new Topology(topology.nodes().stream().map(n -> withOrigin(n, null)).toList(), topology.links(),
                topology.segments());
    }

    /** Cores and memory are written for GNS3, not read back: GNS3 files carry GNS3's defaults for every node. */
    private static Topology withoutCores(Topology topology) {
        return new Topology(topology.nodes().stream().map(n -> new Node(n.name(), n.image(), null, null,
                n.startupConfig(), n.labels(), n.position(), n.displayName(), n.origin())).toList(), topology.links(),
                topology.segments());
    }

    private static Node withOrigin(Node n, NodeOrigin origin) {
        return new Node(n.name(), n.image(), n.cpu(), n.memoryMib(), n.startupConfig(), n.labels(), n.position(),
                n.displayName(), origin);
    }

    private static ContainerlabImport read(String json) {
        return new Gns3Importer().read(json.getBytes(StandardCharsets.UTF_8), CATALOG);
    }

    private static Schema schema() {
        try (InputStream in = Gns3ExportTest.class.getResourceAsStream("/schemas/gns3-topology.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
