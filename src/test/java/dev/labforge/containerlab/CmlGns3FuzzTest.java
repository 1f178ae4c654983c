package dev.labforge.containerlab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.containerlab.cml.CmlExporter;
import dev.labforge.containerlab.cml.CmlImportTest;
import dev.labforge.containerlab.cml.CmlImporter;
import dev.labforge.containerlab.cml.CmlRealFilesTest;
import dev.labforge.containerlab.gns3.Gns3ExportTest;
import dev.labforge.containerlab.gns3.Gns3Exporter;
import dev.labforge.containerlab.gns3.Gns3ImportTest;
import dev.labforge.containerlab.gns3.Gns3Importer;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Position;
import dev.labforge.topology.Segment;
import dev.labforge.topology.Topology;
import dev.labforge.topology.TopologyLimits;
import dev.labforge.topology.TopologyValidator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CML and GNS3 importers, like {@link ContainerlabFuzzTest} for containerlab: whatever the input (random text,
 * damaged real files, real files with one value replaced), each answers with an import or a
 * {@link ContainerlabFormatException} that carries a pointer, never another exception; whatever it imports can be
 * validated and pointed into; and any lab the CML or GNS3 exporter writes reads back unchanged. Seeded, so a failing
 * seed replays exactly.
 */
class CmlGns3FuzzTest {

    private static final int INPUTS = 300;
    private static final int TOPOLOGIES = 150;
    // each damages a CML file of up to 127 kB and a GNS3 file of up to 70 kB: fewer cases keep the class to seconds
    private static final int DAMAGED = 150;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final CmlImporter CML = new CmlImporter();
    private static final CmlExporter CML_OUT = new CmlExporter();
    private static final Gns3Importer GNS3 = new Gns3Importer();
    private static final Gns3Exporter GNS3_OUT = new Gns3Exporter();
    private static final List<String> CML_FILES = CmlRealFilesTest.FILES.stream()
            .map(f -> read("src/test/resources/cml/" + f)).toList();
    private static final List<String> GNS3_FILES = java.util.stream.Stream.concat(
            Gns3ImportTest.REAL_FILES.stream().map(f -> read("src/test/resources/gns3/" + f)),
            java.util.stream.Stream.of(Gns3ImportTest.PROJECT)).toList();
    private static final List<Object> VALUES = List.of("", "x", "Gi0/{0}", "{1}", -1, 0, 1, 4095, 4096,
            Integer.MAX_VALUE, Long.MAX_VALUE, 1.5, -0.0, 1e308, true, "ethernet_switch", "nat", "qemu", "dot1q",
            "topology", "i86bi", "vios", "alpine:3");

