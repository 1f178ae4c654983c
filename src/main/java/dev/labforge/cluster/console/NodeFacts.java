package dev.labforge.cluster.console;

import java.util.List;

/**
 * What LabForge knows about one node, for the simulated router shell to answer from.
 *
 * @param state the node's observed state (READY, STOPPED, ...), or NOT-DEPLOYED for a lab never started
 */
record NodeFacts(String node, String image, String startupConfig, List<Interface> interfaces, String state,
                 String reason) {

    /** One wired interface: its name and the interface at the other end of its link. */
    record Interface(String name, String peerNode, String peerInterface, Integer mtu) {
    }
}
