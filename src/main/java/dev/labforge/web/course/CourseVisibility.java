package dev.labforge.web.course;

import dev.labforge.access.Caller;

/**
 * What the classroom pages need to know of courses before they render a frame: whether the caller may see a course at
 * all. The web module owns this port and the booking module implements it, since the web may not know booking
 * (ModularityTest): the pages ask, booking decides.
 */
public interface CourseVisibility {

    /**
     * Whether the course by that name exists for the caller: false alike for no course by that name and for one they
     * are not a member of (administrators see every course), as the API answers 404 alike for both.
     */
    boolean visibleTo(Caller caller, String course);
}
