package dev.labforge.cluster.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.cluster.Await;
import dev.labforge.cluster.ClusterConnection;
import dev.labforge.cluster.ClusterProperties;
import dev.labforge.cluster.LabObjects;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlan;
import dev.labforge.cluster.plan.LabPlanner;
import dev.labforge.cluster.simulated.SimulatedCluster;
import dev.labforge.cluster.status.NodeState;
import dev.labforge.lab.LabDefinitions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 3's classroom storm: 500 labs of six routers and seven links (3,000 VMs, 3,500 NADs) started at once on
 * the simulated cluster with no simulated boot delay, measured in one run against a floor on the same kind of API
 * server. Not part of {@code mvn verify}: run it with {@code bench/storm.sh} (see docs/benchmarks.md).
 *
 * <p>It judges what is stable from run to run (issue 16): exactly one write per object, none on a resync or a
 * restart, one watch per kind, heap per router and the status latency's p99. The wall-clock ratios to the floors and
 * the CPU per router deployed are reported, not judged: on two shared cores the ratio moved by a fifth between runs of
 * the same code. ClassroomWritesTest checks the writes on a few labs in every build.
 *
 * <p>The service runs as {@code mvn spring-boot:run} runs it: its own durable embedded PostgreSQL, the simulated
 * cluster, default reconciler settings (8 workers, 5 min resync). Every wait has a deadline.
 */
