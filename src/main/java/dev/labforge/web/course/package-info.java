/** The classroom pages: a student's courses, bookings and lab of the moment; an instructor's live class view. */
package dev.labforge.web.course;
