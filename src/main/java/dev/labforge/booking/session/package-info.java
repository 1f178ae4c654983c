/**
 * Class sessions instructors book for the whole roster: recurring in the course's time zone, every occurrence's
 * capacity reserved at once, cancelled one by one or as a series; and the instructor's live class view.
 *
 * <p>Depends on {@code booking.capacity}, {@code booking.timetable}, {@code booking.course} and, for the quarter-hour
 * steps, {@code booking.practice}.
 */
package dev.labforge.booking.session;
