package dev.labforge.cluster.simulated;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SIMULATED Kubernetes cluster in this process: the fabric8 mock API server in CRUD mode on a random localhost
 * port (its store indexed by name, see {@link IndexedStore}), with the KubeVirt (VirtualMachine,
 * VirtualMachineInstance) and Multus (NetworkAttachmentDefinition) CRDs registered, and a
 * {@link VirtControllerSimulator} moving VM status along. No VM runs; see the package description.
 *
 * <p>Registering the CRDs is what gives VirtualMachines a status subresource, as on a real cluster: create drops
 * {@code status}, update and patch keep it, and only {@code updateStatus}/{@code editStatus} change it.
 */
public final class SimulatedCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedCluster.class);

    /**
     * The simulator's {@code User-Agent}: as on a real cluster, where virt-controller is its own client, the API's
     * {@link RequestLog} can tell its status writes and watches from the application's.
     */
    public static final String SIMULATOR_AGENT = "labforge-simulated-virt-controller";

    /** The CRDs, in src/main/resources/simulated; each file names its source. */
    private static final List<String> CRDS = List.of(
            "virtualmachines.kubevirt.io.yaml",
            "virtualmachineinstances.kubevirt.io.yaml",
            "network-attachment-definitions.k8s.cni.cncf.io.yaml");

    /**
     * The mock web server logs every request at INFO through java.util.logging: one line per API call is noise
     * for a cluster that runs for days. Held here because java.util.logging only keeps loggers weakly.
     */
    private static final java.util.logging.Logger MOCK_SERVER_LOG =
            java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    private final KubernetesMockServer server;
    private final RequestLog requests;
    private final KubernetesClient client;
    private final KubernetesClient simulatorClient;
    private final VirtControllerSimulator simulator;

    private SimulatedCluster(SimulatorSettings settings, java.time.Clock clock) {
        MOCK_SERVER_LOG.setLevel(Level.WARNING);
        Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
        MockWebServer web = new MockWebServer();
        requests = new RequestLog(new ScriptedOrStored(expectations, new IndexedStore()), web);
        // plain HTTP: the API only listens on the loopback interface, and TLS would cost a key pair per start
        server = new KubernetesMockServer(new Context(Serialization.jsonMapper()), web, expectations, requests, false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        client = server.createClient();
        // its own client, like a separate process: closing the application's client must not stop the simulation
        simulatorClient = server.createClient(b -> b.editOrNewConfig().withUserAgent(SIMULATOR_AGENT).endConfig());
        VirtControllerSimulator virtController = new VirtControllerSimulator(simulatorClient, settings, clock);
        try {
            CRDS.forEach(this::register);
            settings.nodes().forEach(node -> client.nodes().resource(node.render()).create());
            virtController.start();
        } catch (RuntimeException e) {
            virtController.close();
            server.destroy();
            simulatorClient.close();
            client.close();
            throw e;
        }
        simulator = virtController;
        log.warn("SIMULATED cluster: in-process Kubernetes API at {}, KubeVirt and Multus simulated, no VM runs",
                url());
    }

    /** Starts a simulated cluster whose virt-controller takes {@link SimulatorSettings#defaults() default} time. */
    public static SimulatedCluster start() {
        return start(SimulatorSettings.defaults());
    }

    /** Starts a simulated cluster whose virt-controller's delays pass on the system clock. */
    public static SimulatedCluster start(SimulatorSettings settings) {
        return start(settings, java.time.Clock.systemUTC());
    }

    /** @param clock the service's clock: the simulated virt-controller's delays pass on it, as the service sees time */
    public static SimulatedCluster start(SimulatorSettings settings, java.time.Clock clock) {
        return new SimulatedCluster(settings, clock);
    }

    /** A client for the simulated API; closed with the cluster. */
    public KubernetesClient client() {
        return client;
    }

    /** The simulated API's base URL, such as {@code http://localhost:41234/}. */
    public String url() {
        return server.url("/");
    }

    public VirtControllerSimulator simulator() {
        return simulator;
    }

    /**
     * The mock server itself, for failure injection: expectations added to it answer before the CRUD
     * store does, e.g. a 500 for the next two creates of some kind.
     */
    public KubernetesMockServer server() {
        return server;
    }

    /** Counts of the answers the simulated API gave, by status code: tests check injected failures were used. */
    public RequestLog requests() {
        return requests;
    }

    /** Stops the simulator, then the API (so clients see their connections close), then the clients. */
    @Override
    public void close() {
        simulator.close();
        server.destroy();
        simulatorClient.close();
        client.close();
    }

    private void register(String file) {
        try (InputStream yaml = SimulatedCluster.class.getResourceAsStream("/simulated/" + file)) {
            if (yaml == null) {
                throw new IllegalStateException("missing resource /simulated/" + file);
            }
                CustomResourceDefinition crd = Serialization.unmarshal(yaml, CustomResourceDefinition.class);
            client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
