package dev.labforge.cluster.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labforge.ApiClient;
import dev.labforge.ApiClient.Response;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.access.Caller;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The serial console of a running node on the simulated cluster, opened the way a browser does: ticket, then socket. */
class ConsoleApiTest extends IntegrationTest {

    static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr","startupConfig":"hostname r1\\ninterface eth1\\n ip address 10.0.0.1/31\\n"},
              {"name":"r2","image":"frr"}],
             "links":[{"endpoints":["r1:eth1","r2:eth1"],"mtu":9000}]}""";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsoleTickets tickets;
    @Autowired
    ConsoleProperties properties;
    @Autowired
    ConsoleSessions sessions;

    private ApiClient owner;
    private UUID lab;

    @BeforeEach
    void runningLab() {
        Catalog.ensure(api());
        owner = api().newUser();
        lab = startedLab(owner);
    }

    static UUID startedLab(ApiClient owner) {
        String id = owner.post("/api/v1/labs", LAB.formatted("console-" + UUID.randomUUID().toString().substring(0, 8)))
                .json().get("id").asString();
        assertThat(owner.post("/api/v1/labs/" + id + "/start", "").status()).isEqualTo(202);
        await("the lab RUNNING", () -> "RUNNING".equals(owner.get("/api/v1/labs/" + id).json().get("status")
                .get("state").asString()));
        return UUID.fromString(id);
    }

    @Test
    void aTicketOpensTheSerialConsoleWhereTheSimulatedShellAnswersFromTheLab() throws Exception {
        Response ticket = owner.post(tickets(lab, "r1"), "{\"kind\":\"serial\"}");
        assertThat(ticket.status()).isEqualTo(201);
        assertThat(ticket.json().get("ticket").asString()).startsWith(ConsoleTickets.PREFIX);
        assertThat(ticket.json().get("url").asString())
                .isEqualTo("/api/v1/labs/" + lab + "/nodes/r1/console?ticket=" + ticket.json().get("ticket").asString());

        try (ConsoleClient console = ConsoleClient.open(port, ticket.json().get("url").asString())) {
            assertThat(console.awaitOutput("r1 login: ")).contains("SIMULATED router r1");
            console.type("student\r");
            console.awaitOutput("Password: ");
            console.type("secret\r");
            console.awaitOutput("r1# ");
            assertThat(console.output()).doesNotContain("secret");

            console.type("show running-config\r");
            String config = console.awaitOutput(o -> o.endsWith("r1# ") && o.contains("10.0.0.1/31"), "the config");
            assertThat(config).contains("hostname r1\r\ninterface eth1\r\n ip address 10.0.0.1/31");

            console.type("show interfaces\r");
            assertThat(console.awaitOutput("r2:eth1")).containsPattern("eth1 +9000 +r2:eth1 +up");

            console.type("show status\r");
            assertThat(console.awaitOutput("node r1: ")).contains("node r1: READY");
        }
    }

    @Test
    void openingAndClosingAConsoleAreAuditedWithTheDuration() throws Exception {
        String url = owner.post(tickets(lab, "r2"), "").json().get("url").asString();
        try (ConsoleClient console = ConsoleClient.open(port, url)) {
            console.awaitOutput("r2 login: ");
        }
        String actor = owner.get("/api/v1/me").json().get("username").asString();
        await("the console's close audited", () -> jdbc.sql("select count(*) from audit_log where target_id = ?"
                + " and action = 'console.close'").param(lab.toString()).query(Long.class).single() == 1);
        var entries = jdbc.sql("select action, actor_name, target_kind, detail::text as detail from audit_log"
                        + " where target_id = ? and action like 'console.%' order by id")
                .param(lab.toString()).query().listOfRows();
        assertThat(entries).extracting(row -> row.get("action")).containsExactly("console.open", "console.close");
        assertThat(entries).allSatisfy(row -> {
            assertThat(row.get("actor_name")).isEqualTo(actor);
            assertThat(row.get("target_kind")).isEqualTo("lab");
            assertThat((String) row.get("detail")).contains("\"node\": \"r2\"").contains("\"kind\": \"serial\"");
        });
        assertThat((String) entries.get(1).get("detail")).contains("\"durationSeconds\": ").contains("\"closeCode\": 1000");
    }

    @Test
    void oneUserHoldsAtMostTheConfiguredNumberOfConsolesAndTheNextIsAProblemBeforeTheUpgrade() throws Exception {
        int max = properties.maxSessionsPerUser();
        UUID user = UUID.fromString(owner.get("/api/v1/me").json().get("id").asString());
        java.util.List<ConsoleClient> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < max; i++) {
                String node = i % 2 == 0 ? "r1" : "r2";
                ConsoleClient console = ConsoleClient.open(port, owner.post(tickets(lab, node), "").json().get("url")
                        .asString());
                open.add(console);
                console.awaitOutput(node + " login: ");
            }
            JsonNode refused = refusal(owner.post(tickets(lab, "r1"), "").json().get("url").asString());
            assertThat(refused.get("status").asInt()).isEqualTo(403);
            assertThat(refused.get("type").asString()).isEqualTo("https://labforge.dev/problems/quota-exceeded");
            assertThat(refused.get("detail").asString()).contains("has " + max + " consoles open");
            assertThat(refused.get("limit").asString()).isEqualTo("consoleSessions");
            assertThat(refused.get("max").asInt()).isEqualTo(max);
            // another user is not held back by this one
            try (ConsoleClient other = ConsoleClient.open(port, shared(lab, "r2"))) {
                other.awaitOutput("r2 login: ");
            }

            open.removeFirst().close();
            await("the closed console no longer counted", () -> sessions.held(user) == max - 1);
            try (ConsoleClient again = ConsoleClient.open(port, owner.post(tickets(lab, "r1"), "").json().get("url")
                    .asString())) {
                again.awaitOutput("r1 login: ");
            }
        } finally {
            open.forEach(ConsoleClient::close);
        }
    }

    /** A ticket for a second user with operate on the lab. */
    private String shared(UUID lab, String node) {
        ApiClient operator = api().newUser();
        assertThat(owner.put("/api/v1/labs/" + lab + "/access", "{\"grants\":[{\"user\":\"" + operator.username()
                + "\",\"level\":\"operate\"}]}").status()).isEqualTo(200);
        return operator.post(tickets(lab, node), "").json().get("url").asString();
    }

    @Test
    void aTicketOpensOneConsoleOnce() throws Exception {
        String url = owner.post(tickets(lab, "r1"), "").json().get("url").asString();
        try (ConsoleClient first = ConsoleClient.open(port, url)) {
            first.awaitOutput("r1 login: ");
            assertThatThrownBy(() -> ConsoleClient.open(port, url))
                    .isInstanceOfSatisfying(ConsoleClient.Refused.class, r -> assertThat(r.status).isEqualTo(401));
        }
        assertThat(refusal(url).get("detail").asString()).contains("used already");
    }

    @Test
    void aTicketExpires() throws Exception {
        // bought "31 s ago": the service's clock says it expired a second ago
        Caller buyer = caller(owner);
        ConsoleTickets earlier = new ConsoleTickets(jdbc, properties.ticketLifetime(),
                Clock.offset(Clock.systemUTC(), properties.ticketLifetime().plusSeconds(1).negated()));
        String expired = earlier.issue(buyer, lab, "r1", ConsoleKind.SERIAL).ticket();
        ConsoleTickets justNow = new ConsoleTickets(jdbc, properties.ticketLifetime(),
                Clock.offset(Clock.systemUTC(), properties.ticketLifetime().minusSeconds(5).negated()));
        String fresh = justNow.issue(buyer, lab, "r1", ConsoleKind.SERIAL).ticket();

        JsonNode refused = refusal(path(lab, "r1", "console") + "?ticket=" + expired);
        assertThat(refused.get("status").asInt()).isEqualTo(401);
        assertThat(refused.get("detail").asString()).contains("expired");
        try (ConsoleClient console = ConsoleClient.open(port, path(lab, "r1", "console") + "?ticket=" + fresh)) {
            console.awaitOutput("r1 login: ");
        }
    }

    @Test
    void aTicketIsBoundToItsNodeAndKind() throws Exception {
        String forR1 = owner.post(tickets(lab, "r1"), "").json().get("ticket").asString();
        JsonNode otherNode = refusal(path(lab, "r2", "console") + "?ticket=" + forR1);
        assertThat(otherNode.get("status").asInt()).isEqualTo(403);
        assertThat(otherNode.get("detail").asString()).contains("node r1").contains("spent");
        // spent by the wrong attempt: not good for its own node either
        assertThat(refusal(path(lab, "r1", "console") + "?ticket=" + forR1).get("status").asInt()).isEqualTo(401);

        String forVnc = tickets.issue(caller(owner), lab, "r1", ConsoleKind.VNC).ticket();
        assertThat(refusal(path(lab, "r1", "console") + "?ticket=" + forVnc).get("status").asInt()).isEqualTo(403);

        ApiClient other = api().newUser();
        UUID otherLab = startedLab(other);
        String forOtherLab = other.post(tickets(otherLab, "r1"), "").json().get("ticket").asString();
        assertThat(refusal(path(lab, "r1", "console") + "?ticket=" + forOtherLab).get("status").asInt())
                .isEqualTo(403);
    }

    @Test
    void viewMayNotOpenAConsoleAndOperateMay() throws Exception {
        ApiClient viewer = api().newUser();
        ApiClient operator = api().newUser();
        assertThat(owner.put("/api/v1/labs/" + lab + "/access", "{\"grants\":[{\"user\":\"" + viewer.username()
                + "\",\"level\":\"view\"},{\"user\":\"" + operator.username() + "\",\"level\":\"operate\"}]}")
                .status()).isEqualTo(200);

        Response refused = viewer.post(tickets(lab, "r1"), "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("needs operate");
        // nor with a ticket somehow bought for them: the socket asks again
        String smuggled = tickets.issue(caller(viewer), lab, "r1", ConsoleKind.SERIAL).ticket();
        assertThat(refusal(path(lab, "r1", "console") + "?ticket=" + smuggled).get("status").asInt()).isEqualTo(403);

        try (ConsoleClient console = ConsoleClient.open(port, operator.post(tickets(lab, "r1"), "").json().get("url")
                .asString())) {
            console.awaitOutput("r1 login: ");
        }
        assertThat(anonymous().post(tickets(lab, "r1"), "").status()).isEqualTo(401);
        assertThat(api().newUser().post(tickets(lab, "r1"), "").status()).isEqualTo(404);
    }

    @Test
    void unknownNodesStoppedNodesAndBadInputAreProblemsBeforeAnyUpgrade() throws Exception {
        Response unknown = owner.post(tickets(lab, "r9"), "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).contains("no node r9");

        Response badKind = owner.post(tickets(lab, "r1"), "{\"kind\":\"telnet\"}");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("errors").get(0).get("pointer").asString()).isEqualTo("/kind");

        String beforeStop = owner.post(tickets(lab, "r2"), "").json().get("url").asString();
        assertThat(owner.post("/api/v1/labs/" + lab + "/nodes/r2/stop", "").status()).isEqualTo(202);
        await("r2 STOPPED", () -> owner.get("/api/v1/labs/" + lab).json().get("status").get("nodes").valueStream()
                .anyMatch(n -> n.get("name").asString().equals("r2") && n.get("state").asString().equals("STOPPED")));
        Response stopped = owner.post(tickets(lab, "r2"), "");
        assertThat(stopped.status()).isEqualTo(409);
        assertThat(stopped.json().get("detail").asString()).contains("node r2 is stopped");
        JsonNode late = refusal(beforeStop);
        assertThat(late.get("status").asInt()).isEqualTo(409);

        assertThat(refusal(path(lab, "r1", "console")).get("status").asInt()).isEqualTo(401);
        assertThat(refusal("/api/v1/labs/not-a-lab/nodes/r1/console?ticket=lfc_x").get("status").asInt())
                .isEqualTo(400);
    }

    /** The problem document a refused upgrade answers with: the same request, sent as a plain upgrade GET. */
    private JsonNode refusal(String pathAndQuery) throws java.io.IOException {
        RawUpgrade.Answer answer = RawUpgrade.send(port, pathAndQuery);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problem = ApiClient.JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
        assertThat(problem.get("type").asString()).startsWith("https://labforge.dev/problems/");
        return problem;
    }

    static String tickets(UUID lab, String node) {
        return "/api/v1/labs/" + lab + "/nodes/" + node + "/console/tickets";
    }

    static String path(UUID lab, String node, String kind) {
        return "/api/v1/labs/" + lab + "/nodes/" + node + "/" + kind;
    }

    /** The user behind a client, as the ticket store takes them: their API token's credential. */
    private Caller caller(ApiClient client) {
        JsonNode me = client.get("/api/v1/me").json();
        UUID tokenId = jdbc.sql("select t.id from api_tokens t join users u on u.id = t.user_id where u.username = ?"
                + " order by t.created_at limit 1").param(client.username()).query(UUID.class).single();
        return new Caller(UUID.fromString(me.get("id").asString()), client.username(), false, "token:" + tokenId, null);
    }

    static void await(String what, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up after 30 s waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
