/**
 * iCalendar (RFC 5545) exports of one's bookings and of a course's class sessions, and the secret feed URL a calendar
 * app subscribes to (the table {@code calendar_feeds}).
 *
 * <p>Depends on {@code booking.capacity}, {@code booking.timetable}, {@code booking.course} and
 * {@code booking.practice}.
 */
package dev.labforge.booking.calendar;
