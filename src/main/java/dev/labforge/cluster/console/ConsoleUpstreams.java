package dev.labforge.cluster.console;

import dev.labforge.api.ServiceUnavailable;
import dev.labforge.cluster.ClusterConnection;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Where a node's console bytes come from: one connection per console, opened by its {@link NodeConsole} when the
 * first viewer joins. On the simulated cluster a {@link SimulatedRouterShell}; on a real cluster (not yet) KubeVirt's
 * console subresource.
 */
@Component
class ConsoleUpstreams {

    /** One open console connection: input goes in, output arrives at the consumer given to {@link #open}. */
    interface Upstream {
        void send(byte[] input);

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

    ConsoleUpstreams(ClusterConnection cluster, ConsoleAccess access) {
        this.cluster = cluster;
        this.access = access;
    }

    /** Whether this kind of console can be opened here; a problem saying why not, before any upgrade. */
    void check(ConsoleTarget target) {
        if (!cluster.isSimulated()) {
            throw new ServiceUnavailable("consoles on a real cluster are not available yet; the simulated cluster"
                    + " has them");
        }
        if (target.kind() != ConsoleKind.SERIAL) {
            throw new ServiceUnavailable("the simulated cluster has no VNC screens yet; open the serial console");
        }
    }

    Upstream open(ConsoleTarget target, Consumer<byte[]> output, Ended ended) {
        check(target);
        SimulatedRouterShell shell = new SimulatedRouterShell(target.node(), () -> access.facts(target), output);
        shell.boot();
        return shell;
    }
}