@Tag("benchmark")
@Timeout(value = 25, unit = TimeUnit.MINUTES) // a safety net only: every wait below has its own, shorter deadline
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassroomStormBenchmark {

    private static final String TOKEN = "lf_storm-benchmark-token-0123456789";
    private static final int LABS = Integer.getInteger("storm.labs", 500);
    /**
     * Labs started, deployed by the floor and destroyed before the storm, so that neither pays for a cold JVM: a storm
     * of the same size. With 20, the JIT compiler took 0.33 of the two cores through the storm (100: 0.20-0.25, by the
     * CPU split by thread) and 0.02-0.10 through the floor, which ran after it on compiled code: a service that has
     * served a classroom before has compiled it too.
     */
    private static final int WARM_UP_LABS = Integer.getInteger("storm.warm-up-labs", 500);
    /**
     * With one round of 500 labs the JIT compiler still took 0.16 of the two cores through the storm (and 0.03 through
     * the floor after it): 28 top-tier compilations of over 100 ms each, of LabForge's rendering, Hibernate's save
     * and the HTTP client, methods the storm's calls pushed over the C2 threshold. A second round compiles them first.
     * After two the JIT compiler still took 0.10-0.11 of the cores through the storm; the third and fourth rounds
     * themselves kept it at 0.05 and 0.04, and after four it took 0.08 through the storm (0.02-0.03 through the floors).
     */
    private static final int WARM_UP_ROUNDS = Integer.getInteger("storm.warm-up-rounds", 4);
    /**
     * The floor is run this many times and the median taken: on this two-core VM one run of the same floor took
     * anywhere from 13 to 29 s, which alone would swing the ratio by more than two.
     */
    private static final int FLOOR_RUNS = Integer.getInteger("storm.floor-runs", 3);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RESYNC_TIMEOUT = Duration.ofMinutes(3);
    /** How often the benchmark looks whether the storm is over: it must not load what it measures. */
    private static final Duration END_CHECK = Duration.ofMillis(100);
    /**
     * The polled status latency is measured on every tenth lab (50 of 500, 600 states) by two pollers: polling all 500
     * labs took a few percent of the two cores from the service it measured.
     */
    private static final int POLL_EVERY = 10;
    private static final int POLLERS = 2;
    /** Copies of the storm's labs in the large heap measurement: 10 x 3,000 = 30,000 routers. */
    private static final int HEAP_COPIES = Integer.getInteger("storm.heap-copies", 10);
    /** Named by the minute the run began: two runs on one day must not overwrite each other. */
    private static final Path RESULTS = Path.of("target", "storm", "classroom-storm-"
            + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + ".txt");

    private static Path data;

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) throws IOException {
        data = Files.createTempDirectory("labforge-storm-");
        registry.add("labforge.data-dir", data::toString);
        registry.add("labforge.access.admin-token", () -> TOKEN);
        registry.add("labforge.access.admin-token-file", () -> "");
        registry.add("labforge.cluster.simulated", () -> "true");
        registry.add("labforge.cluster.boot-delay", () -> "0s");
        registry.add("labforge.embedded-database.server-config.shared_preload_libraries",
                () -> "pg_stat_statements");
        // planning is not execution: without this, a statement planned anew on every call hides its cost
        registry.add("labforge.embedded-database.server-config.pg_stat_statements.track_planning", () -> "on");
    }

    @LocalServerPort
    int port;
    @Autowired
    ClusterConnection cluster;
    @Autowired
    ClusterRuntime runtime;
    @Autowired
    ClusterProperties properties;
    @Autowired
    LabPlanner planner;
    @Autowired
    LabDefinitions definitions;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;

    private final StormReport report = new StormReport();
    /** CPU of the storm and of each unwatched floor run, for the CPU per router (reported, not judged). */
    private double stormCoreSeconds;
    private final List<Double> floorCoreSeconds = new ArrayList<>();
    private CpuUse cpu;
    private PostgresWork postgres;
    /** The benchmark's own reads of the cluster, under their own User-Agent: never counted as LabForge's. */
    private KubernetesClient observer;

    @Test
    void fiveHundredLabsStartedAtOnce() {
        assertThat(properties.bootDelay()).isZero();
        cpu = new CpuUse(data.resolve("postgres").toString());
        postgres = new PostgresWork(jdbc);
        observer = cluster.simulated().server().createClient(b -> b.editOrNewConfig().withUserAgent("storm-benchmark")
                .endConfig());
        ApiClient admin = new ApiClient(port, TOKEN);
        Catalog.ensure(admin);
        ApiClient teacher = admin.newUser();
        List<UUID> warmUp = Classroom.define(teacher, "warm-up", WARM_UP_LABS);
        List<UUID> labs = Classroom.define(teacher, "storm", LABS);
        int routers = LABS * Classroom.ROUTERS;
        report.line("# %d labs x (%d routers, %d links) = %d VMs, %d NADs, %d objects; reconciler workers: %d"
                .formatted(LABS, Classroom.ROUTERS, Classroom.LINKS, routers, LABS * Classroom.LINKS,
                        LABS * Classroom.OBJECTS_PER_LAB, properties.workers()));

        warmUp(teacher, warmUp);
        Duration storm = storm(teacher, labs);
        // a lab's objects can be rendered once it was started (its bridges are allocated then): the floor comes second
        List<List<HasMetadata>> objects = labs.stream().map(this::render).toList();
        List<Duration> floors = new ArrayList<>();
        List<Duration> watchedFloors = new ArrayList<>();
        // the service is stopped meanwhile: its own leftover work (rechecks of labs that were unsettled) must not run
        // beside the floor, which is what the API server and the simulator do alone
        runtime.stop();
        try {
            for (int run = 1; run <= FLOOR_RUNS; run++) {
                floors.add(floor(objects, "run " + run, false).toAllRunning());
            }
            for (int run = 1; run <= FLOOR_RUNS; run++) {
                watchedFloors.add(floor(objects, "watched run " + run, true).toAllRunning());
            }
        } finally {
            runtime.start();
        }
        quiet();
        Duration floor = floors.stream().sorted().toList().get(FLOOR_RUNS / 2);
        double ratio = (double) storm.toNanos() / floor.toNanos();
        report.section("Time until every lab is RUNNING");
        report.line("floor (plain fabric8 client, %d workers), median of %d runs: %s (runs: %s)".formatted(
                properties.workers(), FLOOR_RUNS, StormReport.seconds(floor),
                floors.stream().map(StormReport::seconds).collect(Collectors.joining(", "))));
        report.line("LabForge (first REST start to the last lab RUNNING, by its event log): "
                + StormReport.seconds(storm));
        // not judged: on two shared cores it moved by a fifth between runs of the same code (1.47-1.99 over eight)
        report.line("shown, not judged: LabForge to the floor %.2f (was judged against 1.5; noise of about +-20%%)"
                .formatted(ratio));
        double floorCpu = floorCoreSeconds.stream().sorted().toList().get(FLOOR_RUNS / 2);
        report.line(("shown, not judged: CPU per router deployed (this JVM, which hosts the simulated cluster too,"
                + " and its PostgreSQL): storm %.1f ms, floor %.1f ms (median run), LabForge's own %.1f ms").formatted(
                stormCoreSeconds * 1000 / routers, floorCpu * 1000 / routers,
                (stormCoreSeconds - floorCpu) * 1000 / routers));
        Duration watchedFloor = watchedFloors.stream().sorted().toList().get(FLOOR_RUNS / 2);
        report.line(("shown, not judged: the same floor with LabForge's informer caches watching beside it, median of"
                + " %d runs: %s (runs: %s) = %.2f x the floor; LabForge to it: %.2f").formatted(FLOOR_RUNS,
                StormReport.seconds(watchedFloor), watchedFloors.stream().map(StormReport::seconds)
                        .collect(Collectors.joining(", ")),
                (double) watchedFloor.toNanos() / floor.toNanos(), (double) storm.toNanos() / watchedFloor.toNanos()));

        heapOfTheRunningService(routers);
        heapOfTheCaches(labs);

        report.section("Verdict");
        report.line(report.misses().isEmpty() ? "every target met" : "missed: " + report.misses());
        report.write(RESULTS);
        assertThat(report.misses()).as("targets missed (results in %s)", RESULTS).isEmpty();
    }

    @AfterEach
    void closeObserver() {
        if (observer != null) {
            observer.close();
        }
    }

    private List<HasMetadata> render(UUID lab) {
        LabPlan plan = transaction.execute(tx -> LabObjects.planRunning(planner,
                definitions.find(lab).orElseThrow()));
        return LabObjects.render(plan, Multus.driver(properties.linkDriver()));
    }

    /**
     * Runs the code both runs use (REST, reconciler, database, fabric8 client, mock API, simulator) on a classroom
     * first, {@link #WARM_UP_ROUNDS} times, so neither run pays for a cold JVM: each round starts the labs through
     * LabForge, deploys them again by the floor on a throwaway cluster, and destroys them. A classroom's worth of
     * calls leaves methods short of the JIT's top tier (C2 compiles a method after about 10,000 calls): the JIT's share
     * in each round is reported, and the storm should not find it busy.
     */
    private void warmUp(ApiClient teacher, List<UUID> labs) {
        for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
            cpu.mark();
            startAll(teacher, labs);
            Await.until("the warm-up labs RUNNING", DEPLOY_TIMEOUT, () -> count(labs, "RUNNING") == labs.size(),
                    this::labStates);
            FloorDeploy.run(labs.stream().map(this::render).toList(), properties.workers(), DEPLOY_TIMEOUT);
            long destroying = System.nanoTime();
            labs.forEach(lab -> assertThat(teacher.post("/api/v1/labs/" + lab + "/destroy", "").status())
                    .isEqualTo(202));
            Await.until("the warm-up labs destroyed", DEPLOY_TIMEOUT, () -> count(labs, "DEFINED") == labs.size(),
                    this::labStates);
            report.line(("# warm-up round %d: %d labs started, deployed by the floor, destroyed (every object deleted,"
                    + " each lab DEFINED) in %s; the JIT compiler took %.2f cores through the round").formatted(round,
                    labs.size(), StormReport.seconds(Duration.ofNanos(System.nanoTime() - destroying)),
                    cpu.compiler()));
            quiet();
        }
    }

    private long count(List<UUID> labs, String state) {
        return jdbc.sql("select count(*) from lab_runtime where state = ? and lab_id = any (?)")
                .params(state, labs.toArray(UUID[]::new)).query(Long.class).single();
    }

    private FloorDeploy.Result floor(List<List<HasMetadata>> objects, String run, boolean watched) {
        report.section("Floor, " + run + (watched ? " (with LabForge's five watches and caches beside it)" : ""));
        cpu.mark();
        Instant began = Instant.now();
        FloorDeploy.Result floor = FloorDeploy.run(objects, properties.workers(), DEPLOY_TIMEOUT, watched,
                () -> cpu.since() + "\n" + cpu.byThreads());
        if (!watched) {
            floorCoreSeconds.add(cpu.coreSeconds());
        }
        report.line(floor.measured());
        report.line(window("floor" + run.replace(" ", ""), began, floor.toAllRunning()));
        report.line("creates by the client: %,d %s; status writes by the simulator: %,d".formatted(floor.writes(),
                floor.writesByVerbAndKind(), floor.simulatorWrites()));
        report.target("the floor made one create per object", floor.writes() == (long) LABS
                * Classroom.OBJECTS_PER_LAB, "%,d creates".formatted(floor.writes()));
        return floor;
    }

    /**
     * Starts every lab at once over REST; returns the time until the last one turned RUNNING, as the labs' event logs
     * served over REST date it. The benchmark sees the end by counting RUNNING rows in the database every
     * {@link #END_CHECK}, a read light enough not to slow what it measures, and polls a sample of the labs over REST
     * for the polled status latency.
     */
    private Duration storm(ApiClient teacher, List<UUID> labs) {
        SimulatedCluster simulated = cluster.simulated();
        String labforgeAgent = cluster.client().getConfiguration().getUserAgent();
        RequestTally labforge = new RequestTally(labforgeAgent::equals);
        RequestTally simulator = new RequestTally(SimulatedCluster.SIMULATOR_AGENT::equals);
        StatusLatency latency = new StatusLatency(teacher, labs, Classroom.ROUTERS, POLLERS, POLL_EVERY);
        simulated.simulator().onVmStatusWritten(latency);
        long passesBefore = runtime.reconcilePasses();
        try (var l = simulated.requests().observe(labforge); var s = simulated.requests().observe(simulator)) {
            postgres.mark();
            cpu.mark();
            Instant began = Instant.now();
            long started = System.nanoTime();
            startAll(teacher, labs);
            Duration answered = Duration.ofNanos(System.nanoTime() - started);
            Await.until("every lab RUNNING", DEPLOY_TIMEOUT, END_CHECK, () -> count(labs, "RUNNING") == labs.size(),
                    () -> "in the database %s; %,d writes by LabForge, %,d by the simulator; %,d reconcile passes"
                            .formatted(labStates(), labforge.writeCount(), simulator.writeCount(),
                                    runtime.reconcilePasses()));
            Duration seen = Duration.ofNanos(System.nanoTime() - started);
            String stormCpu = cpu.since() + "\n" + cpu.byThreads() + "\n" + cpu.postgresByProcess() + "\n"
                    + postgres.since();
            stormCoreSeconds = cpu.coreSeconds();
            Await.until("the sampled labs RUNNING over REST", RESYNC_TIMEOUT, END_CHECK,
                    () -> latency.lastRunningSeen() != 0, () -> latency.running() + " seen RUNNING");
            latency.close();
            Instant lastRunning = latency.lastRunningRecorded();
            assertThat(lastRunning).as("every lab's event log shows it turned RUNNING").isNotNull();
            Duration storm = Duration.between(began, lastRunning);
            report.section("Storm");
            report.line(stormCpu);
            report.line(window("storm", began, storm));
            report.line("%d start requests answered (202) within %s".formatted(labs.size(),
                    StormReport.seconds(answered)));
            report.line("the last lab turned RUNNING %s after the first start request (its event log, read over"
                    .formatted(StormReport.seconds(storm)) + " REST); the benchmark saw every lab RUNNING after %s"
                    .formatted(StormReport.seconds(seen)) + " (checking every %d ms)".formatted(END_CHECK.toMillis()));
            report.line("%,d reconcile passes".formatted(runtime.reconcilePasses() - passesBefore));
            reportLatency(latency);
            reportWrites(labforge, simulator, labs);
            resyncWritesNothing(labforge, "full resync");
            reportWatches(labforgeAgent, labforge.reads());
            return storm;
        }
    }

    /** The wall-clock span of a phase, for reading a profile of the run (bench/storm-profile.sh). */
    private static String window(String phase, Instant began, Duration lasted) {
        var utc = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);
        return "window %s: %s .. %s".formatted(phase, utc.format(began), utc.format(began.plus(lasted)));
    }

    private void startAll(ApiClient teacher, List<UUID> labs) {
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        try (var starters = Executors.newVirtualThreadPerTaskExecutor()) {
            for (UUID lab : labs) {
                starters.submit(() -> {
                    ApiClient.Response started = teacher.post("/api/v1/labs/" + lab + "/start", "");
                    if (started.status() != 202) {
                        refused.add(lab + ": " + started.status() + " " + started.body());
                    }
                });
            }
        } // waits for every request to be answered (each has the HTTP client's own timeouts)
        assertThat(refused).as("start requests not accepted").isEmpty();
    }

    private String labStates() {
        return jdbc.sql("select state, count(*) from lab_runtime group by state order by state")
                .query((rs, row) -> rs.getString(1) + "=" + rs.getLong(2)).list().toString();
    }

    /**
     * Two measures of one latency. Polled: when a poll first showed the state (an upper bound, and only as good as
     * the pollers keep up: their lateness is reported). Recorded: when the event log served over REST dates the
     * commit that made every read show it. The target is judged on the recorded latency, the polled one is shown.
     */
    private void reportLatency(StatusLatency latency) {
        report.section("VM status change to node state over REST, during the storm");
        report.line("recorded: from the simulator's write to the commit of the node state, as dated by the lab's"
                + " event log (GET /api/v1/labs/{id}/events)");
        List<StatusLatency.Sample> recorded = latency.recorded();
        long[] recordedAll = latencyLines(recorded);
        report.line("%,d of %,d states written were recorded".formatted(recorded.size(), latency.writtenCount()));
        report.line(("polled: until a GET /api/v1/labs/{id} first showed it (every %dth lab, %d pollers, each lab"
                + " re-polled after an eighth of its oldest wait, 20-250 ms)").formatted(POLL_EVERY, POLLERS));
        long[] polledAll = latencyLines(latency.samples());
        long[] lateness = latency.pollLateness().stream().mapToLong(Long::longValue).toArray();
        report.line("%,d polls (%,d failed), %d samples never seen; polls started late by p50 %s, p99 %s, max %s"
                .formatted(latency.polls(), latency.pollErrors(), latency.unresolved(),
                        StormReport.millis(StormReport.quantile(lateness, 0.5)),
                        StormReport.millis(StormReport.quantile(lateness, 0.99)),
                        StormReport.millis(StormReport.quantile(lateness, 1))));
        long p99 = StormReport.quantile(recordedAll, 0.99);
        report.target("status latency p99 <= 1 s (recorded)", p99 <= 1_000_000_000L
                        && recorded.size() == latency.writtenCount(),
                StormReport.millis(p99) + " (polled: " + StormReport.millis(StormReport.quantile(polledAll, 0.99))
                        + ")");
    }

    /** One line per state and one for all; returns all the latencies. */
    private long[] latencyLines(List<StatusLatency.Sample> samples) {
        Map<NodeState, long[]> byState = new TreeMap<>();
        samples.stream().collect(Collectors.groupingBy(StatusLatency.Sample::state)).forEach((state, list) ->
                byState.put(state, list.stream().mapToLong(StatusLatency.Sample::nanos).toArray()));
        long[] all = samples.stream().mapToLong(StatusLatency.Sample::nanos).toArray();
        byState.forEach((state, values) -> report.line(latencyLine("-> " + state, values)));
        report.line(latencyLine("all", all));
        return all;
    }

    private static String latencyLine(String what, long[] nanos) {
        return "%-12s %,6d samples  p50 %s  p90 %s  p99 %s  max %s".formatted(what, nanos.length,
                StormReport.millis(StormReport.quantile(nanos, 0.5)), StormReport.millis(StormReport.quantile(nanos, 0.9)),
                StormReport.millis(StormReport.quantile(nanos, 0.99)), StormReport.millis(StormReport.quantile(nanos, 1)));
    }

    /** Exactly one create per object a lab needs, and nothing else: checked per lab namespace. */
    private void reportWrites(RequestTally labforge, RequestTally simulator, List<UUID> labs) {
        report.section("Writes during the storm");
        report.line("LabForge: %,d %s; reads other than watches: %,d".formatted(labforge.writeCount(),
                labforge.byVerbAndKind(), labforge.reads()));
        report.line("simulator (not counted): %,d %s".formatted(simulator.writeCount(), simulator.byVerbAndKind()));
        Map<String, Long> perLab = Map.of("POST secrets 201", (long) Classroom.ROUTERS,
                "POST virtualmachines 201", (long) Classroom.ROUTERS,
                "POST network-attachment-definitions 201", (long) Classroom.LINKS);
        Map<String, Map<String, Long>> byNamespace = labforge.writes().stream().collect(Collectors.groupingBy(
                RequestTally.Write::namespace, Collectors.groupingBy(RequestTally.Write::verbAndKind,
                        TreeMap::new, Collectors.counting())));
        List<String> wrong = new ArrayList<>();
        for (UUID lab : labs) {
            Map<String, Long> writes = byNamespace.remove(LabPlanner.namespaceOf(lab));
            if (!perLab.equals(writes)) {
                wrong.add(lab + ": " + writes);
            }
        }
        Map<String, Long> clusterScoped = byNamespace.remove("");
        if (!Map.of("POST namespaces 201", (long) labs.size()).equals(clusterScoped)) {
            wrong.add("namespaces: " + clusterScoped);
        }
        byNamespace.forEach((namespace, writes) -> wrong.add(namespace + " (not a storm lab): " + writes));
        long expected = (long) labs.size() * Classroom.OBJECTS_PER_LAB;
        report.target("exactly one write per object (%,d)".formatted(expected),
                wrong.isEmpty() && labforge.writeCount() == expected,
                "%,d writes; %d labs or namespaces with other writes %s".formatted(labforge.writeCount(), wrong.size(),
                        wrong.stream().limit(5).toList()));
        objectsArePresent(labs);
    }

    /** The creates made the objects: each lab namespace holds exactly what the lab needs. */
    private void objectsArePresent(List<UUID> labs) {
        Map<String, Long> vms = countByNamespace(observer.genericKubernetesResources(KubeVirt.VM)
                .inAnyNamespace().withLabel(ClusterLabels.MANAGED_BY, ClusterLabels.LABFORGE).list().getItems());
        Map<String, Long> nads = countByNamespace(observer.genericKubernetesResources(Multus.NAD)
                .inAnyNamespace().withLabel(ClusterLabels.MANAGED_BY, ClusterLabels.LABFORGE).list().getItems());
        Map<String, Long> secrets = countByNamespace(observer.secrets().inAnyNamespace()
                .withLabel(ClusterLabels.MANAGED_BY, ClusterLabels.LABFORGE).list().getItems());
        List<String> wrong = new ArrayList<>();
        for (UUID lab : labs) {
            String ns = LabPlanner.namespaceOf(lab);
            List<Long> present = java.util.Arrays.asList(vms.get(ns), secrets.get(ns), nads.get(ns));
            if (!present.equals(List.of((long) Classroom.ROUTERS, (long) Classroom.ROUTERS, (long) Classroom.LINKS))) {
                wrong.add(ns + ": VMs, Secrets, NADs " + present);
            }
        }
        report.target("every lab has its objects", wrong.isEmpty(), wrong.size() + " labs short " + wrong.stream()
                .limit(5).toList());
    }

    private static Map<String, Long> countByNamespace(List<? extends HasMetadata> objects) {
        return objects.stream().collect(Collectors.groupingBy(o -> o.getMetadata().getNamespace(),
                Collectors.counting()));
    }

    /** Queues every lab, waits until each has had its pass, and checks that not one write was made. */
    private void resyncWritesNothing(RequestTally labforge, String what) {
        long writesBefore = labforge.writeCount();
        long passesBefore = runtime.reconcilePasses();
        int queued = runtime.resyncAll();
        Await.until(what + " of " + queued + " labs", RESYNC_TIMEOUT,
                () -> runtime.reconcilePasses() - passesBefore >= queued,
                () -> (runtime.reconcilePasses() - passesBefore) + " passes");
        quiet();
        long writes = labforge.writeCount() - writesBefore;
        report.target(what + " writes nothing", writes == 0, "%,d labs reconciled, %,d writes".formatted(queued,
                writes));
    }

    /** Waits until no reconcile pass has run for a second. */
    private void quiet() {
        long[] last = {runtime.reconcilePasses(), System.nanoTime()};
        Await.until("the reconciler to go quiet", RESYNC_TIMEOUT, () -> {
            long passes = runtime.reconcilePasses();
            if (passes != last[0]) {
                last[0] = passes;
                last[1] = System.nanoTime();
            }
            return System.nanoTime() - last[1] > Duration.ofSeconds(1).toNanos();
        }, () -> runtime.reconcilePasses() + " passes");
    }

    /**
     * One cluster-wide watch per kind, never one per lab. fabric8's informers end each watch after 5 to 10 minutes
     * and open the next where the last left off (as client-go does), so a long run sees a kind's watch requested
     * again; any more than one per 5 minutes would be a second watch.
     */
    private void reportWatches(String labforgeAgent, long labforgeLists) {
        report.section("Watches");
        Map<String, Long> watches = cluster.simulated().requests().watchRequestsOf(labforgeAgent);
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long allowed = 1 + Duration.ofMillis(uptime).toMinutes() / 5;
        report.line("watch requests by LabForge in %d min since it started: %s; lists during the storm: %d".formatted(
                Duration.ofMillis(uptime).toMinutes(), watches, labforgeLists));
        boolean one = watches.keySet().equals(java.util.Set.of("/api/v1/namespaces", "/api/v1/secrets",
                "/apis/k8s.cni.cncf.io/v1/network-attachment-definitions", "/apis/kubevirt.io/v1/virtualmachines",
                "/apis/kubevirt.io/v1/virtualmachineinstances"))
                && watches.values().stream().allMatch(n -> n <= allowed) && labforgeLists == 0;
        report.target("one watch per kind", one, "%d cluster-wide watches, each requested at most %d times (renewed"
                .formatted(watches.size(), watches.values().stream().mapToLong(Long::longValue).max().orElse(0))
                + " every 5-10 min: %d allowed in this run), no relist".formatted(allowed));
    }

    /**
     * The running service's share of the heap: settled heap with the reconciler running minus settled heap once it
     * is stopped (informer caches and reconciler state dropped; the simulated cluster, which holds its own copy of
     * every object, stays). Then it starts again, lists everything afresh, resyncs, and must write nothing.
     */
    private void heapOfTheRunningService(int routers) {
        report.section("Heap of the running service (informer caches and reconciler), " + routers + " routers");
        RequestTally labforge = new RequestTally(cluster.client().getConfiguration().getUserAgent()::equals);
        long usedRunning = HeapUse.settled();
        Map<String, HeapUse.Holding> running = HeapUse.histogram();
        runtime.stop();
        long usedStopped = HeapUse.settled();
        Map<String, HeapUse.Holding> stopped = HeapUse.histogram();
        try (var l = cluster.simulated().requests().observe(labforge)) {
            runtime.start();
            resyncWritesNothing(labforge, "restart and resync");
        }
        long bytes = HeapUse.total(running) - HeapUse.total(stopped);
        report.line("%,d live bytes = %,.0f bytes per router (heap used after GC: %,.0f bytes per router)".formatted(
                bytes, (double) bytes / routers, (double) (usedRunning - usedStopped) / routers));
        HeapUse.growth(stopped, running, 12, routers).forEach(report::line);
    }

    /** The informer caches alone at 3,000 and 30,000 routers, and the slope between. */
    private void heapOfTheCaches(List<UUID> labs) {
        report.section("Heap of the informer caches alone (ClusterCache on a preloaded API server)");
        var objects = CacheHeap.objectsOf(observer, labs);
        CacheHeap.Result small = CacheHeap.measure(objects, 1, DEPLOY_TIMEOUT);
        reportCaches(small);
        if (HEAP_COPIES <= 1) { // a quick run: one point, no slope to judge
            report.target("heap per router <= 8 KiB", small.perRouter() <= 8192,
                    "%,.0f bytes per router at %,d routers (one point: -Dstorm.heap-copies=1)".formatted(
                            small.perRouter(), small.routers()));
            return;
        }
        CacheHeap.Result large = CacheHeap.measure(objects, HEAP_COPIES, DEPLOY_TIMEOUT);
        reportCaches(large);
        double slope = (double) (large.bytes() - small.bytes()) / (large.routers() - small.routers());
        report.line("slope from %,d to %,d routers: %,.0f bytes per router".formatted(small.routers(),
                large.routers(), slope));
        report.target("heap per router <= 8 KiB", Math.max(small.perRouter(), large.perRouter()) <= 8192
                && slope <= 8192, "%,.0f and %,.0f bytes per router, slope %,.0f".formatted(small.perRouter(),
                large.perRouter(), slope));
    }

    private void reportCaches(CacheHeap.Result result) {
        report.line("%,d routers: %,d live bytes = %,.0f bytes per router (heap used after GC: %,.0f per router;"
                .formatted(result.routers(), result.bytes(), result.perRouter(),
                        (double) result.usedBytes() / result.routers())
                + " caches filled through their watches in %s)".formatted(StormReport.seconds(result.loaded())));
        result.topClasses().forEach(line -> report.line("  " + line));
    }
}
