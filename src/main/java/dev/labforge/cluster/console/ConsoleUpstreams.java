package dev.labforge.cluster.console;

import dev.labforge.cluster.ClusterConnection;
import dev.labforge.cluster.plan.ClusterLabels;
import io.fabric8.kubernetes.client.http.HttpClient;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Where a node's console bytes come from: one connection per console, opened by its {@link SharedConsole} when the
 * first viewer joins. On a real cluster KubeVirt's console or vnc subresource of the node's VMI
 * ({@link KubeVirtConsole}); on the simulated cluster, where no VM runs, a {@link SimulatedRouterShell} for the serial
 * console and a {@link SimulatedRfbServer} for the screen.
 */
@Component
class ConsoleUpstreams {

    /** One open console connection: input goes in, output arrives at the consumer given to {@link #open}. */
    interface Upstream {
        /** Queues input; never blocks. */
        void send(byte[] input);

        /**
         * Waits while the upstream holds more unsent input than its bound, so that its caller (a viewer's socket)
         * stops being read; false if that lasted longer than {@code patience}.
         */
        default boolean awaitCapacity(java.time.Duration patience) {
            return true;
        }

        /** Read no more output until {@link #resume}: a viewer that must see everything is behind. */
        default void pause() {
        }

        default void resume() {
        }

        void close();
    }

    /** Opens a console's upstream: {@link ConsoleUpstreams#open}, or a stand-in in a test. */
    interface Opener {
        Upstream open(ConsoleTarget target, Consumer<byte[]> output, Ended ended);
    }

    /** What an upstream tells its console besides output: that it ended, and why. */
    interface Ended {
        void ended(ConsoleClose why);
    }

    private final ClusterConnection cluster;
    private final ConsoleAccess access;
    private final ConsoleProperties properties;
    /** Dials KubeVirt's console subresources on a real cluster; null on the simulated one. */
    private final HttpClient dialler;

    ConsoleUpstreams(ClusterConnection cluster, ConsoleAccess access, ConsoleProperties properties) {
        this.cluster = cluster;
        this.access = access;
        this.properties = properties;
        this.dialler = cluster.isSimulated() ? null : KubeVirtConsole.dialler(cluster.client().getHttpClient());
    }

    /** Whether this kind of console can be opened here; a problem saying why not, before any upgrade. */
    void check(ConsoleTarget target) {
    }

    Upstream open(ConsoleTarget target, Consumer<byte[]> output, Ended ended) {
        check(target);
        if (!cluster.isSimulated()) {
            // the VMI is named after its VM, which is named after the node (NodePlan.vmName)
            return KubeVirtConsole.open(dialler,
                    KubeVirtConsole.uri(cluster.client().getMasterUrl().toString(),
                            ClusterLabels.namespaceOf(target.lab()), target.node(), target.kind()),
                    output, ended, properties.inputBuffer().toBytes());
        }
        if (target.kind() == ConsoleKind.VNC) {
            return new SimulatedRfbServer(target.node(), access.facts(target).image(), output, ended);
        }
        SimulatedRouterShell shell = new SimulatedRouterShell(target.node(), () -> access.facts(target), output);
        shell.boot();
        return shell;
    }
}
