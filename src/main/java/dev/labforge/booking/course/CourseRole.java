package dev.labforge.booking.course;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.labforge.access.Permission;
import java.util.Locale;
import java.util.Optional;

/** What a member is to a course. Each role includes what the ones before it may do. */
public enum CourseRole {
    /** Books practice time on their own lab, which they may edit. */
    STUDENT(Permission.EDIT),
    /** Sees the roster and operates every student's lab. */
    ASSISTANT(Permission.OPERATE),
    /** Runs the course: settings, roster, join code; admin on every student's lab. */
    INSTRUCTOR(Permission.ADMIN);

    private final Permission onStudentLabs;

    CourseRole(Permission onStudentLabs) {
        this.onStudentLabs = onStudentLabs;
    }

    /** The permission this role gives on student labs: a student's only on their own. */
    Permission onStudentLabs() {
        return onStudentLabs;
    }

    public boolean includes(CourseRole other) {
        return compareTo(other) >= 0;
    }

    static Optional<CourseRole> parse(String label) {
        for (CourseRole role : values()) {
            if (role.label().equals(label)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
