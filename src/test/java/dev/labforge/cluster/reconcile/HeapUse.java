package dev.labforge.cluster.reconcile;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Heap in use once garbage collection has settled, and which classes hold it: the JVM's class histogram, as
 * {@code jcmd GC.class_histogram} prints it (taken in-process, after a full collection), counts the live objects
 * exactly; the memory bean's "used" after repeated collections is the coarser cross-check.
 */
final class HeapUse {

    /** Instances and bytes of one class. */
    record Holding(long instances, long bytes) {
    }

    private HeapUse() {
    }

    /** Used heap after repeated full collections, once two in a row agree within 0.5 %. */
    static long settled() {
        long previous = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            pause(250);
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) < used / 200) {
                return Math.min(previous, used);
            }
            previous = used;
        }
        return previous;
    }

    /** Class name to what its live instances hold (the histogram does a full collection first). */
    static Map<String, Holding> histogram() {
        try {
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            Map<String, Holding> classes = new HashMap<>();
            for (String line : text.split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 4 && f[0].endsWith(":")) {
                    classes.put(f[3], new Holding(Long.parseLong(f[1]), Long.parseLong(f[2])));
                }
            }
            return classes;
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("no class histogram from this JVM", e);
        }
    }

    /** Bytes held by every live object in a histogram: exact, where the heap's "used" also counts free space in
     * partly filled regions. */
    static long total(Map<String, Holding> histogram) {
        return histogram.values().stream().mapToLong(Holding::bytes).sum();
    }

    /** The {@code count} classes that grew most from {@code before} to {@code after}, one line each. */
    static List<String> growth(Map<String, Holding> before, Map<String, Holding> after, int count, long per) {
        List<Map.Entry<String, Long>> grown = new ArrayList<>();
        after.forEach((name, held) -> grown.add(Map.entry(name,
                held.bytes() - before.getOrDefault(name, new Holding(0, 0)).bytes())));
        grown.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        return grown.stream().limit(count).map(e -> {
            Holding a = after.get(e.getKey());
            long instances = a.instances() - before.getOrDefault(e.getKey(), new Holding(0, 0)).instances();
            return "%-60s %,12d bytes %,9d instances  %,7.1f bytes and %5.2f instances per router"
                    .formatted(e.getKey(), e.getValue(), instances, (double) e.getValue() / per,
                            (double) instances / per);
        }).toList();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
