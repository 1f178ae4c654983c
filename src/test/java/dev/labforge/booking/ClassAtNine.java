package dev.labforge.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.MovableClock;
import dev.labforge.booking.capacity.CapacityLedger;
import dev.labforge.cluster.simulated.ApiRequest;
import dev.labforge.cluster.simulated.RequestLog;
import dev.labforge.cluster.simulated.SimulatedCluster;
import dev.labforge.cluster.simulated.SimulatorSettings;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13's 09:00 class, on the simulated cluster: a class session of {@code students} labs of {@code routers}
 * routers, booked for T, each VM taking 60-120 s from its start to READY (drawn per VM with a fixed seed). What it
 * shows: every lab READY at T, and every lab STOPPED within 5 minutes after the end.
 *
 * <p>Time is compressed, and stepped: the service's clock stands still except when a {@link Stepper} moves it on by a
 * second, at most {@code speed} times a real second. Before each step, the stepper runs a {@link
 * BookingReconciler#pass() pass} and waits until the step's work is done: the simulated virt-controller
 * {@link dev.labforge.cluster.simulated.VirtControllerSimulator#idle() idle} and the cluster reconciler
 * {@link dev.labforge.cluster.reconcile.ClusterRuntime#busy() not busy}. The simulated cluster runs on the same clock,
 * so a VM boots for 60-120 s of it (3-6 s of real time at 20 x, longer only when the machine is behind). A clock that
 * ran freely at 20 x real time instead outran the service on a loaded machine (load 20-35 on two cores: the JVM got a
 * fifth of a core, the simulator's requests to the mock API waited seconds each) and labs were still DEPLOYING at T:
 * a verdict on the machine, not on the lead time. Stepped, every outcome is judged on the service's clock, and a slow
 * machine only takes longer. The price: the service's own work takes no time on the clock (on a real cluster it is
 * milliseconds against boots of minutes).
 *
 * <p>Everything that decides when labs start is production code: the session's lead time comes from
 * {@link dev.labforge.booking.timetable.LeadTimes} when the instructor books it over REST, and {@link BookingReconciler#pass()} seats the class,
 * spreads and makes the starts, learns boot times and applies the end action. Only what wakes those passes differs:
 * the reconciler's own loop sleeps real milliseconds computed from the clock, so on a stepped clock it would wake too
 * seldom; the stepper calls {@code pass()} once per second of the service's clock (the loop's own passes still run
 * beside it, and skip what a pass holds).
 *
 * <p>With {@code warmUpSeats > 0} a smaller session on the same course runs first, so that the image's boot times are
 * learned and the 09:00 class is booked with the learned lead time instead of the configured default.
 */
final class ClassAtNine {

    /** The VMs' start to READY, on the service's clock: 60-120 s, as issue 13 asks. */
    static final Duration BOOT_MIN = Duration.ofSeconds(60);
    static final Duration BOOT_SPREAD = Duration.ofSeconds(60);
    static final Duration STOP = Duration.ofSeconds(5);
    /** The class must be stopped this soon after its end. */
    static final Duration STOPPED_WITHIN = Duration.ofMinutes(5);
    private static final Duration POLL = Duration.ofMillis(20);

    record Settings(int students, int routers, double speed, int warmUpSeats, boolean warningsInFull, long seed) {
    }

    /** What the run saw; times on the service's clock. */
    record Result(Duration lead, Duration latestReadyBeforeT, int readyAtT, int labs, Duration latestStopAfterEnd,
                  int stopped, long unschedulable, List<String> report) {
    }

    private final ApiClient admin;
    private final MovableClock clock;
    private final BookingReconciler reconciler;
    private final JdbcClient jdbc;
    private final SimulatedCluster cluster;
    /** Whether the service's cluster reconciler has work now ({@code ClusterRuntime::busy}). */
    private final BooleanSupplier serviceBusy;
    private final List<String> report = new ArrayList<>();
    /** Every write to the cluster's API: (service's clock in ms, real nanos, 1 if the simulated KubeVirt wrote it). */
    private final ConcurrentLinkedQueue<long[]> writes = new ConcurrentLinkedQueue<>();

    ClassAtNine(ApiClient admin, MovableClock clock, BookingReconciler reconciler, JdbcClient jdbc,
                SimulatedCluster cluster, BooleanSupplier serviceBusy) {
        this.serviceBusy = serviceBusy;
        this.admin = admin;
        this.clock = clock;
        this.reconciler = reconciler;
        this.jdbc = jdbc;
        this.cluster = cluster;
    }

    /** Waits until this replica holds the reconciler lease: passes of one without it do nothing. */
    static void awaitLease(dev.labforge.lab.LabRunner runner) {
        BookingIntegrationTest.await("this replica to hold the reconciler lease", runner::leads);
    }

    Result run(Settings s) {
        Instant day = Instant.parse("2031-03-04T06:00:00Z");
        clock.set(day);
        SimulatorSettings before = cluster.simulator().settings();
        java.time.Clock clusterClockBefore = cluster.simulator().clock();
        cluster.simulator().clock(clock); // the cluster's time is the service's: boots take 60-120 s of it
        cluster.simulator().settings(before.withDelays(Duration.ZERO, BOOT_MIN, STOP)
                .withBootSpread(BOOT_SPREAD, s.seed()));
        try (RequestLog.Observation ignored = cluster.requests().observe(this::written)) {
            line("# %d students x %d routers = %d VMs; the service's clock stepped, at most %.0f x real time; each VM boots for"
                    .formatted(s.students(), s.routers(), s.students() * s.routers(), s.speed())
                    + " %d-%d s on it (seed %d), stops in %d s".formatted(BOOT_MIN.toSeconds(),
                    BOOT_MIN.plus(BOOT_SPREAD).toSeconds(), s.seed(), STOP.toSeconds()));
            long setUp = System.nanoTime();
            String image = Classroom.ownImage(admin);
            Classroom room = Classroom.create(admin, 2 * s.students() * s.routers(), "\"endAction\":\"stop\"",
                    Classroom.template(image, s.routers()));
            room.enrolStudents(s.students());
            line("set up (pool, template, %d students enrolled, a lab each) in %.1f s real time".formatted(s.students(),
                    (System.nanoTime() - setUp) / 1e9));
            if (s.warmUpSeats() > 0) {
                Instant start = day.plus(Duration.ofHours(1));
                Session warmUp = session(room, start, start.plus(Duration.ofMinutes(30)), s.warmUpSeats(), s, false);
                line("warm-up session of %d seats (the image has no boot times yet): lead time %s, latest READY %s"
                        .formatted(s.warmUpSeats(), minutes(warmUp.lead), relative(warmUp.latestReady, start)));
                line("learned: the image's boot p95 %d s over %d samples".formatted(bootP95(image),
                        jdbc.sql("select count(*) from image_boot_times where image = ?").param(image)
                                .query(Integer.class).single()));
            }
            Instant t = day.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)); // 09:00 the next day
            Session nine = session(room, t, t.plus(Duration.ofHours(2)), 0, s, s.warningsInFull());
            line("the 09:00 class: lead time %s (the labs' boot and the spread of %d starts), so labs started from"
                    .formatted(minutes(nine.lead), s.students()) + " T - %s; the last start %s".formatted(
                    minutes(nine.lead), relative(nine.lastStart, t)));
            line("READY: %d of %d labs at T; earliest %s, latest %s".formatted(nine.readyAtT, nine.labs,
                    relative(nine.earliestReady, t), relative(nine.latestReady, t)));
            line("stopped: %d of %d labs; the last %s (allowed: end + %d min)".formatted(nine.stopped, nine.labs,
                    relative(nine.latestStop, t.plus(Duration.ofHours(2))).replace("T ", "end "),
                    STOPPED_WITHIN.toMinutes()));
            line("end-of-slot warnings in the labs' event logs: %d (%d labs x %d expected)".formatted(nine.warnings,
                    nine.labs, s.warningsInFull() ? 2 : 1));
            line("VMs Unschedulable at any point (node reasons seen while polling, and the labs' event logs): %d"
                    .formatted(nine.unschedulable));
            peakWrites(nine, s.speed());
            return new Result(nine.lead, Duration.between(nine.latestReady, t), nine.readyAtT, nine.labs,
                    Duration.between(t.plus(Duration.ofHours(2)), nine.latestStop), nine.stopped, nine.unschedulable,
                    List.copyOf(report));
        } finally {
            cluster.simulator().settings(before);
            cluster.simulator().clock(clusterClockBefore);
        }
    }

    /** One occurrence, from its booking to every lab stopped after its end. */
    private static final class Session {
        Duration lead;
        Instant labFrom;
        Instant start;
        Instant lastStart;
        Instant earliestReady;
        Instant latestReady;
        Instant latestStop;
        int readyAtT;
        int stopped;
        int labs;
        long unschedulable;
        long warnings;
        Instant phaseStart;
        Instant phaseEnd;
    }

    private Session session(Classroom room, Instant start, Instant end, int seats, Settings s, boolean bothWarnings) {
        Session session = new Session();
        session.start = start;
        Response booked = room.instructor.post(room.path("/sessions"), "{\"start\":\"" + start + "\",\"end\":\"" + end
                + "\"" + (seats > 0 ? ",\"seats\":" + seats : "") + "}");
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode occurrence = booked.json().get("occurrences").get(0);
        session.labFrom = Instant.parse(occurrence.get("reservedFrom").asString());
        session.lead = Duration.between(session.labFrom, start);
        UUID course = jdbc.sql("select id from courses where name = ?").param(room.course).query(UUID.class).single();

        clock.set(session.labFrom.minusSeconds(5));
        session.phaseStart = session.labFrom;
        long realStart = System.nanoTime();
        Stepper driver = new Stepper(s.speed());
        try {
            // seated at the lead time: from then on the bookings say which labs are this class's
            List<UUID> labs = await("the class seated", start, () -> "not seated",
                    () -> !labsOf(course, start).isEmpty(), s)
                    ? labsOf(course, start) : List.of();
            session.labs = seats > 0 ? seats : s.students();
            assertThat(labs).as("seated").hasSize(session.labs);
            Map<UUID, Instant> ready = new HashMap<>();
            long[] unschedulable = {0};
            int[] polls = {0};
            await("every lab READY and T passed", start.plus(STOPPED_WITHIN), () -> progress(course, start, labs), () -> {
                Instant now = clock.instant();
                states(labs).forEach((lab, state) -> {
                    if (state.equals("READY")) {
                        ready.putIfAbsent(lab, now);
                    }
                });
                if (polls[0]++ % 10 == 0) {
                    unschedulable[0] = Math.max(unschedulable[0], unschedulable(labs));
                }
                return ready.size() == labs.size() && !now.isBefore(start);
            }, s);
            session.readyAtT = (int) ready.values().stream().filter(at -> !at.isAfter(start)).count();
            session.earliestReady = ready.values().stream().min(Instant::compareTo).orElse(null);
            session.latestReady = ready.values().stream().max(Instant::compareTo).orElse(null);
            session.lastStart = jdbc.sql("select max(started_at) from bookings where course_id = ? and starts_at = ?")
                    .params(course, CapacityLedger.utc(start)).query(OffsetDateTime.class).single().toInstant();
            session.phaseEnd = clock.instant();
            double realSeconds = (System.nanoTime() - realStart) / 1e9;
            line(("from the lead time to every lab READY: %d s of the service's clock in %.1f s of real time (%.1f x),"
                    + " %d steps, %d of them after waiting %d s for the work to settle").formatted(
                    Duration.between(session.labFrom.minusSeconds(5), session.phaseEnd).toSeconds(), realSeconds,
                    Duration.between(session.labFrom.minusSeconds(5), session.phaseEnd).toSeconds() / realSeconds,
                    driver.steps, driver.forced, Stepper.SETTLE_AT_MOST.toSeconds()));

            // nothing happens in the middle of the class: on to just before the first warning that is watched
            Duration before = bothWarnings ? Duration.ofMinutes(10).plusSeconds(30) : Duration.ofSeconds(150);
            driver.jumpTo(end.minus(before));
            Map<UUID, Instant> stopped = new HashMap<>();
            await("every lab STOPPED", end.plus(STOPPED_WITHIN).plus(STOPPED_WITHIN), () -> progress(course, start, labs),
                    () -> {
                Instant now = clock.instant();
                states(labs).forEach((lab, state) -> {
                    if (state.equals("STOPPED")) {
                        stopped.putIfAbsent(lab, now);
                    }
                });
                return stopped.size() == labs.size();
            }, s);
            session.stopped = (int) stopped.values().stream().filter(at -> !at.isAfter(end.plus(STOPPED_WITHIN)))
                    .count();
            session.latestStop = stopped.values().stream().max(Instant::compareTo).orElse(null);
            session.unschedulable = Math.max(unschedulable[0], unschedulable(labs) + jdbc.sql("""
                            select count(*) from lab_events where lab_id = any(?) and message like '%Unschedulable%'""")
                    .param(labs.toArray(UUID[]::new)).query(Long.class).single());
            // this session's warnings only: the warm-up session's labs are among these and keep theirs
            session.warnings = jdbc.sql("""
                            select count(*) from lab_events
                            where lab_id = any(?) and kind = 'BookingEnding' and at >= ?""")
                    .param(labs.toArray(UUID[]::new)).param(Timestamp.from(session.labFrom)).query(Long.class)
                    .single();
        } finally {
            driver.close();
        }
        return session;
    }

    /** Each lab's state as its reader sees it: READY (RUNNING, every node ready), or the lab's state. */
    private Map<UUID, String> states(List<UUID> labs) {
        Map<UUID, String> states = new HashMap<>();
        jdbc.sql("select lab_id, state, ready_nodes, total_nodes from lab_runtime where lab_id = any(?)")
                .param(labs.toArray(UUID[]::new))
                .query((rs, row) -> states.put(rs.getObject(1, UUID.class), "RUNNING".equals(rs.getString(2))
                        && rs.getInt(4) > 0 && rs.getInt(3) == rs.getInt(4) ? "READY" : rs.getString(2)))
                .list();
        return states;
    }

    /** The labs by state, and how many of the class's bookings started their lab. */
    private String progress(UUID course, Instant start, List<UUID> labs) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        states(labs).values().forEach(state -> counts.merge(state, 1, Integer::sum));
        return "labs " + counts + "; bookings started " + jdbc.sql("select count(*) from bookings where course_id = ?"
                + " and starts_at = ? and started_at is not null").params(course, CapacityLedger.utc(start))
                .query(Integer.class).single() + ", ready seen " + jdbc.sql("select count(*) from bookings where"
                + " course_id = ? and starts_at = ? and ready_at is not null").params(course, CapacityLedger.utc(start))
                .query(Integer.class).single() + "; nodes " + jdbc.sql("select state || coalesce(' ' || reason, '')"
                + " || ' ' || count(*) from node_runtime where lab_id = any(?) group by state, reason")
                .param(labs.toArray(UUID[]::new)).query(String.class).list() + "; VMIs by phase " + vmisByPhase() + "; simulator: "
                + cluster.simulator().runningInstances() + " VMIs running in its cache; API answers 409 "
                + cluster.requests().responses(409) + ", 422 " + cluster.requests().responses(422) + ", 500 "
                + cluster.requests().responses(500) + ", writes seen " + writes.size();
    }

    /** A progress line's count: the mock API may be too busy to list them all in time, which is no verdict. */
    private String vmisByPhase() {
        try {
            return String.valueOf(cluster.client().genericKubernetesResources("kubevirt.io/v1", "VirtualMachineInstance")
                    .inAnyNamespace().list().getItems().stream().collect(java.util.stream.Collectors.groupingBy(
                            vmi -> String.valueOf((Object) vmi.get("status", "phase")), java.util.TreeMap::new,
                            java.util.stream.Collectors.counting())));
        } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
            return "(not listed: " + e.getMessage() + ")";
        }
    }

    private long unschedulable(List<UUID> labs) {
        return jdbc.sql("select count(*) from node_runtime where lab_id = any(?) and reason like '%Unschedulable%'")
                .param(labs.toArray(UUID[]::new)).query(Long.class).single();
    }

    private List<UUID> labsOf(UUID course, Instant start) {
        return jdbc.sql("select lab_id from bookings where course_id = ? and starts_at = ? and occurrence_id is not null")
                .params(course, CapacityLedger.utc(start)).query(UUID.class).list();
    }

    private int bootP95(String image) {
        return jdbc.sql("select coalesce(percentile_disc(0.95) within group (order by seconds), -1) from image_boot_times"
                + " where image = ?").param(image).query(Integer.class).single();
    }

    /**
     * Waits (real time, polling) until {@code done}, or until the service's clock passes {@code giveUpAt}.
     *
     * @return true when done
     */
    private boolean await(String what, Instant giveUpAt, java.util.function.Supplier<String> progress,
                          BooleanSupplier done, Settings s) {
        long realDeadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (clock.instant().isAfter(giveUpAt) || System.nanoTime() > realDeadline) {
                throw new AssertionError("gave up waiting for " + what + " at " + clock.instant()
                        + " on the service's clock (" + s.speed() + " x real time): " + progress.get());
            }
            if (System.nanoTime() > nextReport) {
                System.out.println("[09:00 class] ... " + clock.instant() + ": " + progress.get());
                nextReport = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            }
            try {
                Thread.sleep(POLL); // polling a condition with a deadline, not waiting a fixed time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return true;
    }

    private void written(ApiRequest request) {
        if (request.isWrite()) {
            writes.add(new long[] {clock.instant().toEpochMilli(), System.nanoTime(),
                    SimulatedCluster.SIMULATOR_AGENT.equals(request.agent()) ? 1 : 0});
        }
    }

    /** The busiest 10 s of the service's clock, and the busiest real second, while the class started. */
    private void peakWrites(Session session, double speed) {
        List<long[]> during = writes.stream().filter(w -> w[0] >= session.phaseStart.toEpochMilli()
                && w[0] <= session.phaseEnd.toEpochMilli()).sorted((a, b) -> Long.compare(a[0], b[0])).toList();
        long[] peak = new long[2];
        int first = 0;
        long[] inWindow = new long[2];
        for (long[] w : during) {
            inWindow[(int) w[2]]++;
            while (during.get(first)[0] <= w[0] - 10_000) {
                inWindow[(int) during.get(first)[2]]--;
                first++;
            }
            peak[0] = Math.max(peak[0], inWindow[0]);
            peak[1] = Math.max(peak[1], inWindow[0] + inWindow[1]);
        }
        List<long[]> byReal = during.stream().sorted((a, b) -> Long.compare(a[1], b[1])).toList();
        long realPeak = 0;
        first = 0;
        for (int i = 0; i < byReal.size(); i++) {
            while (byReal.get(first)[1] <= byReal.get(i)[1] - 1_000_000_000L) {
                first++;
            }
            realPeak = Math.max(realPeak, i - first + 1);
        }
        long labForge = during.stream().filter(w -> w[2] == 0).count();
        line(("cluster API writes from the lead time until every lab was READY: %d by LabForge, %d by the simulated"
                + " KubeVirt; peak over 10 s of the service's clock: %.1f writes/s by LabForge, %.1f/s in all"
                + " (in real time, at %.0f x: %d writes in the busiest second)").formatted(labForge,
                during.size() - labForge, peak[0] / 10.0, peak[1] / 10.0, speed, realPeak));
    }

    private static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static String relative(Instant at, Instant t) {
        if (at == null) {
            return "never";
        }
        long seconds = Duration.between(t, at).toSeconds();
        return seconds == 0 ? "T" : seconds < 0 ? "T - " + -seconds + " s" : "T + " + seconds + " s";
    }

    private void line(String text) {
        report.add(text);
        System.out.println("[09:00 class] " + text);
    }

    /**
     * Moves the service's clock on by a second at a time, at most {@code speed} times per real second, each time after
     * a booking reconciler pass and after the work of the step settled (the simulated cluster idle, the cluster
     * reconciler not busy, twice in a row: a watch event may be on its way between the two). Work that does not
     * settle within {@link #SETTLE_AT_MOST} lets the clock move on anyway, counted in {@link #forced}.
     */
    private final class Stepper implements AutoCloseable {

        static final Duration STEP = Duration.ofSeconds(1);
        static final Duration SETTLE_AT_MOST = Duration.ofSeconds(10);
        private static final long LOOK_NANOS = Duration.ofMillis(5).toNanos();

        private final Thread thread;
        private volatile boolean running = true;
        private volatile Instant jump;
        volatile int steps;
        volatile int forced;

        Stepper(double speed) {
            long tick = (long) (1_000_000_000L / speed);
            thread = Thread.ofPlatform().name("class-at-nine-steps").daemon().start(() -> {
                long next = System.nanoTime();
                while (running) {
                    Instant to = jump;
                    if (to != null) {
                        clock.set(to);
                        jump = null;
                    }
                    reconciler.pass();
                    if (!settled()) {
                        forced++;
                    }
                    next += tick;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    } else {
                        next = System.nanoTime(); // behind: the next step at once, no catching up in a burst
                    }
                    clock.advance(STEP);
                    steps++;
                }
            });
        }

        private boolean settled() {
            long deadline = System.nanoTime() + SETTLE_AT_MOST.toNanos();
            int quiet = 0;
            while (quiet < 2) {
                quiet = cluster.simulator().idle() && !serviceBusy.getAsBoolean() ? quiet + 1 : 0;
                if (System.nanoTime() > deadline) {
                    return false;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(LOOK_NANOS);
            }
            return true;
        }

        /** Sets the clock to {@code at} between two steps (nothing happens in the time skipped), and returns after. */
        void jumpTo(Instant at) {
            jump = at;
            BookingIntegrationTest.await("the stepper to jump to " + at, () -> jump == null);
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(Duration.ofMinutes(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
