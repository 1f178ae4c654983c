package dev.labforge.containerlab;

import dev.labforge.topology.Topology;
import dev.labforge.topology.TopologyLimits;
import dev.labforge.topology.TopologyValidator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the input, the importer answers with an import or a {@link ContainerlabFormatException}, never another
 * exception; and any topology the exporter writes reads back unchanged. Each case is generated from its seed, so a
 * failing seed replays exactly; the counts keep the class to a few seconds.
 */
class ContainerlabFuzzTest {

    private static final ContainerlabImporter IMPORTER = new ContainerlabImporter();
    private static final ContainerlabExporter EXPORTER = new ContainerlabExporter();
    private static final Set<String> CATALOG_NAMES = TestCatalog.byName().keySet();

    private static final int INPUTS = 300;
    private static final int TOPOLOGIES = 100;

    @Test
    void arbitraryTextIsReadOrRefused() {
        forEachSeed(INPUTS, seed -> readOrRefused(RandomText.arbitrary(new Random(seed))));
    }

    @Test
    void yamlLikeNoiseIsReadOrRefused() {
        forEachSeed(INPUTS, seed -> readOrRefused(RandomText.yamlNoise(new Random(seed))));
    }

    @Test
    void mutatedRealFilesAreReadOrRefused() {
        forEachSeed(INPUTS, seed -> readOrRefused(RandomText.mutatedFixture(new Random(seed))));
    }

    @Test
    void exportedTopologiesReadBackUnchanged() {
        forEachSeed(TOPOLOGIES, ContainerlabFuzzTest::exportReadsBack);
    }

    /** Runs a property for seeds 0, 1, ... and names the first seed it fails for, so that it replays exactly. */
    private static void forEachSeed(int seeds, LongConsumer property) {
        for (long seed = 0; seed < seeds; seed++) {
            try {
                property.accept(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("fails for seed " + seed + ": " + e, e);
            }
        }
    }

    private static void exportReadsBack(long seed) {
        Topology topology = RandomTopologies.topology(new Random(seed), List.copyOf(CATALOG_NAMES));

        String yaml = EXPORTER.write("fuzz", topology, TestCatalog.VIEW);
        ContainerlabImport imported = IMPORTER.read(yaml, TestCatalog.VIEW);

        if (topology.nodes().stream().allMatch(node -> NodeNames.valid(node.name()))
                && topology.segments().stream().allMatch(segment -> NodeNames.valid(segment.name()))) {
            assertThat(imported.topology()).as(yaml).isEqualTo(topology);
            assertThat(imported.warnings()).as(yaml).isEmpty();
        } else { // names Kubernetes cannot take come back as display names of valid ones, with a warning each
            assertThat(imported.topology().nodes()).extracting(dev.labforge.topology.Node::shownName).as(yaml)
                    .containsExactlyElementsOf(topology.nodes().stream().map(dev.labforge.topology.Node::name).toList());
            assertThat(imported.topology().nodes()).allSatisfy(n -> assertThat(NodeNames.valid(n.name())).isTrue());
            // bridges likewise: the segment's name is a label, the file's name its display name
            assertThat(imported.topology().segments()).extracting(dev.labforge.topology.Segment::shownName).as(yaml)
                    .containsExactlyElementsOf(topology.segments().stream().map(s -> s.name()).toList());
            assertThat(imported.topology().segments())
                    .allSatisfy(s -> assertThat(NodeNames.valid(s.name())).isTrue());
            assertThat(imported.warnings()).as(yaml).allSatisfy(w -> assertThat(w.message())
                    .contains("is no DNS-1123 label"));
        }
        assertThat(EXPORTER.write("fuzz", imported.topology(), TestCatalog.VIEW)).isEqualTo(yaml);
        assertThat(ClabSchema.violations(yaml)).as(yaml).isEmpty();
    }

    private static void readOrRefused(String text) {
        ContainerlabImport imported;
        try {
            imported = IMPORTER.read(text, TestCatalog.VIEW);
        } catch (ContainerlabFormatException e) {
            assertThat(e.pointer()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        // whatever was read can be validated, pointed into and written out again
        new TopologyValidator(TopologyLimits.defaults()).validate(imported.topology(), TestCatalog.LOOKUP)
                .forEach(violation -> assertThat(imported.pointers().toYaml(violation.pointer())).isNotNull());
        String exported = EXPORTER.write(imported.name(), imported.topology(), TestCatalog.VIEW);
        if (imported.topology().nodes().stream().allMatch(node -> CATALOG_NAMES.contains(node.image()))) {
            assertThat(IMPORTER.read(exported, TestCatalog.VIEW).topology()).as(exported)
                    .isEqualTo(imported.topology());
        }
    }
}
