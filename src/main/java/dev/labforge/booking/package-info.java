/**
 * Classroom booking: capacity pools and the ledger of reservations against them, courses with their
 * rosters and per-student labs, the class sessions instructors book and the practice time students
 * book, the booking reconciler, the class view, and iCalendar exports and feeds. Rosters may follow an
 * identity-provider group: the access module publishes {@link dev.labforge.access.IdpGroupsSeen} at sign-in.
 *
 * <p>It owns the tables {@code capacity_pools}, {@code capacity_reservations} (and {@code capacity_ledger_changes},
 * written by a trigger on it, for {@link dev.labforge.booking.capacity.PoolLoads}, and {@code capacity_ledger_pruning}, where
 * {@link dev.labforge.booking.capacity.LedgerPruning} stands in deleting those), {@code courses},
 * {@code course_members}, {@code bookings}, {@code class_sessions}, {@code session_occurrences},
 * {@code image_boot_times}, {@code calendar_feeds} and {@code ad_hoc_runs} (labs started outside a booking,
 * which reserve like one: {@link dev.labforge.booking.adhoc.AdHocReservations}), and reads no other module's tables:
 * labs are copied, shared and read through the lab module's public face ({@link dev.labforge.lab.LabDefinitions},
 * {@link dev.labforge.lab.CourseLabs}), names through {@link dev.labforge.access.UserDirectory}. It
 * never imports {@code cluster}.
 *
 * <p>Every time decision takes the injected {@link java.time.Clock}, so tests move time instead of
 * sleeping.
 *
 * <p>Sub-packages by concern, each depending only on those listed before it (ModularityTest keeps it so):
 * {@code capacity} (pools, the ledger, demand), {@code timetable} (the bookings and class-session tables, lead
 * times, what every reconciler shares), {@code course} (courses, rosters, templates), then {@code practice} (a
 * student's own bookings), {@code session} (class sessions, the class view), {@code calendar} (iCalendar) and
 * {@code adhoc} (runs outside a booking). This package holds the booking reconciler, the loop that runs the ledger's
 * pruning, the module's meters and its clock; no sub-package depends on it.
 */
package dev.labforge.booking;
