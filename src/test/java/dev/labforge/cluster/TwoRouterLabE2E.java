package dev.labforge.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labforge.ApiClient;
import dev.labforge.IntegrationTest;
import dev.labforge.LabForgeApplication;
import dev.labforge.TestDatabase;
import dev.labforge.cluster.kubevirt.KubeVirt;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.plan.ClusterLabels;
import dev.labforge.cluster.plan.LabPlanner;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End to end on a real cluster with KubeVirt and Multus ({@code mvn verify -Pe2e}, README "End-to-end tests"): a
 * LabForge service in this JVM drives the cluster the kubeconfig names, runs a lab of two routers joined by one link
 * on a small public VM image (CirrOS), waits for READY, logs in on each serial console, addresses the link's ends and
 * pings across it, then destroys the lab and checks that nothing of it is left in the cluster.
 *
 * <p>Skipped, with the reason, without a kubeconfig ({@code -De2e.kubeconfig}, else {@code KUBECONFIG}, else
 * {@code ~/.kube/config}). The default build never runs it: its name is no test class's for Surefire.
 */
class TwoRouterLabE2E {

    /** KubeVirt's own demo image: CirrOS, about 20 MB, a serial console login and busybox's ping. */
    private static final String IMAGE = System.getProperty("e2e.image",
            "quay.io/kubevirt/cirros-container-disk-demo:v1.7.2");
    private static final Duration READY_WITHIN = Duration.ofMinutes(10);
    private static final Duration CONSOLE_WAIT = Duration.ofMinutes(3);
    private static final Duration GONE_WITHIN = Duration.ofMinutes(5);

    private static ConfigurableApplicationContext service;
    private static KubernetesClient cluster;
    private static ApiClient user;
    private static int port;

    private static final String NO_CLUSTER = "SKIPPED TwoRouterLabE2E: no kubeconfig. The end-to-end suite needs a"
            + " cluster with KubeVirt and Multus: -De2e.kubeconfig=<file>, or KUBECONFIG, or ~/.kube/config (README,"
            + " \"End-to-end tests on a real cluster\")";

