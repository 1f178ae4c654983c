/**
 * Running labs on Kubernetes: the reconciler that drives the cluster to each lab's desired state
 * (PostgreSQL) and writes back what it observes.
 *
 * <p>{@code cluster.kubevirt} and {@code cluster.multus} render the objects (pure functions of a
 * {@link dev.labforge.cluster.LabPlan}); this package plans, diffs, applies and aggregates status.
 * Labs never learn about this module; it learns about labs through their public face.
 */
package dev.labforge.cluster;
