package dev.labforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.MovableClock;
import dev.labforge.cluster.status.LabStatePlans;
import dev.labforge.lab.LabListPlans;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The web page under a class's weight (docs/benchmarks.md, issue 14): the labs page of an engineer with 500 labs (400
 * theirs, 50 their team's, 50 shared with them; 100 of them running) and the class view of a 300-student course,
 * timed as a browser's requests with the session cookie over loopback (so the times are the server's plus a loopback
 * round trip); and ONE class view stream, counted while the class's 300 labs start. Run with bench/web-pages.sh.
 */
@Tag("benchmark")
class WebPagesBenchmark extends IntegrationTest {

    // the sizes; smaller with -Dbench.labs= and -Dbench.students= for a smoke run on a loaded machine
    private static final int LABS = Integer.getInteger("bench.labs", 500);
    private static final int STUDENTS = Integer.getInteger("bench.students", 300);
    private static final int RUNNING = LABS / 5;
    // -Dbench.part=labs: the labs page only (its timing and profile without the class's minutes)
    private static final boolean LABS_ONLY = "labs".equals(System.getProperty("bench.part"));
    private static final int WARM_UP = 30;
    private static final int RUNS = 200;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String ONE_ROUTER = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":1,"memoryMib":512}],"links":[]}""";
    private static final String TEMPLATE = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":1,"memoryMib":512},
                                  {"name":"r2","image":"frr","cpu":1,"memoryMib":512}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""";

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void labsPageClassViewAndOneClassStream() throws Exception {
        Catalog.ensure(api());
        StringBuilder out = new StringBuilder();
        out.append("# ").append(Instant.now()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(Runtime.version()).append('\n');

        // an engineer with 500 labs: 400 theirs, 50 their team's, 50 shared with them; 100 of theirs running
        ApiClient engineer = api().newUser();
        ApiClient colleague = api().newUser();
        String team = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(engineer.post("/api/v1/teams", "{\"name\":\"" + team + "\"}").status()).isEqualTo(201);
        List<String> own = new ArrayList<>();
        for (int i = 0; i < LABS; i++) {
            String name = "bench-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            if (i < LABS * 4 / 5) {
                own.add(created(engineer.post("/api/v1/labs", ONE_ROUTER.formatted(name))));
            } else if (i < LABS * 9 / 10) {
                created(engineer.post("/api/v1/labs?team=" + team, ONE_ROUTER.formatted(name)));
            } else {
                String lab = created(colleague.post("/api/v1/labs", ONE_ROUTER.formatted(name)));
                assertThat(colleague.put("/api/v1/labs/" + lab + "/access", "{\"grants\":[{\"user\":\""
                        + engineer.username() + "\",\"level\":\"view\"}]}").status()).isEqualTo(200);
            }
        }
        progress(LABS + " labs made");
        for (String lab : own.subList(0, RUNNING)) {
            assertThat(engineer.post("/api/v1/labs/" + lab + "/start", null).status()).isEqualTo(202);
        }
        waitFor(RUNNING + " labs RUNNING", Duration.ofMinutes(10), () -> engineer.get("/api/v1/labs/states").json()
                .get("items").valueStream().filter(s -> s.get("state").asString().equals("RUNNING")).count() == RUNNING);
        progress(RUNNING + " labs running");
        String engineerCookie = signIn(engineer.token());
        String page = get("/labs", engineerCookie).body();
        assertThat(page.split("data-lab-state=", -1).length - 1).isEqualTo(LABS);
        out.append(times("GET /labs (" + LABS + " labs, " + RUNNING + " running)", "/labs", engineerCookie));
        out.append(plans(engineer));
        if (LABS_ONLY) {
            write(out.append("# the labs page only (-Dbench.part=labs): no class view, no class stream\n"));
            return;
        }

        // a course of 300 students, a class session, the class's labs starting: counted on ONE class view stream
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/capacity/pools", "{\"name\":\"bench-" + suffix
                + "\",\"vcpus\":4000,\"memoryMib\":4194304,\"nodes\":5000}").status()).isEqualTo(201);
        ApiClient instructor = api().newUser();
        String template = created(instructor.post("/api/v1/labs", TEMPLATE.formatted("template-" + suffix)));
        String course = "bench-" + suffix;
        Response made = instructor.post("/api/v1/courses", "{\"name\":\"" + course + "\",\"title\":\"Bench\","
                + "\"templateLab\":\"" + template + "\",\"pool\":\"bench-" + suffix + "\",\"endAction\":\"stop\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        StringBuilder roster = new StringBuilder("{\"members\":[");
        for (int i = 0; i < STUDENTS; i++) {
            roster.append(i == 0 ? "" : ",").append("{\"username\":\"").append(api().newUser().username())
                    .append("\",\"role\":\"student\"}");
        }
        Response enrolled = instructor.post("/api/v1/courses/" + course + "/roster", roster.append("]}").toString());
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);

        progress(STUDENTS + " students enrolled");
        Instant quarter = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(
                (Instant.now().getEpochSecond() % 3600) / 900 * 15));
        clock.set(quarter.plus(Duration.ofMinutes(5)));
        Instant start = quarter.plus(Duration.ofMinutes(15));
        Response session = instructor.post("/api/v1/courses/" + course + "/sessions", "{\"start\":\"" + start
                + "\",\"end\":\"" + start.plus(Duration.ofHours(1)) + "\"}");
        assertThat(session.status()).as(session.body()).isEqualTo(201);

        Map<String, String> latest = new ConcurrentHashMap<>(); // student -> state ready/total as the stream said
        AtomicInteger studentEvents = new AtomicInteger();
        AtomicInteger classEvents = new AtomicInteger();
        HttpResponse<Stream<String>> stream = HTTP.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + port + "/api/v1/courses/" + course + "/class/events")).header("Authorization", "Bearer "
                        + instructor.token()).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(60, TimeUnit.SECONDS);
        String[] event = {null};
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> stream.body().forEach(line -> {
            if (line.startsWith("event:")) {
                event[0] = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                JsonNode data = ApiClient.JSON.readTree(line.substring(5));
                if ("class".equals(event[0])) {
                    classEvents.incrementAndGet();
                    data.get("students").forEach(s -> latest.put(s.get("username").asString(), row(s)));
                } else {
                    studentEvents.incrementAndGet();
                    latest.put(data.get("username").asString(), row(data));
                }
            }
        }));
        waitFor("the first class event", Duration.ofMinutes(2), () -> latest.size() == STUDENTS);
        progress("the stream shows " + STUDENTS + " students; the session starts");
        long started = System.nanoTime();
        clock.set(start.plus(Duration.ofMinutes(1))); // the session runs: every student's lab starts
        waitFor("every student's lab ready on the one stream", Duration.ofMinutes(20),
                () -> latest.values().stream().filter(r -> r.equals("RUNNING 2/2")).count() == STUDENTS);
        double seconds = (System.nanoTime() - started) / 1e9;
        stream.body().close();
        reading.cancel(true);
        out.append(String.format("ONE class stream, %d students' labs (2 routers each) starting: %d 'student' events"
                        + " + %d 'class' events received; all %d READY on the stream %.0f s after the start%n",
                STUDENTS, studentEvents.get(), classEvents.get(), STUDENTS, seconds));

        String instructorCookie = signIn(instructor.token());
        out.append(times("GET /api/v1/courses/{c}/class (" + STUDENTS + " students)", "/api/v1/courses/" + course + "/class",
                instructorCookie));
        out.append(times("GET /courses/{c}/class (the page's frame)", "/courses/" + course + "/class",
                instructorCookie));

        write(out);
    }

    /**
     * The plans of the labs page's statements at this size, as PostgreSQL runs them after the timed requests: the two
     * lists (the lab module's statements, read with EXPLAIN ANALYZE) and the states of every listed lab.
     */
    private String plans(ApiClient engineer) {
        UUID user = jdbc.sql("select id from users where username = ?").param(engineer.username()).query(UUID.class)
                .single();
        List<UUID> labs = engineer.get("/api/v1/labs/states").json().get("items").valueStream()
                .map(s -> UUID.fromString(s.get("id").asString())).toList();
        int limit = 1000; // LabPages.LIST_LIMIT
        return "# the labs page's statements, EXPLAIN (ANALYZE, BUFFERS), at most " + limit + " rows a list\n"
                + LabListPlans.explain(jdbc, user, limit, 5)
                + LabStatePlans.explain(jdbcTemplate, labs, 5);
    }

    private static void write(StringBuilder out) throws java.io.IOException {
        Path dir = Path.of("target", "web-bench");
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC)
                .format(Clock.systemUTC().instant());
        Files.writeString(dir.resolve("web-pages-" + stamp + ".txt"), out);
        System.out.print(out);
    }

    /** Where a run is, on the console: a run that does not finish says which step it was stuck in. */
    private static void progress(String step) {
        System.out.println("# " + Instant.now() + " " + step + " (load " + load() + ")");
    }

    private static String row(JsonNode student) {
        return student.get("state").asString() + " " + student.get("ready").asInt() + "/" + student.get("total").asInt();
    }

    /**
     * The path's latency, each request followed by one to {@code /actuator/health} (the baseline: the same loopback,
     * the same neighbours, no work), so that a loaded machine shows as a slow baseline too.
     */
    private String times(String what, String path, String cookie) {
        for (int i = 0; i < WARM_UP; i++) {
            assertThat(get(path, cookie).statusCode()).isEqualTo(200);
        }
        long[] nanos = new long[RUNS];
        long[] health = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            assertThat(get(path, cookie).statusCode()).isEqualTo(200);
            nanos[i] = System.nanoTime() - t;
            t = System.nanoTime();
            assertThat(get("/actuator/health", cookie).statusCode()).isEqualTo(200);
            health[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        Arrays.sort(health);
        return String.format("%-46s runs %d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (load %s)%n"
                        + "%-46s runs %d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what,
                RUNS, nanos[RUNS / 2] / 1e6, nanos[RUNS * 95 / 100] / 1e6, nanos[RUNS * 99 / 100] / 1e6,
                nanos[RUNS - 1] / 1e6, load(), "  interleaved GET /actuator/health (baseline)", RUNS,
                health[RUNS / 2] / 1e6, health[RUNS * 95 / 100] / 1e6, health[RUNS * 99 / 100] / 1e6,
                health[RUNS - 1] / 1e6);
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private HttpResponse<String> get(String path, String cookie) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", cookie).header("Accept", "text/html,application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String signIn(String token) {
        Response signedIn = anonymous().send("POST", "/signin", "token=" + token, "application/x-www-form-urlencoded");
        String header = signedIn.header("Set-Cookie");
        return header.substring(0, header.indexOf(';'));
    }

    private static String created(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static void waitFor(String what, Duration timeout, java.util.function.BooleanSupplier done)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(500);
        }
    }
}
