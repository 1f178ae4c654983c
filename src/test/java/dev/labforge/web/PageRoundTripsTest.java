package dev.labforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.RequestAllocations;
import dev.labforge.RoundTrips;
import dev.labforge.cluster.Await;
import jakarta.servlet.FilterRegistration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The pages' database round trips do not grow with what they show: the labs page of an engineer with 3 labs and with
 * 12 (theirs, their team's, shared with them; some running), and the class view a class page opens with, for 1
 * student and for 5, take the same number of round trips. This is what keeps the 500-lab page and the 300-student
 * class view under their time budget (bench/web-pages.sh) without timing anything here: a query per lab or per
 * student (N+1) fails it whatever the machine's load. The labs page's rows are bounded the same way in what they
 * allocate, and none looks a static file up for its link.
 */
class PageRoundTripsTest extends IntegrationTest {

    // a row's share of the labs page with its rows written in Java (LabRowRenderer): about 2.7 KB, from its data
    // to the bytes sent; the rest is room for a JIT compiler that has not yet removed short-lived objects. Each row
    // rendered by Thymeleaf's expressions took 24.6 KB (docs/benchmarks.md, "Web pages")
    private static final long ROW_BYTES = 6_000;
    private static final String ONE_ROUTER = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr","cpu":1,"memoryMib":512}],"links":[]}""";

    @Autowired
    WebApplicationContext context;

    @BeforeEach
    void catalog() {
        Catalog.ensure(api());
    }

    @Test
    void theLabsPageTakesAsManyRoundTripsForTwelveLabsAsForThree() {
        ApiClient engineer = api().newUser();
        ApiClient colleague = api().newUser();
        String team = "trips-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(engineer.post("/api/v1/teams", "{\"name\":\"" + team + "\"}").status()).isEqualTo(201);
        String cookie = signIn(engineer.token());
        List<String> running = new ArrayList<>();

        labs(engineer, colleague, team, 1, running);
        List<String> few = measured(probe -> anonymous().get("/labs", "Cookie", cookie, RoundTrips.HEADER, probe));
        labs(engineer, colleague, team, 3, running);
        Response page = anonymous().get("/labs", "Cookie", cookie);
        assertThat(page.body().split("data-lab-state=", -1).length - 1).isEqualTo(12);
        assertThat(page.body().split("data-state=\"RUNNING\"", -1).length - 1).isEqualTo(running.size());
        List<String> many = measured(probe -> anonymous().get("/labs", "Cookie", cookie, RoundTrips.HEADER, probe));

        assertThat(many).as("round trips for 12 labs: %s%nfor 3: %s", many, few).hasSameSizeAs(few);
        assertThat(many.size()).as("the session; owned and shared labs; owners' and teams' names; commit; states: %s",
                many).isLessThanOrEqualTo(7);
    }

    /**
     * What each row of the labs page costs, without timing it (the machine's load does not matter): no static file
     * looked up for its link, and a bounded number of bytes allocated while the service renders it (about 2.7 KB;
     * 24.6 KB when the template evaluated a dozen expressions a row). Each
     * row's link once went through Spring's resource chain (webjars on the class path turn it on), which looked the
     * lab's path up as a static file in every jar, uncached when not found: most of the page's time at 500 labs
     * (docs/benchmarks.md, "Web pages"). That search costs CPU more than memory (34 KB a row with it), so the chain's
     * absence is checked as such; the byte bound catches other work per row (a statement, a formatter built per row).
     */
    @Test
    void eachRowOfTheLabsPageLooksUpNoStaticFileAndAllocatesAFewKilobytes() {
        // the filters the running server applies, however they were registered
        assertThat(context.getServletContext().getFilterRegistrations().values())
                .extracting(FilterRegistration::getClassName)
                .as("Spring's resource chain is on (spring.web.resources.chain.enabled): every link a page renders"
                        + " is then looked up as a static file in every jar")
                .doesNotContain(ResourceUrlEncodingFilter.class.getName());

        ApiClient engineer = api().newUser();
        ApiClient colleague = api().newUser();
        String team = "rows-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(engineer.post("/api/v1/teams", "{\"name\":\"" + team + "\"}").status()).isEqualTo(201);
        String cookie = signIn(engineer.token());

        defined(engineer, colleague, team, 1);
        long few = allocated(cookie, 3);
        defined(engineer, colleague, team, 10);
        long many = allocated(cookie, 33);

        long perRow = (many - few) / 30;
        assertThat(perRow).as("bytes allocated per row of the labs page (3 rows: %d, 33 rows: %d)", few, many)
                .isLessThan(ROW_BYTES);
    }

    @Test
    void theClassViewTakesAsManyRoundTripsForFiveStudentsAsForOne() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        assertThat(api().post("/api/v1/capacity/pools", "{\"name\":\"trips-" + suffix
                + "\",\"vcpus\":64,\"memoryMib\":1048576,\"nodes\":1000}").status()).isEqualTo(201);
        ApiClient instructor = api().newUser();
        Response lab = instructor.post("/api/v1/labs", ONE_ROUTER.formatted("template-" + suffix));
        String course = "trips-" + suffix;
        Response made = instructor.post("/api/v1/courses", "{\"name\":\"" + course + "\",\"templateLab\":\""
                + lab.json().get("id").asString() + "\",\"pool\":\"trips-" + suffix + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String cookie = signIn(instructor.token());
        String path = "/api/v1/courses/" + course + "/class";

        enrol(instructor, course, 1);
        List<String> one = measured(probe -> anonymous().get(path, "Cookie", cookie, RoundTrips.HEADER, probe));
        List<String> labs = enrol(instructor, course, 4);
        for (String student : labs.subList(0, 2)) { // two of them running: their states are read too
            assertThat(instructor.post("/api/v1/labs/" + student + "/start", null).status()).isEqualTo(202);
        }
        Await.until("two students' labs running", Duration.ofMinutes(2), () -> anonymous().get(path, "Cookie",
                cookie).json().get("states").path("RUNNING").asInt(0) == 2, () -> "");
        List<String> five = measured(probe -> anonymous().get(path, "Cookie", cookie, RoundTrips.HEADER, probe));

        assertThat(anonymous().get(path, "Cookie", cookie).json().get("students").size()).isEqualTo(5);
        assertThat(five).as("round trips for 5 students: %s%nfor 1: %s", five, one).hasSameSizeAs(one);
    }

    /** Adds {@code n} labs of each kind (theirs, their team's, shared with them), starting one of theirs. */
    private static void labs(ApiClient engineer, ApiClient colleague, String team, int n, List<String> running) {
        for (int i = 0; i < n; i++) {
            String mine = created(engineer.post("/api/v1/labs", ONE_ROUTER.formatted("mine-" + UUID.randomUUID())));
            created(engineer.post("/api/v1/labs?team=" + team, ONE_ROUTER.formatted("team-" + UUID.randomUUID())));
            String shared = created(colleague.post("/api/v1/labs", ONE_ROUTER.formatted("shared-" + UUID.randomUUID())));
            assertThat(colleague.put("/api/v1/labs/" + shared + "/access", "{\"grants\":[{\"user\":\""
                    + engineer.username() + "\",\"level\":\"view\"}]}").status()).isEqualTo(200);
            if (i % 2 == 0) {
                assertThat(engineer.post("/api/v1/labs/" + mine + "/start", null).status()).isEqualTo(202);
                running.add(mine);
            }
        }
        Await.until(running.size() + " labs running", Duration.ofMinutes(2), () -> engineer.get("/api/v1/labs/states")
                .json().get("items").valueStream().filter(s -> s.get("state").asString().equals("RUNNING"))
                .count() == running.size(), () -> "");
    }

    /** Adds {@code n} labs of each kind (theirs, their team's, shared with them), none started. */
    private static void defined(ApiClient engineer, ApiClient colleague, String team, int n) {
        for (int i = 0; i < n; i++) {
            created(engineer.post("/api/v1/labs", ONE_ROUTER.formatted("mine-" + UUID.randomUUID())));
            created(engineer.post("/api/v1/labs?team=" + team, ONE_ROUTER.formatted("team-" + UUID.randomUUID())));
            String shared = created(colleague.post("/api/v1/labs", ONE_ROUTER.formatted("shared-" + UUID.randomUUID())));
            assertThat(colleague.put("/api/v1/labs/" + shared + "/access", "{\"grants\":[{\"user\":\""
                    + engineer.username() + "\",\"level\":\"view\"}]}").status()).isEqualTo(200);
        }
    }

    /**
     * The fewest bytes the labs page allocated in five renderings of {@code rows} rows, after five unmeasured (the
     * first renderings of a page allocate for caches and the JIT compiler's profiles, which later ones do not).
     */
    private long allocated(String cookie, int rows) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            String probe = "allocations-" + UUID.randomUUID();
            Response page = anonymous().get("/labs", "Cookie", cookie, RequestAllocations.HEADER, probe);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body().split("data-lab-state=", -1).length - 1).isEqualTo(rows);
            if (i >= 5) {
                fewest = Math.min(fewest, RequestAllocations.of(probe));
            }
        }
        System.out.printf("labs page, %d rows: %d bytes allocated%n", rows, fewest);
        return fewest;
    }

    /** Enrols {@code n} new students; their labs' ids. */
    private List<String> enrol(ApiClient instructor, String course, int n) {
        List<String> labs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ApiClient student = api().newUser();
            assertThat(instructor.post("/api/v1/courses/" + course + "/roster", "{\"members\":[{\"username\":\""
                    + student.username() + "\"}]}").status()).isEqualTo(200);
            labs.add(student.get("/api/v1/courses/" + course).json().get("yourLab").asString());
        }
        return labs;
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

    /**
     * One request's round trips, sent again (up to three times) while one was a cache refreshing itself, which no
     * request pays for more often than its period (as in LabRoundTripsTest): the catalog, a token's or session's last use.
     */
    private static List<String> measured(Function<String, Response> request) {
        List<String> trips = List.of();
        for (int attempt = 0; attempt < 3; attempt++) {
            String probe = "probe-" + UUID.randomUUID();
            Response response = request.apply(probe);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            trips = RoundTrips.of(probe);
            if (trips.stream().noneMatch(trip -> trip.contains("from router_images") || trip.contains("last_used")
                    || trip.contains("last_seen"))) {
                return trips;
            }
        }
        return trips;
    }
}
