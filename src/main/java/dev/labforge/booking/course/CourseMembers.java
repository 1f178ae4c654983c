package dev.labforge.booking.course;

import dev.labforge.booking.capacity.CapacityLedger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The course_members table: the roster. */
@Component
public class CourseMembers {

    /**
     * One member; {@code labId} is a student's own lab; {@code source} says how they came in:
     * {@link #MANUAL} (roster, join code) or {@link #IDP} (the course's identity-provider group).
     */
    public record Member(UUID userId, CourseRole role, UUID labId, Instant addedAt, String source) {

        boolean viaIdp() {
            return IDP.equals(source);
        }
    }

    /** Added in LabForge: never dropped by a sign-in. */
    static final String MANUAL = "manual";
    /** Enrolled by the course's idp group; a sign-in without the group drops them. */
    static final String IDP = "idp";

    private static final String COLUMNS = "select user_id, role, lab_id, added_at, source from course_members";

    private final JdbcClient jdbc;

    CourseMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CourseRole> roleOf(UUID courseId, UUID userId) {
        return find(courseId, userId).map(Member::role);
    }

    public Optional<Member> find(UUID courseId, UUID userId) {
        return jdbc.sql(COLUMNS + " where course_id = ? and user_id = ?")
                .params(courseId, userId).query((rs, row) -> member(rs)).optional();
    }

    /** The member's row, locked until the transaction ends: one student's bookings are decided one at a time. */
    public Optional<Member> lock(UUID courseId, UUID userId) {
        return jdbc.sql(COLUMNS + " where course_id = ? and user_id = ? for update")
                .params(courseId, userId).query((rs, row) -> member(rs)).optional();
    }

    /** Locks every member's row: bookings being decided finish first, and none starts until the transaction ends. */
    void lockAll(UUID courseId) {
        jdbc.sql("select user_id from course_members where course_id = ? order by user_id for update").param(courseId)
                .query(UUID.class).list();
    }

    /** The course whose student's own lab this is (also kept by one made staff since); empty for any other lab. */
    Optional<UUID> courseOfLab(UUID labId) {
        return jdbc.sql("select course_id from course_members where lab_id = ? limit 1").param(labId).query(UUID.class)
                .optional();
    }

    public List<Member> of(UUID courseId) {
        return jdbc.sql(COLUMNS + " where course_id = ?"
                        + " order by case role when 'instructor' then 0 when 'assistant' then 1 else 2 end, added_at, user_id")
                .param(courseId).query((rs, row) -> member(rs)).list();
    }

    /**
     * Adds the member or changes their role; a lab once recorded stays. A change made by hand makes the
     * membership {@link #MANUAL}: the instructor's decision outlasts what the identity provider says.
     */
    void put(UUID courseId, UUID userId, CourseRole role, UUID labId, Instant now, String source) {
        jdbc.sql("""
                        insert into course_members (course_id, user_id, role, lab_id, added_at, source)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (course_id, user_id) do update
                        set role = excluded.role, lab_id = coalesce(course_members.lab_id, excluded.lab_id),
                            source = excluded.source""")
                .params(courseId, userId, role.label(), labId, CapacityLedger.utc(now), source).update();
    }

    void markManual(UUID courseId, UUID userId) {
        jdbc.sql("update course_members set source = 'manual' where course_id = ? and user_id = ?")
                .params(courseId, userId).update();
    }

    void remove(UUID courseId, UUID userId) {
        jdbc.sql("delete from course_members where course_id = ? and user_id = ?").params(courseId, userId).update();
    }

    private static Member member(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Member(rs.getObject(1, UUID.class), CourseRole.parse(rs.getString(2)).orElseThrow(),
                rs.getObject(3, UUID.class), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5));
    }
}
