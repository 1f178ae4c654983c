/**
 * The node agent: a small process on every node (a DaemonSet, the same image as the service, another main class)
 * that removes the host bridges of links that no longer exist. The CNI bridge plugin creates a bridge per link on
 * first use and never deletes it; without this, every destroyed lab leaves its {@code lfb*} bridges behind.
 *
 * <p>It starts neither the web service nor a database: it lists NetworkAttachmentDefinitions and the host's bridges,
 * and deletes only bridges named as LabForge names them that no NAD refers to, have no ports, and have stayed so
 * for a grace period. It runs no command: it lists and removes links over rtnetlink through {@code java.lang.foreign}
 * ({@code RouteSocket}), so it runs in the service's image, which has no iproute2.
 */
package dev.labforge.nodeagent;
