package dev.labforge.cluster.reconcile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The benchmark's results as plain text lines: printed as they come, and written to a file at the end. */
final class StormReport {

    private final List<String> lines = new ArrayList<>();
    private final List<String> misses = new ArrayList<>();

    StormReport() {
        line("# Classroom storm benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        line("# machine: %d cores (%s), %d MiB RAM, %s %s; JVM %s %s, max heap %d MiB".formatted(
                Runtime.getRuntime().availableProcessors(), cpuModel(), totalMemoryMib(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20));
        line("# JVM arguments: " + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    void line(String text) {
        lines.add(text);
        System.out.println(text);
    }

    void section(String title) {
        line("");
        line("## " + title);
    }

    /** Records a target's verdict; a missed one is listed again at the end. */
    void target(String what, boolean met, String detail) {
        line("%-4s %s: %s".formatted(met ? "MET" : "MISS", what, detail));
        if (!met) {
            misses.add(what + ": " + detail);
        }
    }

    List<String> misses() {
        return List.copyOf(misses);
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
            System.out.println("results written to " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String seconds(Duration d) {
        return "%.1f s".formatted(d.toMillis() / 1000.0);
    }

    static String millis(long nanos) {
        return "%.0f ms".formatted(nanos / 1e6);
    }

    /** The q-quantile (0 < q <= 1) of some values, by the nearest-rank method. */
    static long quantile(long[] values, double q) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static long totalMemoryMib() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() >> 20;
        }
        return -1;
    }
}
