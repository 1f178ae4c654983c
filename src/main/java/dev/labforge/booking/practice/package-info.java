/**
 * Practice time: a student's own bookings on their course lab (book, list, cancel, extend), the rules a slot obeys,
 * the weekly allowance, the free slots, the turn each booking waits for its pool, and the resize of a booked lab's
 * reservation when it is edited.
 *
 * <p>Depends on {@code booking.capacity}, {@code booking.timetable} and {@code booking.course}.
 */
package dev.labforge.booking.practice;
