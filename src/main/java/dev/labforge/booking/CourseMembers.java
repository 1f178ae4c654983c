package dev.labforge.booking;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The course_members table: the roster. */
@Component
class CourseMembers {

    /** One member; {@code labId} is a student's own lab. */
    record Member(UUID userId, CourseRole role, UUID labId, Instant addedAt) {
    }

    private final JdbcClient jdbc;

    CourseMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CourseRole> roleOf(UUID courseId, UUID userId) {
        return find(courseId, userId).map(Member::role);
    }

    Optional<Member> find(UUID courseId, UUID userId) {
        return jdbc.sql("select user_id, role, lab_id, added_at from course_members where course_id = ? and user_id = ?")
                .params(courseId, userId).query((rs, row) -> member(rs)).optional();
    }

    /** The member's row, locked until the transaction ends: one student's bookings are decided one at a time. */
    Optional<Member> lock(UUID courseId, UUID userId) {
        return jdbc.sql("select user_id, role, lab_id, added_at from course_members"
                        + " where course_id = ? and user_id = ? for update")
                .params(courseId, userId).query((rs, row) -> member(rs)).optional();
    }

    List<Member> of(UUID courseId) {
        return jdbc.sql("select user_id, role, lab_id, added_at from course_members where course_id = ?"
                        + " order by case role when 'instructor' then 0 when 'assistant' then 1 else 2 end, added_at, user_id")
                .param(courseId).query((rs, row) -> member(rs)).list();
    }

    /** Adds the member or changes their role; a lab once recorded stays. */
    void put(UUID courseId, UUID userId, CourseRole role, UUID labId, Instant now) {
        jdbc.sql("""
                        insert into course_members (course_id, user_id, role, lab_id, added_at) values (?, ?, ?, ?, ?)
                        on conflict (course_id, user_id) do update
                        set role = excluded.role, lab_id = coalesce(course_members.lab_id, excluded.lab_id)""")
                .params(courseId, userId, role.label(), labId, CapacityLedger.utc(now)).update();
    }

    void remove(UUID courseId, UUID userId) {
        jdbc.sql("delete from course_members where course_id = ? and user_id = ?").params(courseId, userId).update();
    }

    private static Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Member(rs.getObject(1, UUID.class), CourseRole.parse(rs.getString(2)).orElseThrow(),
                rs.getObject(3, UUID.class), rs.getObject(4, OffsetDateTime.class).toInstant());
    }
}
