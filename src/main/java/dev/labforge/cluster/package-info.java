/**
 * Running labs on Kubernetes: the wiring of the cluster module (connection, settings, CRD and permission checks, the
 * cluster meters); each concern has its own sub-package:
 *
 * <ul>
 *   <li>{@code cluster.plan}: what a lab should look like on the cluster (plans, labels, hashes);</li>
 *   <li>{@code cluster.kubevirt}, {@code cluster.multus}: render the objects, pure functions of a plan;</li>
 *   <li>{@code cluster.reconcile}: the reconciler, its queue, lease and informer cache;</li>
 *   <li>{@code cluster.status}: the status path from what the cluster shows to the runtime rows;</li>
 *   <li>{@code cluster.events}: each lab's event log and its streams;</li>
 *   <li>{@code cluster.lifecycle}: start, stop, destroy and scheduled runs;</li>
 *   <li>{@code cluster.console}: serial and VNC consoles;</li>
 *   <li>{@code cluster.simulated}: the simulated cluster.</li>
 * </ul>
 *
 * <p>Labs never learn about this module; it learns about labs through their public face.
 */
package dev.labforge.cluster;
