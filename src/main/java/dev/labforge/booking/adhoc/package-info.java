/**
 * Labs started outside any booking: each run reserves from a pool like a booking (the course's pool for a student's
 * course lab, else {@code labforge.booking.ad-hoc.pool}), is warned of and stopped at its end unless extended (a course
 * lab's run by its course's extension rules, which {@code booking.course} gives through
 * {@link dev.labforge.booking.timetable.CourseRulesOfLabs}), and
 * is resized when its lab is edited; which pool a lab's runs take capacity from also gives its VMs their node
 * selector. The table {@code ad_hoc_runs}.
 *
 * <p>Depends on {@code booking.capacity} and {@code booking.timetable}.
 */
package dev.labforge.booking.adhoc;
