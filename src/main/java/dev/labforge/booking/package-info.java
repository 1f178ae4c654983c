/**
 * Classroom booking: capacity pools and the ledger of reservations against them, courses with their
 * rosters and per-student labs, and the practice time students book.
 *
 * <p>It owns the tables {@code capacity_pools}, {@code capacity_reservations}, {@code courses},
 * {@code course_members} and {@code bookings}, and reads no other module's tables: labs are copied,
 * shared and read through the lab module's public face ({@link dev.labforge.lab.LabDefinitions},
 * {@link dev.labforge.lab.CourseLabs}), names through {@link dev.labforge.access.UserDirectory}. It
 * never imports {@code cluster}.
 *
 * <p>Every time decision takes the injected {@link java.time.Clock}, so tests move time instead of
 * sleeping.
 */
package dev.labforge.booking;
