/**
 * What a lab should look like on the cluster: the run a user asked for ({@link dev.labforge.cluster.plan.DesiredRun}),
 * the plan made from a lab definition ({@link dev.labforge.cluster.plan.LabPlanner} to
 * {@link dev.labforge.cluster.plan.LabPlan}, with its nodes, NICs, MACs and link bridges or VLANs), and the labels and
 * content hashes every rendered object carries.
 *
 * <p>Pure plans: {@code cluster.kubevirt} and {@code cluster.multus} render objects from them, the reconciler applies
 * them. Nothing here knows the reconciler, the status path, events or lifecycle.
 */
package dev.labforge.cluster.plan;
