/**
 * The status path: the runtime rows of labs and nodes (desired run, state, held resources), the mapping of a VM's and
 * VMI's status to a node state, the aggregation of node states into a lab state, and the
 * {@link dev.labforge.cluster.status.StatusFollower} that records status changes in batches, written only when they
 * changed. Also the status read by the rest of the application ({@link dev.labforge.cluster.status.RuntimeStatus}) and
 * the counts behind the lab and node meters.
 */
package dev.labforge.cluster.status;
