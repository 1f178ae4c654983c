/**
 * Courses: the course and its settings (REST, with merge-patch changes), its members and their roles, who may do
 * what in it, the roster (by hand or following an identity-provider group) and what joining or leaving means for the
 * students' labs (a copy of the template; a seat in a class session under way), the template and its re-apply, a
 * student's lab reset, and the console-transcript setting its labs inherit. The tables {@code courses} and
 * {@code course_members}.
 *
 * <p>Depends on {@code booking.capacity} and {@code booking.timetable}.
 */
package dev.labforge.booking.course;
