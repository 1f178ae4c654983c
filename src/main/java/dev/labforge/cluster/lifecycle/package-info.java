/**
 * What users ask of a running lab: start, stop, destroy, restart a node
 * ({@link dev.labforge.cluster.lifecycle.LifecycleController}, {@link dev.labforge.cluster.lifecycle.Lifecycle}),
 * the resources a running lab commits against quotas, and runs scheduled by bookings. Each request writes the desired
 * run into the runtime rows and wakes the reconciler with a {@link dev.labforge.cluster.lifecycle.RunRequested} event.
 */
package dev.labforge.cluster.lifecycle;
