package dev.labforge.booking.course;

import dev.labforge.access.Caller;
import dev.labforge.access.Permission;
import dev.labforge.access.UserDirectory;
import dev.labforge.api.Conflict;
import dev.labforge.booking.timetable.Bookings;
import dev.labforge.lab.CourseLabs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joining and leaving a course, and what that means for the students' labs: a student gets their own
 * copy of the template with {@code edit} on it; instructors get {@code admin} and assistants
 * {@code operate} on every student's lab. Roster changes of one course run one at a time (the
 * course's row lock), so a student joining while an instructor joins ends with both grants.
 */
@Component
class Enrolment {

    /** Lab names are at most 63 characters; the lab module may append "-2" and so on. */
    private static final int MAX_LAB_NAME = 60;

    private final Courses courses;
    private final CourseMembers members;
    private final CourseLabs labs;
    private final Bookings bookings;
    private final UserDirectory users;
    private final LateSeats lateSeats;
    private final Clock clock;

    Enrolment(Courses courses, CourseMembers members, CourseLabs labs, Bookings bookings, UserDirectory users,
              LateSeats lateSeats, Clock clock) {
        this.courses = courses;
        this.members = members;
        this.labs = labs;
        this.bookings = bookings;
        this.users = users;
        this.lateSeats = lateSeats;
        this.clock = clock;
    }

    /** Adds the user with this role, or changes their role, by hand; returns whether anything changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean enrol(Caller actor, Course course, UUID userId, String username, CourseRole role) {
        return enrol(actor, course, userId, username, role, CourseMembers.MANUAL);
    }

    /**
     * As {@link #enrol(Caller, Course, UUID, String, CourseRole)}, saying where it comes from: the
     * course's idp group ({@link CourseMembers#IDP}) or a person ({@link CourseMembers#MANUAL}). A
     * person naming someone the group brought in makes them a manual member, with the same role.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean enrol(Caller actor, Course course, UUID userId, String username, CourseRole role, String source) {
        courses.lock(course.id());
        CourseMembers.Member before = members.find(course.id(), userId).orElse(null);
        if (before != null && before.role() == role) {
            if (before.viaIdp() && CourseMembers.MANUAL.equals(source)) {
                members.markManual(course.id(), userId);
            }
            return false;
        }
        List<CourseMembers.Member> roster = members.of(course.id());
        if (before != null && before.role() == CourseRole.INSTRUCTOR) {
            requireAnotherInstructor(course, roster, username);
        }
        UUID ownLab = before == null ? null : before.labId();
        if (role == CourseRole.STUDENT && ownLab == null) {
            ownLab = labs.copyForCourse(actor, course.templateLabId(), course.id(), userId, labName(course, username),
                    "the lab of " + username + " in course " + course.name());
        }
        members.put(course.id(), userId, role, ownLab, clock.instant(), source);
        if (role == CourseRole.STUDENT) {
            if (before != null) { // from staff back to student: nothing on the others' labs any more
                forEachStudentLab(roster, userId, lab -> labs.revoke(actor, lab, userId, username));
            }
            labs.grant(actor, ownLab, userId, username, Permission.EDIT);
            List<CourseMembers.Member> staff = roster.stream().filter(m -> m.role() != CourseRole.STUDENT).toList();
            Map<UUID, String> names = users.usernames(staff.stream().map(CourseMembers.Member::userId).toList());
            for (CourseMembers.Member member : staff) {
                labs.grant(actor, ownLab, member.userId(), names.get(member.userId()), member.role().onStudentLabs());
            }
            lateSeats.seat(course, userId, username, ownLab); // a class under way has a lab for them too
        } else {
            forEachStudentLab(roster, userId, lab -> labs.grant(actor, lab, userId, username,
                    role.onStudentLabs()));
            if (ownLab != null) { // a student made staff keeps their lab, with what staff get on every student's
                labs.grant(actor, ownLab, userId, username, max(Permission.EDIT, role.onStudentLabs()));
            }
        }
        return true;
    }

    /**
     * Removes the member: a student loses their grant on their lab (the lab stays, owned by the course)
     * and their future bookings are cancelled; staff lose their grants on the students' labs.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void drop(Caller actor, Course course, UUID userId, String username) {
        courses.lock(course.id());
        CourseMembers.Member member = members.find(course.id(), userId)
                .orElseThrow(() -> new dev.labforge.api.NotFound("'" + username + "' is not in course '"
                        + course.name() + "'"));
        List<CourseMembers.Member> roster = members.of(course.id());
        if (member.role() == CourseRole.INSTRUCTOR) {
            requireAnotherInstructor(course, roster, username);
        }
        if (member.role() != CourseRole.STUDENT) {
            forEachStudentLab(roster, userId, lab -> labs.revoke(actor, lab, userId, username));
        }
        if (member.labId() != null) {
            labs.revoke(actor, member.labId(), userId, username);
        }
        bookings.cancelFutureOf(course.id(), userId, clock.instant());
        members.remove(course.id(), userId);
    }

    /** A course always has an instructor: someone must be able to change it. */
    private static void requireAnotherInstructor(Course course, List<CourseMembers.Member> roster, String username) {
        if (roster.stream().filter(m -> m.role() == CourseRole.INSTRUCTOR).count() == 1) {
            throw new Conflict("'" + username + "' is the only instructor of course '" + course.name()
                    + "': make someone else instructor first");
        }
    }

    private static void forEachStudentLab(List<CourseMembers.Member> roster, UUID except,
                                          java.util.function.Consumer<UUID> action) {
        roster.stream().filter(m -> m.role() == CourseRole.STUDENT && m.labId() != null && !m.userId().equals(except))
                .map(CourseMembers.Member::labId).forEach(action);
    }

    private static Permission max(Permission a, Permission b) {
        return a.includes(b) ? a : b;
    }

    /** {@code <course>-<username>}, shortened with a stable hash where a long username would pass the limit. */
    static String labName(Course course, String username) {
        String name = course.name() + "-" + username;
        if (name.length() <= MAX_LAB_NAME) {
            return name;
        }
        String hash = UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString().substring(0, 8);
        return name.substring(0, MAX_LAB_NAME - hash.length() - 1) + "-" + hash;
    }
}