    @Test
    void arbitraryTextIsReadOrRefused() {
        forEachSeed(INPUTS, seed -> {
            String text = RandomText.arbitrary(new Random(seed));
            cml(text);
            gns3(text.getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void damagedRealFilesAreReadOrRefused() {
        forEachSeed(DAMAGED, seed -> {
            Random random = new Random(seed);
            String cml = RandomText.pick(random, CML_FILES);
            String gns3 = RandomText.pick(random, GNS3_FILES);
            for (int edits = 1 + random.nextInt(4); edits > 0; edits--) {
                cml = RandomText.mutate(cml, random);
                gns3 = RandomText.mutate(gns3, random);
            }
            cml(cml);
            gns3(gns3.getBytes(StandardCharsets.UTF_8));
        });
    }

    /** JSON that still parses, with a value replaced, removed or repeated somewhere: the importer's own checks. */
    @Test
    void gns3ProjectsWithOneValueChangedAreReadOrRefused() {
        forEachSeed(INPUTS, seed -> {
            Random random = new Random(seed);
            JsonNode project = JSON.readTree(RandomText.pick(random, GNS3_FILES));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                mutate(project, random);
            }
            byte[] json = JSON.writeValueAsBytes(project);
            gns3(random.nextInt(5) == 0 ? zip(json) : json);
        });
    }

    @Test
    void exportedCmlLabsReadBackUnchanged() {
        forEachSeed(TOPOLOGIES, seed -> {
            Topology lab = topology(new Random(seed));
            String yaml = CML_OUT.write("fuzz", null, lab, CmlImportTest.CATALOG);
            ContainerlabImport back = CML.read(yaml, CmlImportTest.CATALOG);
            assertThat(back.topology()).as(yaml).isEqualTo(lab);
            assertThat(back.warnings()).as(yaml).isEmpty();
        });
    }

    /** Labs made in LabForge, written as GNS3 projects: valid for GNS3, and the same lab when read back. */
    @Test
    void exportedGns3LabsReadBackUnchanged() {
        forEachSeed(TOPOLOGIES, seed -> {
            Topology lab = topology(new Random(seed));
            String json = GNS3_OUT.write(Gns3ExportTest.PROJECT_ID, "fuzz", lab, CmlImportTest.CATALOG);
            ContainerlabImport back = GNS3.read(json.getBytes(StandardCharsets.UTF_8), CmlImportTest.CATALOG);
            assertThat(Gns3ExportTest.withoutOrigins(back.topology())).as(json).isEqualTo(wholePositions(lab));
            assertThat(back.warnings()).as(json).isEmpty();
            assertThat(Gns3ExportTest.valid(json)).as(json).isEmpty();
        });
    }

    private static void cml(String text) {
        ContainerlabImport imported;
        try {
            imported = CML.read(text, CmlImportTest.CATALOG);
        } catch (ContainerlabFormatException e) {
            assertRefusal(e);
            return;
        }
        readable(imported);
    }

    private static void gns3(byte[] file) {
        ContainerlabImport imported;
        try {
            imported = GNS3.read(file, CmlImportTest.CATALOG);
        } catch (ContainerlabFormatException e) {
            assertRefusal(e);
            return;
        }
        readable(imported);
        if (new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), CmlImportTest.LOOKUP)
                .isEmpty()) {
            String json = GNS3_OUT.write(Gns3ExportTest.PROJECT_ID, imported.name(), imported.topology(),
                    CmlImportTest.CATALOG);
            assertThat(Gns3ExportTest.valid(json)).as(json).isEmpty();
            ContainerlabImport back = GNS3.read(json.getBytes(StandardCharsets.UTF_8), CmlImportTest.CATALOG);
            assertThat(Gns3ExportTest.withoutOrigins(back.topology())).as(json)
                    .isEqualTo(Gns3ExportTest.withoutOrigins(wholePositions(imported.topology())));
        }
    }

    /**
     * What a GNS3 export of the lab reads back as: whole coordinates, which GNS3 keeps; no startup configurations,
     * which a project keeps beside the .gns3 file; no cores and memory, which are written for GNS3, not read back.
     */
    private static Topology wholePositions(Topology lab) {
        return new Topology(lab.nodes().stream().map(n -> new Node(n.name(), n.image(), null, null, null, n.labels(),
                n.position() == null ? null : new Position(Math.round(n.position().x()), Math.round(n.position().y())),
                n.displayName(), n.origin())).toList(), lab.links(), lab.segments());
    }

    private static void assertRefusal(ContainerlabFormatException e) {
        assertThat(e.pointer()).as(e.getMessage()).isNotNull().matches("(/[^/]*)*");
        assertThat(e.getMessage()).isNotBlank();
    }

    /** Whatever was read can be validated and pointed into, and a valid lab survives a CML round trip. */
    private static void readable(ContainerlabImport imported) {
        var violations = new TopologyValidator(TopologyLimits.defaults())
                .validate(imported.topology(), CmlImportTest.LOOKUP);
        violations.forEach(v -> assertThat(imported.pointers().toYaml(v.pointer())).isNotNull()
                .matches("(/[^/]*)*"));
        imported.warnings().forEach(w -> assertThat(w.pointer()).isNotNull().matches("(/[^/]*)*"));
        if (violations.isEmpty()) {
            String yaml = CML_OUT.write(imported.name(), null, imported.topology(), CmlImportTest.CATALOG);
            // a GNS3 node's type and image have no place in a CML file
            assertThat(Gns3ExportTest.withoutOrigins(CML.read(yaml, CmlImportTest.CATALOG).topology())).as(yaml)
                    .isEqualTo(Gns3ExportTest.withoutOrigins(imported.topology()));
        }
    }

    private static void mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = RandomText.pick(random, containers);
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> keys = new ArrayList<>(object.propertyNames());
            String key = RandomText.pick(random, keys);
            switch (random.nextInt(4)) {
                case 0 -> object.remove(key);
                case 1 -> object.putNull(key);
                case 2 -> object.set(key, JSON.valueToTree(RandomText.pick(random, VALUES)));
                default -> object.set(key, random.nextBoolean() ? JSON.createArrayNode() : JSON.createObjectNode());
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            int at = random.nextInt(array.size());
            switch (random.nextInt(3)) {
                case 0 -> array.remove(at);
                case 1 -> array.add(array.get(at).deepCopy());
                default -> array.set(at, JSON.valueToTree(RandomText.pick(random, VALUES)));
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isContainer()) {
            out.add(node);
            node.values().forEach(child -> collect(child, out));
        }
    }

    /** Labs on CmlImportTest's catalog: valid names, the images' own port names, links and segments. */
    private static Topology topology(Random random) {
        List<CatalogImage> images = CmlImportTest.IMAGES;
        int count = random.nextInt(6);
        List<Node> nodes = new ArrayList<>();
        Map<String, List<String>> free = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            CatalogImage image = RandomText.pick(random, images);
            String name = "n" + i + (random.nextBoolean() ? "" : "-x" + random.nextInt(100));
            Position position = random.nextBoolean() ? null
                    : new Position(random.nextInt(2001) - 1000, random.nextInt(4) == 0 ? random.nextDouble() * 100
                    : random.nextInt(500));
            String config = random.nextBoolean() ? null : RandomText.pick(random, List.of("hostname x", "a\n b\n",
                    "  lead\n", "x\n\n", "é ✓ #: |"));
            Integer cpu = random.nextInt(3) == 0 ? 1 + random.nextInt(4) : null;
            Integer memory = random.nextInt(3) == 0 ? 256 * (1 + random.nextInt(8)) : null;
            nodes.add(new Node(name, image.name(), cpu, memory, config, Map.of(), position));
            List<String> ports = new ArrayList<>();
            for (int p = 0; p < image.interfaces().maxPorts(); p++) {
                ports.add(image.interfaces().dataPort(p));
            }
            java.util.Collections.shuffle(ports, random);
            free.put(name, ports);
        }
        List<Link> links = new ArrayList<>();
        List<Segment> segments = new ArrayList<>();
        if (nodes.size() >= 2) {
            for (int i = random.nextInt(5); i > 0; i--) {
                links.add(new Link(take(random, nodes, free), take(random, nodes, free), null));
            }
            Set<Endpoint> members = new LinkedHashSet<>();
            for (int s = random.nextInt(3); s > 0; s--) {
                members.clear();
                for (int m = random.nextInt(4); m > 0; m--) {
                    members.add(take(random, nodes, free));
                }
                segments.add(new Segment("lan" + s, List.copyOf(members), null));
            }
        }
        return new Topology(nodes, links, segments);
    }

    private static Endpoint take(Random random, List<Node> nodes, Map<String, List<String>> free) {
        String node = RandomText.pick(random, nodes).name();
        return new Endpoint(node, free.get(node).removeFirst());
    }

    private static byte[] zip(byte[] json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("project.gns3"));
            zip.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forEachSeed(int seeds, LongConsumer property) {
        for (long seed = 0; seed < seeds; seed++) {
            try {
                property.accept(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("fails for seed " + seed + ": " + e, e);
            }
        }
    }
}