    @BeforeAll
    static void startLabForgeOnTheCluster() throws Exception {
        Path kubeconfig = kubeconfig();
        if (kubeconfig == null) {
            System.out.println(NO_CLUSTER); // Surefire's summary counts a skip but does not say why
            return;
        }
        cluster = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, Files.readString(kubeconfig),
                kubeconfig.toString())).build();
        Map<String, Supplier<Object>> settings = new HashMap<>();
        IntegrationTest.service((name, value) -> settings.put(name, value), TestDatabase.own("labforge_e2e"));
        settings.put("server.port", () -> "0");
        settings.put("labforge.cluster.kubeconfig", kubeconfig::toString);
        settings.put("labforge.cluster.link-driver", () -> "bridge");
        String[] arguments = settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "="
                + setting.getValue().get()).toArray(String[]::new);
        service = new SpringApplicationBuilder(LabForgeApplication.class).run(arguments);
        port = Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port"));
        ApiClient admin = new ApiClient(port, IntegrationTest.ADMIN_TOKEN);
        int registered = admin.post("/api/v1/images", """
                {"name":"cirros","description":"CirrOS (KubeVirt's demo containerDisk)","containerDisk":"%s",
                 "clabKind":"linux","defaultCpu":1,"defaultMemoryMib":256,
                 "interfaces":{"pattern":"eth{n}","firstPort":1,"maxPorts":4},
                 "nicModel":"virtio","configDelivery":"NOCLOUD","readiness":{"probe":"TCP","port":22}}"""
                .formatted(IMAGE)).status();
        assertThat(registered).as("the image registered").isIn(201, 409);
        user = admin.newUser();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void needsACluster() {
        Assumptions.assumeTrue(service != null, NO_CLUSTER);
    }

    @Test
    void twoRoutersComeUpTalkOverTheirLinkAndLeaveNothingWhenDestroyed() throws Exception {
        ApiClient.Response created = user.post("/api/v1/labs", """
                {"name":"e2e-%s","nodes":[{"name":"r1","image":"cirros"},{"name":"r2","image":"cirros"}],
                 "links":[{"endpoints":["r1:eth1","r2:eth1"]}]}""".formatted(UUID.randomUUID().toString()
                .substring(0, 8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID lab = UUID.fromString(created.json().get("id").asString());
        try {
            assertThat(user.post("/api/v1/labs/" + lab + "/start", "").status()).isEqualTo(202);
            Await.until("both routers READY", READY_WITHIN, Duration.ofSeconds(2),
                    () -> "RUNNING".equals(state(lab)), () -> user.get("/api/v1/labs/" + lab).body());

            try (Console r1 = Console.open(port, user, lab, "r1"); Console r2 = Console.open(port, user, lab, "r2")) {
                r1.logIn();
                r2.logIn();
                r1.run("sudo ip link set eth1 up && sudo ip addr add 10.99.0.1/30 dev eth1");
                r2.run("sudo ip link set eth1 up && sudo ip addr add 10.99.0.2/30 dev eth1");
                String ping = r1.run("ping -c 3 -W 2 10.99.0.2");
                assertThat(ping).as("r1 pings r2 over the link").contains("3 packets received");
            }
        } finally {
            user.post("/api/v1/labs/" + lab + "/destroy", "");
        }
        Await.until("the lab torn down", GONE_WITHIN, Duration.ofSeconds(2), () -> "DEFINED".equals(state(lab)),
                () -> user.get("/api/v1/labs/" + lab).body());
        String namespace = LabPlanner.namespaceOf(lab);
        Await.until("nothing of the lab left in the cluster", GONE_WITHIN, Duration.ofSeconds(2),
                () -> cluster.namespaces().withName(namespace).get() == null && leftovers(lab) == 0,
                () -> "namespace " + cluster.namespaces().withName(namespace).get() + ", " + leftovers(lab)
                        + " labelled objects");
    }

    private static int leftovers(UUID lab) {
        String id = lab.toString();
        return cluster.genericKubernetesResources(KubeVirt.VM).inAnyNamespace().withLabel(ClusterLabels.LAB, id)
                .list().getItems().size()
                + cluster.genericKubernetesResources(Multus.NAD).inAnyNamespace().withLabel(ClusterLabels.LAB, id)
                .list().getItems().size()
                + cluster.secrets().inAnyNamespace().withLabel(ClusterLabels.LAB, id).list().getItems().size();
    }

    private static String state(UUID lab) {
        return user.get("/api/v1/labs/" + lab).json().get("status").get("state").asString();
    }

    private static Path kubeconfig() {
        String given = System.getProperty("e2e.kubeconfig", "");
        if (given.isBlank()) {
            given = System.getenv().getOrDefault("KUBECONFIG", "");
        }
        Path path = given.isBlank() ? Path.of(System.getProperty("user.home"), ".kube", "config") : Path.of(given);
        return Files.isReadable(path) ? path : null;
    }

    /** A router's serial console, typed into as a person would, read until what is awaited shows. */
    private static final class Console implements WebSocket.Listener, AutoCloseable {

        private static final HttpClient HTTP = HttpClient.newHttpClient();
        private final StringBuilder output = new StringBuilder();
        private WebSocket socket;

        static Console open(int port, ApiClient user, UUID lab, String node) throws Exception {
            ApiClient.Response ticket = user.post("/api/v1/labs/" + lab + "/nodes/" + node + "/console/tickets",
                    "{\"kind\":\"serial\"}");
            assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
            Console console = new Console();
            console.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20))
                    .buildAsync(URI.create("ws://localhost:" + port + ticket.json().get("url").asString()), console)
                    .get(20, TimeUnit.SECONDS);
            return console;
        }

        /** CirrOS's documented demo login; a prompt ending in "$ " after it. */
        void logIn() {
            int from = seen();
            type("\n");
            from = await("login:", from);
            type("cirros\n");
            from = await("assword:", from);
            type("gocubsgo\n");
            await("$ ", from);
        }

        /** Runs a command and returns what it printed up to the next prompt. */
        String run(String command) {
            int from = seen();
            // the typed line echoes "exit""=": only the shell's answer reads exit=
            type(command + "; echo \"exit\"\"=$?\"\n");
            await("$ ", await("exit=", from));
            synchronized (this) {
                return output.substring(from);
            }
        }

        private synchronized int seen() {
            return output.length();
        }

        private void type(String keys) {
            socket.sendBinary(ByteBuffer.wrap(keys.getBytes(StandardCharsets.UTF_8)), true).join();
        }

        /** Waits until {@code text} shows at or after {@code from}; returns where it ends. */
        private synchronized int await(String text, int from) {
            long deadline = System.nanoTime() + CONSOLE_WAIT.toNanos();
            int at;
            while ((at = output.indexOf(text, from)) < 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no \"" + text + "\" on the console within " + CONSOLE_WAIT
                            + "; it showed:\n" + output);
                }
                try {
                    wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return at + text.length();
        }

        @Override
        public synchronized CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            output.append(new String(bytes, StandardCharsets.UTF_8));
            notifyAll();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
