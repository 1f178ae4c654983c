package dev.labforge.nodeagent;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import dev.labforge.cluster.Await;
import dev.labforge.cluster.multus.Multus;
import dev.labforge.cluster.simulated.SimulatedCluster;
import dev.labforge.cluster.simulated.SimulatorSettings;
import dev.labforge.deploy.HelmChart;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node agent as the chart runs it, in a JVM of its own: the DaemonSet's command (its {@code java} flags, Jib's
 * classpath file, the main class) and environment, with this test's classpath in the file instead of the image's;
 * inside a network namespace of the test's own; as root with NET_ADMIN and no other capability, without privilege
 * escalation (setpriv, as the pod's securityContext does it); with no {@code ip} on its PATH, and iproute2's binary
 * replaced, in a mount namespace of the agent's own, by a tripwire that records every run. It must remove the
 * orphaned bridge, keep the others, trip nothing, and print no warning of the JVM's or its own.
 *
 * <p>What that proves: no run of {@code ip} during a whole run of the agent, libraries included, by name or by path,
 * from Java or native code (the test first checks that the tripwire trips); and that NET_ADMIN is all the agent
 * needs. Not proved: that it starts no other program (nothing in it does: {@link #theAgentsCodeReferencesNoProcessApi}
 * checks its classes, and its only native calls are socket, setsockopt, bind, sendto, recvfrom, close and strerror,
 * in {@link RouteSocket}); and anything about the image itself (its classpath file, its JRE: no container runs here).
 */
class NodeAgentProcessTest {

    private static final Duration AGENT_WAIT = Duration.ofMinutes(3);

    @Test
    void theChartsCommandRemovesAnOrphanWithNetAdminOnlyAndNoProcesses(@TempDir Path temp) throws Exception {
        try (NetworkNamespace namespace = NetworkNamespace.create();
             SimulatedCluster cluster = SimulatedCluster.start(SimulatorSettings.immediate())) {
            namespace.ip("link", "set", "lo", "up");
            // a node's NIC (one end of a veth pair here): Netty, under the API client, warns when it finds no
            // hardware address
            namespace.ip("link", "add", "eth0", "type", "veth", "peer", "name", "eth0-peer");
            namespace.ip("address", "add", "192.0.2.10/24", "dev", "eth0");
            namespace.ip("link", "set", "eth0", "up");
            for (String bridge : List.of("lfb1", "lfb2", "br-other")) {
                namespace.ip("link", "add", bridge, "type", "bridge");
            }
            nad(cluster, "lfb2");

            Container agent = HelmChart.render(Map.of("nodeAgent.enabled", true, "nodeAgent.interval", "1s",
                    "nodeAgent.grace", "1s")).one(DaemonSet.class).getSpec().getTemplate().getSpec()
                    .getContainers().getFirst();
            Path classpath = Files.writeString(temp.resolve("classpath"), System.getProperty("java.class.path"));
            Path kubeconfig = temp.resolve("kubeconfig");
            Path emptyPath = Files.createDirectory(temp.resolve("bin"));
            Path output = temp.resolve("agent.log");

            try (ServerSocket api = namespace.call(() -> new ServerSocket(0, 50, InetAddress.getLoopbackAddress()))) {
                forward(api, URI.create(cluster.url()));
                Files.writeString(kubeconfig, """
                        apiVersion: v1
                        kind: Config
                        clusters: [{name: test, cluster: {server: "http://127.0.0.1:%d"}}]
                        users: [{name: test, user: {token: test}}]
                        contexts: [{name: test, context: {cluster: test, user: test}}]
                        current-context: test
                        """.formatted(api.getLocalPort()));

                Path tripwire = tripwire(temp);
                Path tripped = temp.resolve("ip-ran");
                assertThat(run(wrapped(namespace, tripwire, List.of(executable("ip"), "-V")), emptyPath)).isNotZero();
                assertThat(read(tripped)).as("the tripwire trips when ip runs").contains("-V");
                Files.delete(tripped);

                List<String> java = new ArrayList<>();
                assertThat(agent.getCommand().getFirst()).isEqualTo("java");
                java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                for (String argument : agent.getCommand().subList(1, agent.getCommand().size())) {
                    java.add(argument.equals("@/app/jib-classpath-file") ? "@" + classpath : argument);
                }
                List<String> command = wrapped(namespace, tripwire, java);
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().clear();
                builder.environment().put("PATH", emptyPath.toString());
                builder.environment().put("KUBECONFIG", kubeconfig.toString());
                for (EnvVar variable : agent.getEnv()) {
                    builder.environment().put(variable.getName(), variable.getValue());
                }
                Process process = builder.start();
                try {
                    Await.until("the agent to remove lfb1", AGENT_WAIT, Duration.ofMillis(200), () -> {
                        assertThat(process.isAlive()).as("the agent runs: %s", read(output)).isTrue();
                        // and said so: the bridge is gone a moment before the agent's log line is written
                        return !bridges(namespace).contains("lfb1") && read(output).contains("removed bridge lfb1");
                    }, () -> read(output));
                    assertThat(capabilities(process)).as("the agent's effective capabilities: NET_ADMIN only")
                            .isEqualTo(1L << 12);
                } finally {
                    process.destroy();
                    if (!process.waitFor(30, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor();
                    }
                }
                assertThat(bridges(namespace)).containsExactlyInAnyOrder("lfb2", "br-other");
                String log = read(output);
                // the JVM's warnings (native access among them) and the agent's own; not the libraries' notes on a
                // loaded machine (Vert.x's blocked-thread checker)
                assertThat(log).contains("removed bridge lfb1").doesNotContain("WARNING:")
                        .doesNotContain("WARN dev.labforge").doesNotContain("ERROR");
                assertThat(tripped).as("ip ran").doesNotExist();
            }
        }
    }

    /** By construction, for the agent's own code: no class of it refers to the JDK's ways of starting a process. */
    @Test
    void theAgentsCodeReferencesNoProcessApi() {
        ArchRuleDefinition.noClasses().should().dependOnClassesThat().haveFullyQualifiedName(
                ProcessBuilder.class.getName()).orShould().callMethod(Runtime.class, "exec", String.class)
                .orShould().callMethod(Runtime.class, "exec", String[].class)
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(NodeAgent.class.getPackageName()));
    }

    /**
     * {@code command} in the namespace, in a mount namespace of its own where iproute2's binary (whatever links lead
     * to it) is the tripwire, as root with NET_ADMIN only and no privilege escalation: exec after exec, one pid.
     */
    private static List<String> wrapped(NetworkNamespace namespace, Path tripwire, List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of(executable("ip"), "netns", "exec", namespace.name(),
                executable("unshare"), "--mount", "--propagation", "private", "--", executable("sh"), "-c",
                executable("mount") + " --bind \"$0\" \"$1\" && shift && exec \"$@\"", tripwire.toString(),
                realIp().toString(), executable("setpriv"), "--bounding-set=-all,+net_admin", "--no-new-privs", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** A program that notes its arguments in {@code ip-ran} beside it and fails. */
    private static Path tripwire(Path directory) throws IOException {
        Path tripwire = directory.resolve("tripwire");
        Files.writeString(tripwire, "#!" + executable("sh") + "\necho \"ip $*\" >> " + directory.resolve("ip-ran")
                + "\nexit 1\n");
        Files.setPosixFilePermissions(tripwire, PosixFilePermissions.fromString("rwxr-xr-x"));
        return tripwire;
    }

    private static Path realIp() {
        try {
            return Path.of(executable("ip")).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int run(List<String> command, Path path) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().put("PATH", path.toString());
        Process process = builder.start();
        assertThat(process.waitFor(NetworkNamespace.COMMAND_WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static List<String> bridges(NetworkNamespace namespace) {
        return List.of(namespace.ip("-o", "link", "show", "type", "bridge").lines()
                .map(line -> line.split(": ")[1].split("[@:]")[0]).toArray(String[]::new));
    }

    /** CapEff of the agent's process: {@code ip netns exec} and setpriv exec the JVM, so its pid is the one started. */
    private static long capabilities(Process process) throws IOException {
        String status = Files.readString(Path.of("/proc", Long.toString(process.pid()), "status"));
        assertThat(status).contains("Name:\tjava");
        return status.lines().filter(line -> line.startsWith("CapEff:")).map(line -> Long.parseLong(line
                .substring("CapEff:".length()).strip(), 16)).findFirst().orElseThrow();
    }

    /**
     * Connections to {@code api} (a socket in the agent's namespace, where the mock API server is out of reach) go to
     * the mock API server. Every thread here is started from the host's namespace, so the sockets they open are too.
     */
    private static void forward(ServerSocket api, URI target) {
        Thread.ofPlatform().daemon().name("api-forward").start(() -> {
            while (!api.isClosed()) {
                try {
                    Socket client = api.accept();
                    Socket server = new Socket(target.getHost(), target.getPort());
                    Thread.ofPlatform().daemon().start(() -> pipe(client, server));
                    Thread.ofPlatform().daemon().start(() -> pipe(server, client));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ended) {
            // either side closed: so does the other
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    private static String executable(String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin").split(":")) {
            Path file = Path.of(directory, name);
            if (Files.isExecutable(file)) {
                return file.toString();
            }
        }
        throw new IllegalStateException(name + " is not on this test machine's PATH");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void nad(SimulatedCluster cluster, String bridge) {
        cluster.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("lab")
                .endMetadata().build()).create();
        GenericKubernetesResource nad = new GenericKubernetesResourceBuilder().withApiVersion(Multus.API_VERSION)
                .withKind("NetworkAttachmentDefinition").withNewMetadata().withName("link").withNamespace("lab")
                .endMetadata().build();
        nad.setAdditionalProperty("spec", Map.of("config", """
                {"cniVersion":"0.3.1","name":"link","type":"bridge","bridge":"%s","ipam":{}}""".formatted(bridge)));
        cluster.client().genericKubernetesResources(Multus.NAD).inNamespace("lab").resource(nad).create();
    }
}
