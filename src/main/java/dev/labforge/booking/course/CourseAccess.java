package dev.labforge.booking.course;

import dev.labforge.access.Caller;
import dev.labforge.api.Forbidden;
import dev.labforge.api.NotFound;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who may do what in a course: the one place that decides. A member's role decides; administrators
 * act as instructors of every course. A course the caller is not in answers 404 exactly like a
 * course that does not exist.
 */
@Component
public class CourseAccess {

    /** The course with the caller's role in it. */
    public record Enrolled(Course course, CourseRole role) {
    }

    private final Courses courses;
    private final CourseMembers members;

    CourseAccess(Courses courses, CourseMembers members) {
        this.courses = courses;
        this.members = members;
    }

    public Enrolled require(Caller caller, String courseName, CourseRole needed) {
        Enrolled enrolled = find(caller, courseName).orElseThrow(() -> notFound(courseName));
        CourseRole role = enrolled.role();
        if (!role.includes(needed)) {
            throw new Forbidden("you are " + article(role) + " of course '" + courseName + "'; this needs "
                    + article(needed));
        }
        return enrolled;
    }

    /** The course with the caller's role in it; empty alike when there is none by that name and when not theirs. */
    public Optional<Enrolled> find(Caller caller, String courseName) {
        return courses.byName(courseName).flatMap(course -> (caller.admin() ? Optional.of(CourseRole.INSTRUCTOR)
                : members.roleOf(course.id(), caller.userId())).map(role -> new Enrolled(course, role)));
    }

    private static String article(CourseRole role) {
        return (role == CourseRole.INSTRUCTOR || role == CourseRole.ASSISTANT ? "an " : "a ") + role.label();
    }

    public static NotFound notFound(String courseName) {
        return new NotFound("no course named '" + courseName + "'");
    }
}
