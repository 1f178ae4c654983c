package dev.labforge.booking.course;

import dev.labforge.access.Caller;
import dev.labforge.web.course.CourseVisibility;
import org.springframework.stereotype.Component;

/** Answers the classroom pages' question by the same rule the course API applies ({@link CourseAccess}). */
@Component
class CoursePageVisibility implements CourseVisibility {

    private final CourseAccess access;

    CoursePageVisibility(CourseAccess access) {
        this.access = access;
    }

    @Override
    public boolean visibleTo(Caller caller, String course) {
        return access.find(caller, course).isPresent();
    }
}
