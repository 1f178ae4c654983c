/**
 * What is booked when: the bookings (a student's lab for a time, practice or a seat in a class session) and the class
 * sessions with their occurrences, which practice, sessions, enrolment, the calendars and the reconciler all read and
 * write; the lead times learned from boots ({@code image_boot_times}); and what the module's reconcilers and edits
 * share: the {@code labforge.booking} settings, the reconcile loop, a brief retry of a row lock, the 409 for times
 * taken.
 *
 * <p>Depends on {@code booking.capacity} only.
 */
package dev.labforge.booking.timetable;
