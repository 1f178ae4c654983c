/**
 * Each lab's event log: the append-only {@code lab_events} rows written beside status changes and lifecycle requests,
 * the newest events, and the REST and server-sent-event endpoints that serve them
 * ({@link dev.labforge.cluster.events.EventsController}). Knows no other part of the cluster module.
 */
package dev.labforge.cluster.events;
