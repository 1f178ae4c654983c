package dev.labforge.nodeagent;

/**
 * A Linux bridge on the node.
 *
 * @param ports interfaces enslaved to it: a bridge with any is in use (a VM's pod still has its veth there)
 */
record HostBridge(String name, int ports) {
}
