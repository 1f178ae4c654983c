package dev.labforge.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.MovableClock;
import dev.labforge.cluster.ClusterConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 13's 09:00 class at full size: 300 students, labs of 6 routers (1,800 VMs), each VM 60-120 s from start to
 * READY; a warm-up session of 20 first, so that the class is booked with the lead time learned from boots. Run with
 * {@code bench/class-0900.sh} (docs/benchmarks.md); {@link ClassAtNineTest} runs a small one in every build.
 *
 * <p>The service runs as {@code mvn spring-boot:run} runs it (its own durable embedded PostgreSQL, the simulated
 * cluster, default reconciler and booking settings), with the tests' movable clock as its Clock.
 */
@Tag("benchmark")
@Timeout(value = 40, unit = TimeUnit.MINUTES) // a safety net only: every wait has its own deadline
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Config.class)
class ClassAtNineBenchmark {

    private static final String TOKEN = "lf_class-at-nine-token-0123456789";
    private static final int STUDENTS = Integer.getInteger("class0900.students", 300);
    private static final int ROUTERS = Integer.getInteger("class0900.routers", 6);
    private static final double SPEED = Double.parseDouble(System.getProperty("class0900.speed", "20"));
    private static final int WARM_UP = Integer.getInteger("class0900.warm-up", 20);
    private static final Path RESULTS = Path.of("target", "class-0900", "class-0900-"
            + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + ".txt");

    @DynamicPropertySource
    static void service(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("labforge-class-0900-");
        registry.add("labforge.data-dir", data::toString);
        registry.add("labforge.access.admin-token", () -> TOKEN);
        registry.add("labforge.access.admin-token-file", () -> "");
        registry.add("labforge.cluster.simulated", () -> "true");
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    BookingReconciler reconciler;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClusterConnection cluster;
    @Autowired
    dev.labforge.lab.LabRunner runner;
    @Autowired
    dev.labforge.cluster.reconcile.ClusterRuntime runtime;

    @Test
    void threeHundredLabsReadyAtNine() throws IOException {
        ClassAtNine.awaitLease(runner);
        List<String> lines = new ArrayList<>();
        lines.add("# 09:00 class benchmark, " + LocalDateTime.now(ZoneOffset.UTC).withNano(0) + "Z; " + Runtime.getRuntime()
                .availableProcessors() + " cores, load average at the start " + Files.readString(Path.of("/proc/loadavg"))
                .trim());
        ClassAtNine.Result result;
        try {
            result = new ClassAtNine(new ApiClient(port, TOKEN), clock, reconciler, jdbc, cluster.simulated(),
                    runtime::busy)
                    .run(new ClassAtNine.Settings(STUDENTS, ROUTERS, SPEED, WARM_UP, true, 20261206L));
        } finally {
            clock.useSystemTime();
        }
        lines.addAll(result.report());
        lines.add("load average at the end " + Files.readString(Path.of("/proc/loadavg")).trim());
        String verdict = (result.readyAtT() == result.labs() ? "MET " : "MISSED ") + "every lab READY at T ("
                + result.readyAtT() + "/" + result.labs() + ")\n" + (result.stopped() == result.labs() ? "MET " : "MISSED ")
                + "every lab STOPPED by the end + 5 min (" + result.stopped() + "/" + result.labs() + ")\n"
                + (result.unschedulable() == 0 ? "MET " : "MISSED ") + "no VM Unschedulable";
        lines.add(verdict);
        Files.createDirectories(RESULTS.getParent());
        Files.write(RESULTS, lines);
        System.out.println(String.join("\n", lines));
        assertThat(result.readyAtT()).isEqualTo(result.labs());
        assertThat(result.stopped()).isEqualTo(result.labs());
        assertThat(result.unschedulable()).isZero();
    }
}
