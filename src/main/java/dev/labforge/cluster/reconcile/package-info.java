/**
 * The reconciler: {@link dev.labforge.cluster.reconcile.ClusterRuntime} starts the informer cache, the reconcile queue
 * and workers, the periodic resync (the lease, shared with scheduled runs, is in the top package); {@link dev.labforge.cluster.reconcile.LabReconciler} makes
 * one pass of one lab (load, plan, render, diff against the cache, write the difference through
 * {@link dev.labforge.cluster.reconcile.ObjectSync}), and the meters of passes and writes.
 *
 * <p>It hands what it observes to {@code cluster.status}, which records it.
 */
package dev.labforge.cluster.reconcile;
