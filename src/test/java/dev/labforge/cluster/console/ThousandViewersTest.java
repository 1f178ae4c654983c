package dev.labforge.cluster.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.labforge.ApiClient;
import dev.labforge.Catalog;
import dev.labforge.IntegrationTest;
import dev.labforge.access.Caller;
import dev.labforge.cluster.Await;
import dev.labforge.threads.CountingThreadFactory;
import dev.labforge.threads.VirtualThreads;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * 1,000 console viewers held open by one service without a thread each: every viewer socket is idle until output
 * comes, and an idle socket holds no thread (Tomcat's NIO connector waits on a selector; a viewer's sender task runs
 * only while it has something to send). Both run on virtual threads of pools the service counts itself
 * ({@link VirtualThreads}: Tomcat's handshakes and frames on {@code http}, the senders on {@code console}), so the test
 * reads how many of those run from the pools' own counts; it does not observe threads from outside (a JDK thread dump
 * crashed the test JVM; JFR's virtual-thread events missed threads in the full suite). No other work of the service
 * runs on those pools, and the context is this class's own, so the counts are the viewers'. Five nodes with 200 viewers
 * each, so the per-node cap is raised for this test alone, as is the per-user limit (one account stands for a class
 * here).
 *
 * <p>Each socket costs two file descriptors in this JVM (the client's end and the server's): the test needs about
 * 2,100 beyond what the JVM holds already, and is skipped with a message where {@code ulimit -n} is lower.
 */
@TestPropertySource(properties = {"labforge.console.max-viewers-per-node=200",
        "labforge.console.max-sessions-per-user=1000"})
// its own properties make a context of its own on the shared database: closed after the class, so that it gives the
// reconciler lease back (held, it would keep the shared context's booking tests waiting for it 60 s and failing)
@DirtiesContext
class ThousandViewersTest extends IntegrationTest {

    private static final int NODES = 5;
    private static final int PER_NODE = 200;
    private static final String LAB = """
            {"name":"%s","nodes":[{"name":"r1","image":"frr"},{"name":"r2","image":"frr"},{"name":"r3","image":"frr"},
              {"name":"r4","image":"frr"},{"name":"r5","image":"frr"}]}""";

    @Autowired
    ConsoleTickets tickets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    VirtualThreads virtualThreads;

    @Test
    void aThousandIdleViewersHoldNoThreadEachAndAllStillReceiveOutput() throws Exception {
        var os = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long spare = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount();
        assumeTrue(spare > 2 * NODES * PER_NODE + 200, "needs ~2,200 spare file descriptors (ulimit -n); has " + spare);

        Catalog.ensure(api());
        ApiClient owner = api().newUser();
        String id = owner.post("/api/v1/labs", LAB.formatted("thousand-" + UUID.randomUUID().toString()
                .substring(0, 8))).json().get("id").asString();
        assertThat(owner.post("/api/v1/labs/" + id + "/start", "").status()).isEqualTo(202);
        ConsoleApiTest.await("the lab RUNNING", () -> "RUNNING".equals(owner.get("/api/v1/labs/" + id).json()
                .get("status").get("state").asString()));
        UUID lab = UUID.fromString(id);
        Caller caller = caller(owner);

        // the viewers' ends: one client whose callbacks run on four threads, so that the count measures the service
        ExecutorService callbacks = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder().executor(callbacks).build();
        List<ConsoleClient> viewers = new ArrayList<>();
        var threads = ManagementFactory.getThreadMXBean();
        try {
            // warm up: one console per node, so that pools the first console starts are there before counting
            for (int node = 1; node <= NODES; node++) {
                viewers.add(open(http, caller, lab, "r" + node));
            }
            for (ConsoleClient first : viewers) {
                first.awaitOutput("login: ");
            }
            int before = threads.getThreadCount();
            CountingThreadFactory httpPool = virtualThreads.pool(VirtualThreads.HTTP);
            CountingThreadFactory consolePool = virtualThreads.pool(VirtualThreads.CONSOLE);
            int virtualBefore = httpPool.live() + consolePool.live();
            long httpStarted = httpPool.started();
            long consoleStarted = consolePool.started();
            java.util.function.Supplier<String> pools = () -> "live http " + httpPool.live() + ", console "
                    + consolePool.live() + "; " + virtualBefore + " before";
            long started = System.nanoTime();

            List<CompletableFuture<ConsoleClient>> opening = new ArrayList<>();
            ExecutorService openers = Executors.newFixedThreadPool(8);
            for (int i = NODES; i < NODES * PER_NODE; i++) {
                String node = "r" + (i % NODES + 1);
                opening.add(CompletableFuture.supplyAsync(() -> open(http, caller, lab, node), openers));
            }
            for (CompletableFuture<ConsoleClient> each : opening) {
                viewers.add(each.join());
            }
            openers.shutdown();
            for (ConsoleClient viewer : viewers) {
                viewer.awaitOutput("login: "); // the scrollback, on joining
            }
            int idle = threads.getThreadCount();
            long opened = System.nanoTime();
            // the pools the viewers use did their work: one handshake each on http, a sender task each for the
            // scrollback on console (else the counts below would say nothing about the viewers)
            assertThat(httpPool.started() - httpStarted).as("handshakes on the http pool").isGreaterThanOrEqualTo(
                    NODES * PER_NODE - NODES);
            assertThat(consolePool.started() - consoleStarted).as("scrollback sends on the console pool")
                    .isGreaterThanOrEqualTo(NODES * PER_NODE - NODES);
            // a sender that has just sent the last scrollback may still be returning: the idle count is what remains
            Await.until("idle viewers holding fewer than 50 virtual threads", Duration.ofSeconds(30),
                    () -> httpPool.live() + consolePool.live() - virtualBefore < 50, pools);
            int virtualIdle = httpPool.live() + consolePool.live();
            long consoleOpened = consolePool.started();

            // every viewer still receives output: each node's driver types, all 200 at that node see the answer
            long typed = System.nanoTime();
            for (int node = 0; node < NODES; node++) {
                viewers.get(node).type("student\r");
            }
            for (ConsoleClient viewer : viewers) {
                viewer.awaitOutput("Password: ");
            }
            long delivered = System.nanoTime();
            int afterOutput = threads.getThreadCount();
            assertThat(consolePool.started() - consoleOpened).as("output sends on the console pool")
                    .isGreaterThanOrEqualTo(NODES * PER_NODE);
            // each sender task ends once its viewer's queue is empty: back to where the pools were before the
            // viewers
            Await.until("the viewers' virtual threads ended after the output", Duration.ofSeconds(30),
                    () -> httpPool.live() + consolePool.live() - virtualBefore < 5, pools);
            System.out.printf("ThousandViewersTest: %d viewers opened in %d ms, output to all in %d ms; platform threads"
                            + " %d before, %d idle, %d after output; virtual threads of the http and console pools %d"
                            + " before, %d idle, %d after output; fds %d of %d%n",
                    viewers.size(), (opened - started) / 1_000_000, (delivered - typed) / 1_000_000, before,
                    idle, afterOutput, virtualBefore, virtualIdle, httpPool.live() + consolePool.live(),
                    os.getOpenFileDescriptorCount(),
                    os.getMaxFileDescriptorCount());
            assertThat(viewers).hasSize(NODES * PER_NODE).noneMatch(ConsoleClient::isClosed);
            assertThat(idle - before).as("platform threads added by %d idle viewers (%d before, %d after output)",
                    viewers.size() - NODES, before, afterOutput).isLessThan(50);
            assertThat(afterOutput - before).as("platform threads once all received output").isLessThan(50);
        } finally {
            viewers.forEach(ConsoleClient::close);
            http.close();
            callbacks.shutdownNow();
        }
    }

    private ConsoleClient open(HttpClient http, Caller caller, UUID lab, String node) {
        String ticket = tickets.issue(caller, lab, node, ConsoleKind.SERIAL).ticket();
        try {
            return ConsoleClient.open(http, port, ConsoleApiTest.path(lab, node, "console") + "?ticket=" + ticket);
        } catch (ConsoleClient.Refused refused) {
            throw new AssertionError(refused);
        }
    }

    /** The user behind a client, as the ticket store takes them: their API token's credential. */
    private Caller caller(ApiClient client) {
        var me = client.get("/api/v1/me").json();
        UUID tokenId = jdbc.sql("select t.id from api_tokens t join users u on u.id = t.user_id where u.username = ?"
                + " order by t.created_at limit 1").param(client.username()).query(UUID.class).single();
        return new Caller(UUID.fromString(me.get("id").asString()), client.username(), false, "token:" + tokenId, null);
    }
}
