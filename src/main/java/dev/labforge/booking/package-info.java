/**
 * Classroom booking: capacity pools and the ledger of reservations against them, courses with their
 * rosters and per-student labs, the class sessions instructors book and the practice time students
 * book, the booking reconciler, the class view, and iCalendar exports and feeds. Rosters may follow an
 * identity-provider group: the access module publishes {@link dev.labforge.access.IdpGroupsSeen} at sign-in.
 *
 * <p>It owns the tables {@code capacity_pools}, {@code capacity_reservations} (and {@code capacity_ledger_changes},
 * written by a trigger on it, for {@link dev.labforge.booking.PoolLoads}, and {@code capacity_ledger_pruning}, where
 * {@link dev.labforge.booking.LedgerPruner} stands in deleting those), {@code courses},
 * {@code course_members}, {@code bookings}, {@code class_sessions}, {@code session_occurrences},
 * {@code image_boot_times}, {@code calendar_feeds} and {@code ad_hoc_runs} (labs started outside a booking,
 * which reserve like one: {@link dev.labforge.booking.AdHocReservations}), and reads no other module's tables:
 * labs are copied, shared and read through the lab module's public face ({@link dev.labforge.lab.LabDefinitions},
 * {@link dev.labforge.lab.CourseLabs}), names through {@link dev.labforge.access.UserDirectory}. It
 * never imports {@code cluster}.
 *
 * <p>Every time decision takes the injected {@link java.time.Clock}, so tests move time instead of
 * sleeping.
 */
package dev.labforge.booking;
