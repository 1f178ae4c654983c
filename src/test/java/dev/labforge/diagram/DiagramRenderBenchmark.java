package dev.labforge.diagram;

import dev.labforge.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long {@code GET /labs/{id}/topology.svg} spends drawing (docs/benchmarks.md): the whole of
 * {@link TopologyDiagram#svg}, layout and markup, for containerlab's own 100-node lab and for generated Clos
 * fabrics of 100 and 500 nodes, after a warm-up in the same JVM. Run with bench/diagram.sh; results in
 * target/diagram-bench/, copied to bench/.
 */
@Tag("benchmark")
class DiagramRenderBenchmark {

    @Test
    void renderTimes() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(DateTimeFormatter.ISO_INSTANT.format(Clock.systemUTC().instant()))
                .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(Runtime.version()).append('\n');
        out.append(String.format("%-36s %6s %6s %6s %9s %9s %9s %9s%n", "lab", "nodes", "links", "runs",
                "min ms", "median ms", "max ms", "svg KiB"));
        measure(out, "large-100 (vscode-containerlab)", RealTopologiesTest.load("large-100.clab.yml"), 5, 20);
        measure(out, "Clos 100 (2/4/14/80)", Labs.clos(2, 4, 14, 80), 5, 20);
        measure(out, "Clos 500 (4/8/48/440)", Labs.clos(4, 8, 48, 440), 2, 5);
        Path dir = Path.of("target", "diagram-bench");
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC)
                .format(Clock.systemUTC().instant());
        Files.writeString(dir.resolve("diagram-render-" + stamp + ".txt"), out);
        System.out.print(out);
    }

    private static void measure(StringBuilder out, String name, Topology lab, int warmUps, int runs) {
        for (int i = 0; i < warmUps; i++) {
            TopologyDiagram.svg(name, lab);
        }
        long[] nanos = new long[runs];
        int size = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            size = TopologyDiagram.svg(name, lab).length();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        out.append(String.format("%-36s %6d %6d %6d %9.0f %9.0f %9.0f %9d%n", name, lab.nodes().size(),
                lab.links().size(), runs, nanos[0] / 1e6, nanos[runs / 2] / 1e6, nanos[runs - 1] / 1e6, size / 1024));
    }
}
