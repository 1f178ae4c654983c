/**
 * Capacity: the pools booked runs reserve from (sized by an admin or derived from the Kubernetes Nodes their selector
 * matches), the ledger of reservations against them that makes overbooking impossible (each writer locks the pool's
 * row), a pool's load and where one more run fits, the demand of a template, and the resize of a running lab's
 * reservation. The tables {@code capacity_pools}, {@code capacity_reservations}, {@code capacity_ledger_changes} and
 * {@code capacity_ledger_pruning} (where {@link dev.labforge.booking.capacity.LedgerPruning} stands in deleting the
 * changes no kept load needs).
 *
 * <p>The bottom of the booking module: it depends on no other booking package.
 */
package dev.labforge.booking.capacity;
