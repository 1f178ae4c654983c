package dev.labforge.cluster.console;

import dev.labforge.access.Caller;
import dev.labforge.access.Credentials;
import dev.labforge.access.Permission;
import dev.labforge.api.Conflict;
import dev.labforge.api.Forbidden;
import dev.labforge.api.NotFound;
import dev.labforge.api.ProblemException;
import dev.labforge.api.Unauthenticated;
import dev.labforge.lab.LabDefinition;
import dev.labforge.lab.LabDefinitions;
import dev.labforge.lab.LabStatus;
import dev.labforge.lab.LabStatusSource;
import dev.labforge.topology.Endpoint;
import dev.labforge.topology.Link;
import dev.labforge.topology.Node;
import dev.labforge.topology.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may open or keep a console, and whether there is one to open: {@code operate} on the lab, a node of that
 * name, and a node whose VM runs (a serial line or screen exists only then). Asked when a ticket is bought, when
 * it is redeemed, and every few seconds while the console is open.
 */
@Component
class ConsoleAccess {

    /** States in which the VM (a VMI) exists, so its console does. */
    private static final Set<String> RUNNING = Set.of("BOOTING", "READY");
    /** The state of a node of a lab never started, or destroyed: the lab's status lists no node then. */
    private static final String NOT_DEPLOYED = "NOT_DEPLOYED";

    /** Who is at the console, with what they may do there now. */
    record Admitted(Caller caller, boolean instructor) {
    }

    private final LabDefinitions labs;
    private final LabStatusSource status;
    private final Credentials credentials;

    ConsoleAccess(LabDefinitions labs, LabStatusSource status, Credentials credentials) {
        this.labs = labs;
        this.status = status;
        this.credentials = credentials;
    }

    /**
     * The caller as they stand now, if their credential still holds and they may open this console now.
     *
     * @throws ProblemException saying why not: unauthenticated, not found, forbidden, or a conflict (not running)
     */
    Admitted admit(Caller caller, ConsoleTarget target) {
        Caller current = credentials.current(caller)
                .orElseThrow(() -> new Unauthenticated("the token this console was opened with is revoked or expired,"
                        + " or its user is disabled"));
        Permission permission = labs.permission(current, target.lab());
        if (!permission.includes(Permission.OPERATE)) {
            throw new Forbidden("you have " + permission.label() + " access to lab " + target.lab()
                    + "; a console needs operate");
        }
        LabDefinition lab = labs.find(target.lab()).orElseThrow(() -> new NotFound("lab " + target.lab() + " is gone"));
        lab.topology().node(target.node())
                .orElseThrow(() -> new NotFound("lab " + target.lab() + " has no node " + target.node()));
        String state = state(target.lab(), target.node());
        if (!RUNNING.contains(state)) {
            throw new NodeNotRunning(target.node(), state);
        }
        return new Admitted(current, permission.includes(Permission.ADMIN));
    }

    /** Why the viewer may not stay at the console any more; empty while they may. */
    Optional<ConsoleClose> revoked(Caller caller, ConsoleTarget target) {
        try {
            admit(caller, target);
            return Optional.empty();
        } catch (NodeNotRunning notRunning) {
            // a destroyed lab keeps its definition but shows no node at all
            return Optional.of(notRunning.deployed() ? ConsoleClose.NODE_STOPPED : ConsoleClose.LAB_DESTROYED);
        } catch (NotFound gone) {
            return Optional.of(labs.find(target.lab()).isPresent() ? ConsoleClose.PERMISSION_REVOKED
                    : ConsoleClose.LAB_DESTROYED);
        } catch (ProblemException refused) {
            return Optional.of(ConsoleClose.PERMISSION_REVOKED);
        }
    }

    /** What the simulated shell answers from, read afresh each time. */
    NodeFacts facts(ConsoleTarget target) {
        LabDefinition lab = labs.find(target.lab()).orElseThrow(() -> new NotFound("lab " + target.lab() + " is gone"));
        Node node = lab.topology().node(target.node())
                .orElseThrow(() -> new NotFound("lab " + target.lab() + " has no node " + target.node()));
        List<NodeFacts.Interface> interfaces = new ArrayList<>();
        for (Link link : lab.topology().links()) {
            for (int end = 0; end < 2; end++) {
                Endpoint mine = end == 0 ? link.a() : link.b();
                Endpoint peer = end == 0 ? link.b() : link.a();
                if (mine.node().equals(node.name())) {
                    interfaces.add(new NodeFacts.Interface(mine.iface(), peer.node(), peer.iface(), link.mtu()));
                }
            }
        }
        for (Segment segment : lab.topology().segments()) { // a LAN's peer is the segment itself
            segment.endpoints().stream().filter(end -> end.node().equals(node.name())).forEach(end ->
                    interfaces.add(new NodeFacts.Interface(end.iface(), segment.name(), "segment", segment.mtu())));
        }
        Optional<LabStatus.NodeStatus> observed = nodeStatus(target.lab(), target.node());
        return new NodeFacts(node.name(), node.image(), node.startupConfig(), interfaces,
                observed.map(LabStatus.NodeStatus::state).orElse(NOT_DEPLOYED),
                observed.map(LabStatus.NodeStatus::reason).orElse(null));
    }

    /** A console asked of a node whose VM does not run: 409, before any upgrade. */
    static final class NodeNotRunning extends Conflict {

        private final String state;

        NodeNotRunning(String node, String state) {
            super("node " + node + " is " + state.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + ": it has a console only while its VM runs; start it first");
            this.state = state;
        }

        boolean deployed() {
            return !NOT_DEPLOYED.equals(state);
        }
    }

    private String state(UUID lab, String node) {
        return nodeStatus(lab, node).map(LabStatus.NodeStatus::state).orElse(NOT_DEPLOYED);
    }

    private Optional<LabStatus.NodeStatus> nodeStatus(UUID lab, String node) {
        return status.statusOf(lab).flatMap(s -> s.nodes().stream().filter(n -> n.name().equals(node)).findFirst());
    }
}
