package dev.labforge.booking.course;

import dev.labforge.access.AuditLog;
import dev.labforge.access.Caller;
import dev.labforge.access.IdpGroupsSeen;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rosters that follow the identity provider, as teams do: a user signing in with a course's group in
 * their groups claim is enrolled as a student (their own copy of the template, as from a join code),
 * and a user the group brought in is dropped, exactly as an instructor's removal would (access to
 * their lab gone at once, the running booking ended so the lab gets the course's end action, future
 * bookings cancelled), at the first sign-in whose claim no longer has the group or once the course no
 * longer follows it. Members added by hand are never touched. The signing-in user is the actor in the
 * audit log. Each course is changed in a transaction of its own, and a course that cannot take the
 * user (its template gone, say) is logged and skipped: a sign-in is never refused for a course.
 */
@Component
class CourseGroupRoster {

    private static final Logger log = LoggerFactory.getLogger(CourseGroupRoster.class);

    private final CourseGroups groups;
    private final Courses courses;
    private final CourseMembers members;
    private final Enrolment enrolment;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    CourseGroupRoster(CourseGroups groups, Courses courses, CourseMembers members, Enrolment enrolment,
                      AuditLog audit, TransactionTemplate transaction) {
        this.groups = groups;
        this.courses = courses;
        this.members = members;
        this.enrolment = enrolment;
        this.audit = audit;
        this.transaction = transaction;
    }

    @EventListener
    void follow(IdpGroupsSeen seen) {
        Caller user = seen.user();
        for (UUID courseId : groups.toJoin(user.userId(), seen.groups())) {
            inOwnTransaction(courseId, "enrol", () -> join(user, courseId, seen));
        }
        for (UUID courseId : groups.toLeave(user.userId(), seen.groups())) {
            inOwnTransaction(courseId, "drop", () -> leave(user, courseId, seen));
        }
    }

    private void join(Caller user, UUID courseId, IdpGroupsSeen seen) {
        Course course = courses.byId(courseId).orElse(null);
        if (course == null) {
            return;
        }
        courses.lock(courseId); // decided again under the roster's lock: an instructor may have added them meanwhile
        String group = groups.of(courseId).orElse(null);
        if (group == null || !seen.groups().contains(group) || members.find(courseId, user.userId()).isPresent()) {
            return;
        }
        enrolment.enrol(user, course, user.userId(), user.username(), CourseRole.STUDENT, CourseMembers.IDP);
        audit.record(user, "course.roster.add", CourseController.target(course),
                Map.of("user", user.username(), "role", CourseRole.STUDENT.label(), "source", CourseMembers.IDP,
                        "idpGroup", group));
    }

    private void leave(Caller user, UUID courseId, IdpGroupsSeen seen) {
        Course course = courses.byId(courseId).orElse(null);
        if (course == null) {
            return;
        }
        courses.lock(courseId);
        String group = groups.of(courseId).orElse(null);
        CourseMembers.Member member = members.find(courseId, user.userId()).orElse(null);
        if (member == null || !member.viaIdp() || (group != null && seen.groups().contains(group))) {
            return;
        }
        enrolment.drop(user, course, user.userId(), user.username());
        audit.record(user, "course.roster.remove", CourseController.target(course),
                Map.of("user", user.username(), "source", CourseMembers.IDP));
    }

    private void inOwnTransaction(UUID courseId, String what, Runnable change) {
        try {
            transaction.executeWithoutResult(status -> change.run());
        } catch (RuntimeException e) {
            log.warn("course {}: could not {} a user by its identity-provider group; their next sign-in tries again: {}",
                    courseId, what, e.toString());
        }
    }
}
