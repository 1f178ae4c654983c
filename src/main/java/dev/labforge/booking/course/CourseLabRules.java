package dev.labforge.booking.course;

import dev.labforge.booking.timetable.BookingProperties;
import dev.labforge.booking.timetable.CourseRulesOfLabs;
import dev.labforge.booking.timetable.ExtensionRules;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A student's lab obeys its course's extension rules also when it runs outside a booking: what the course document
 * shows its students is the rule for every run of their labs, booked or not.
 */
@Component
class CourseLabRules implements CourseRulesOfLabs {

    private final CourseMembers members;
    private final Courses courses;
    private final BookingProperties defaults;

    CourseLabRules(CourseMembers members, Courses courses, BookingProperties defaults) {
        this.members = members;
        this.courses = courses;
        this.defaults = defaults;
    }

    @Override
    public Optional<ExtensionRules> extensionRules(UUID labId) {
        return members.courseOfLab(labId).flatMap(courses::byId).map(course -> course.extensionRules(defaults));
    }
}
