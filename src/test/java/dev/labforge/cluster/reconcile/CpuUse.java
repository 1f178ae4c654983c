package dev.labforge.cluster.reconcile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went between two moments (Linux /proc): this JVM, the service's own PostgreSQL, and
 * everything else. The last share is other people's work on a shared machine; a run where it is large measured
 * two things at once, and says so. The JVM's share is split by thread ({@link #byThreads}), from the kernel's
 * counters: unlike a sampling profiler's counts, a thread waiting for a core costs nothing there.
 */
final class CpuUse {

    /**
     * Thread groups by the start of the kernel's thread name (Java's name, cut to 15 characters). Virtual threads run
     * on the carriers, so the REST API, the reconciler's passes and the benchmark's own clients count together.
     */
    private static final Map<String, String> GROUPS = groups();

    private static Map<String, String> groups() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("vert.x-eventloo", "HTTP I/O of the mock API server and of every fabric8 client (vert.x)");
        groups.put("simulated-virt-", "KubeVirt simulator");
        groups.put("ForkJoinPool-1-", "virtual threads: REST API, reconcile passes, the benchmark's clients");
        groups.put("status-followe", "status follower");
        groups.put("G1 ", "garbage collector");
        groups.put("GC Thread", "garbage collector");
        groups.put("C1 CompilerThre", "JIT compiler");
        groups.put("C2 CompilerThre", "JIT compiler");
        return groups;
    }

    private Map<String, Long> startThreads = Map.of();
    private Map<Long, Process> startPostgres = Map.of();

    /** One PostgreSQL process: its title ({@code ps} shows it) and its ticks; the server's own include its reaped children's. */
    private static final String SERVER = "the server process, and processes that ended meanwhile";

    private record Process(String title, long ticks) {
    }

    /** Clock ticks per second of /proc's counters (USER_HZ): 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    private final String postgresDataDir;
    private long startNanos;
    private long[] start;

    /** @param postgresDataDir the data directory of the service's PostgreSQL, which names its processes */
    CpuUse(String postgresDataDir) {
        this.postgresDataDir = postgresDataDir;
    }

    /** Starts a phase. */
    void mark() {
        startNanos = System.nanoTime();
        start = ticks();
        startThreads = threadTicks();
        startPostgres = postgresProcesses();
    }

    /** This JVM's CPU since {@link #mark()} by thread group, as shares of a core, largest first. */
    String byThreads() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Long> now = threadTicks();
        Map<String, Long> byGroup = new TreeMap<>();
        Map<String, Long> others = new TreeMap<>();
        List<Long> eventLoops = new ArrayList<>();
        now.forEach((thread, ticks) -> {
            String name = thread.substring(thread.indexOf(' ') + 1);
            long used = ticks - startThreads.getOrDefault(thread, 0L);
            String group = group(name);
            if (name.startsWith("vert.x-eventloo")) {
                eventLoops.add(used);
            }
            if (group == null) {
                group = "other threads";
                others.merge(name.replaceAll("\\d+", "N"), used, Long::sum);
            }
            byGroup.merge(group, used, Long::sum);
        });
        StringBuilder out = new StringBuilder("this JVM's CPU by thread, in cores (threads that ended meanwhile are"
                + " not counted):");
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(g -> out.append("%n  %5.2f  %s".formatted(g.getValue() / TICKS / seconds, g.getKey())));
        out.append("\n  the busiest vert.x event loops, each:");
        eventLoops.stream().sorted(java.util.Comparator.reverseOrder()).limit(4)
                .forEach(t -> out.append(" %.2f".formatted(t / TICKS / seconds)));
        out.append("\n  other threads, the largest:");
        others.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                .forEach(o -> out.append(" %s %.2f;".formatted(o.getKey(), o.getValue() / TICKS / seconds)));
        return out.toString();
    }

    /** The group of a thread by its kernel name; null for the others. */
    private static String group(String name) {
        return GROUPS.entrySet().stream().filter(g -> name.startsWith(g.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    /** The share of a core this JVM's JIT compiler threads took since {@link #mark()}. */
    double compiler() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        long used = 0;
        for (Map.Entry<String, Long> thread : threadTicks().entrySet()) {
            String name = thread.getKey().substring(thread.getKey().indexOf(' ') + 1);
            if ("JIT compiler".equals(group(name))) {
                used += thread.getValue() - startThreads.getOrDefault(thread.getKey(), 0L);
            }
        }
        return used / TICKS / seconds;
    }

    /** "tid name" to utime + stime of each of this JVM's threads. */
    private static Map<String, Long> threadTicks() {
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.put(task.getFileName() + " " + name, Long.parseLong(f[11]) + Long.parseLong(f[12]));
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** The phase since {@link #mark()}, as shares of the machine's cores. */
    String since() {
        long[] now = ticks();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double busy = (now[0] - start[0]) / TICKS / seconds;
        double jvm = (now[1] - start[1]) / TICKS / seconds;
        double postgres = (now[2] - start[2]) / TICKS / seconds;
        return "CPU over %s: machine busy %.2f of %d cores; this JVM %.2f, its PostgreSQL %.2f, everything else %.2f"
                .formatted(StormReport.seconds(Duration.ofNanos(System.nanoTime() - startNanos)), busy,
                        Runtime.getRuntime().availableProcessors(), jvm, postgres, Math.max(0, busy - jvm - postgres));
    }

    /**
     * Core-seconds this JVM and its PostgreSQL used since {@link #mark()}: the service's work, and the simulated
     * cluster's (the mock API server and the simulator run in this JVM too).
     */
    double coreSeconds() {
        long[] now = ticks();
        return (now[1] - start[1] + now[2] - start[2]) / TICKS;
    }

    /** Busy ticks of the whole machine, of this JVM, of the PostgreSQL processes. */
    private long[] ticks() {
        long machine = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            for (int i = 1; i < cpu.length; i++) {
                if (i != 4 && i != 5) { // all but idle and iowait
                    machine += Long.parseLong(cpu[i]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0, 0};
        }
        long jvm = processTicks(ProcessHandle.current().pid());
        long postgres = postgresProcesses().values().stream().mapToLong(Process::ticks).sum();
        return new long[] {machine, jvm, postgres};
    }

    /**
     * The service's PostgreSQL since {@link #mark()} by process kind, as shares of a core: the connections (the
     * service's statements), WAL writer, checkpointer, autovacuum and the rest. Processes that ended meanwhile count
     * with the server process, through its reaped-children counters.
     */
    String postgresByProcess() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<Long, Process> now = postgresProcesses();
        Map<String, Long> byKind = new TreeMap<>();
        now.forEach((pid, process) -> {
            Process before = startPostgres.get(pid);
            byKind.merge(kind(process.title()), process.ticks() - (before == null ? 0 : before.ticks()), Long::sum);
        });
        startPostgres.forEach((pid, process) -> {
            if (!now.containsKey(pid)) {
                byKind.merge(SERVER, -process.ticks(), Long::sum);
            }
        });
        StringBuilder out = new StringBuilder("its PostgreSQL's CPU by process, in cores:");
        byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(k -> out.append("%n  %5.2f  %s".formatted(k.getValue() / TICKS / seconds, k.getKey())));
        return out.toString();
    }

    /** A process title's kind: "postgres: user db host(port) state" is a connection; the server names the rest. */
    private String kind(String title) {
        if (title.contains(postgresDataDir)) {
            return SERVER;
        }
        String t = title.replaceFirst("^postgres: ", "").strip();
        if (t.matches(".*\\(\\d+\\).*") || t.contains("[local]")) {
            return "connections (the service's statements)";
        }
        return t.startsWith("autovacuum worker") ? "autovacuum workers" : t;
    }

    /** pid to title and ticks of the server and its children; the server's ticks include its reaped children's. */
    private Map<Long, Process> postgresProcesses() {
        Map<Long, Process> out = new HashMap<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                try {
                    String cmdline = Files.readString(p.resolve("cmdline")).replace('\0', ' ').strip();
                    if (cmdline.contains(postgresDataDir)) {
                        long pid = Long.parseLong(p.getFileName().toString());
                        out.put(pid, new Process(cmdline, processTicks(pid, true)));
                        ProcessHandle.of(pid).ifPresent(h -> h.children().forEach(c -> out.put(c.pid(),
                                new Process(title(c.pid()), processTicks(c.pid(), false)))));
                    }
                } catch (IOException | RuntimeException e) {
                    // a process that ended meanwhile
                }
            });
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static String title(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ').strip();
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * utime + stime of one process (fields 14 and 15 of /proc/pid/stat, counted after the command's ')'), and with
     * {@code reaped} its waited-for children's (cutime + cstime, fields 16 and 17).
     */
    private static long processTicks(long pid) {
        return processTicks(pid, false);
    }

    private static long processTicks(long pid, boolean reaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12])
                    + (reaped ? Long.parseLong(f[13]) + Long.parseLong(f[14]) : 0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
